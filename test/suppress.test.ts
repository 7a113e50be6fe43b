/**
 * Suppression comments silence findings in the engine, so the language server, the CLI and the scan all honour them.
 * Every case compares the same document with and without the comment: the comment, not the text, makes the difference.
 */
import { strict as assert } from 'node:assert';
import { analyze, scan } from '../server/src/engine';

const BASE = [
  '---',
  'type: convenant',
  '---',
  '# Convenant Kindcentrum Noord',
  '',
  '## Partijen',
  '',
  '- Gemeente Rivierstad, vertegenwoordigd door wethouder A. de Vries',
  '- Stichting Openbaar Primair Onderwijs Rivierland',
  '',
  '## Ambitie',
  '',
  'Wij willen de kansengelijkheid zoveel mogelijk verbeteren.',
  '',
  'Wij willen ook de samenwerking zoveel mogelijk versterken.',
  '',
  '## Bijdragen',
  '',
  '| Partij | Bijdrage |',
  '| --- | --- |',
  '| Gemeente Rivierstad | € 120.000 per jaar |',
  '| Stichting Openbaar Primair Onderwijs Rivierland | [bedrag] |',
  '',
];

/** The document with `comment` inserted as a line before line `before` (0-based, in BASE). */
const withLine = (before: number, comment: string): string => [...BASE.slice(0, before), comment, ...BASE.slice(before)].join('\n');
const rules = (text: string, chunked?: boolean): string[] => analyze(text, chunked ? { cache: new Map(), chunked: true } : {}).findings.map((f) => `${f.ruleId}:${f.range.start.line}`);

describe('suppression comments', () => {
  const plain = BASE.join('\n');

  it('the base document has the findings the cases silence', () => {
    assert.deepEqual(rules(plain), ['missing-stakeholder:5', 'missing-stakeholder:5', 'vague-ambition:12', 'vague-ambition:14', 'unfilled-placeholder:21']);
  });

  it('disable-next-line silences the named rule on the next line only', () => {
    const text = withLine(12, '<!-- samenspel-disable-next-line vague-ambition -->');
    assert.deepEqual(rules(text), ['missing-stakeholder:5', 'missing-stakeholder:5', 'vague-ambition:15', 'unfilled-placeholder:22']);
    assert.equal(analyze(text).suppressed, 1);
  });

  it('disable-next-line without a rule silences every rule on that line', () => {
    assert.deepEqual(rules(withLine(5, '<!-- samenspel-disable-next-line -->')), ['vague-ambition:13', 'vague-ambition:15', 'unfilled-placeholder:22']);
  });

  it('disable-next-line for another rule silences nothing', () => {
    assert.equal(rules(withLine(12, '<!-- samenspel-disable-next-line missing-stakeholder -->')).length, 5);
  });

  it('disable … enable silences a stretch, for several rules separated by commas or spaces', () => {
    const lines = [...BASE];
    lines.splice(10, 0, '<!-- samenspel-disable vague-ambition, unfilled-placeholder -->', '');
    lines.splice(18, 0, '<!-- samenspel-enable vague-ambition unfilled-placeholder -->', '');
    // The ambition section is silenced; the table after the enable comment is not.
    assert.deepEqual(rules(lines.join('\n')), ['missing-stakeholder:5', 'missing-stakeholder:5', 'unfilled-placeholder:25']);
  });

  it('disable-next-line inside a disabled stretch does not turn the rule back on after its line', () => {
    for (const nextLine of ['<!-- samenspel-disable-next-line vague-ambition -->', '<!-- samenspel-disable-next-line -->']) {
      const lines = [...BASE];
      lines.splice(12, 0, nextLine);
      lines.splice(10, 0, '<!-- samenspel-disable vague-ambition -->', '');
      assert.deepEqual(rules(lines.join('\n')), ['missing-stakeholder:5', 'missing-stakeholder:5', 'unfilled-placeholder:24'], nextLine);
    }
  });

  it('disable without enable lasts to the end of the document', () => {
    assert.deepEqual(rules(withLine(16, '<!-- samenspel-disable unfilled-placeholder -->')), ['missing-stakeholder:5', 'missing-stakeholder:5', 'vague-ambition:12', 'vague-ambition:14']);
  });

  it('disable-file silences a rule everywhere, wherever it stands', () => {
    const text = [...BASE, '<!-- samenspel-disable-file missing-stakeholder -->', ''].join('\n');
    assert.deepEqual(rules(text), ['vague-ambition:12', 'vague-ambition:14', 'unfilled-placeholder:21']);
  });

  it('disable-file without a rule silences all of them', () => {
    const text = withLine(3, '<!-- samenspel-disable-file -->');
    assert.deepEqual(rules(text), []);
    assert.equal(analyze(text).suppressed, 5);
  });

  it('the chunked, cached path (the language server) silences the same', () => {
    const text = withLine(12, '<!-- samenspel-disable-next-line vague-ambition -->');
    assert.deepEqual(rules(text, true), rules(text));
  });

  it('an unknown rule id gets a notice on the comment and silences nothing', () => {
    const text = withLine(12, '<!-- samenspel-disable-next-line vague-ambtion -->');
    const result = analyze(text);
    assert.equal(result.findings.length, 5);
    assert.equal(result.notices.length, 1);
    assert.match(result.notices[0].message, /vague-ambtion/);
    assert.equal(result.notices[0].range.start.line, 12);
  });

  it('other HTML comments and look-alikes silence nothing', () => {
    for (const comment of ['<!-- samenspel disable -->', '<!-- lint disable -->', '<!-- samenspel-disabled vague-ambition -->', 'samenspel-disable-next-line vague-ambition']) {
      assert.equal(rules(withLine(12, comment)).length, 5, comment);
    }
  });

  it('a comment inside code is no comment', () => {
    assert.equal(rules(withLine(12, '    <!-- samenspel-disable-file -->\n')).length, 5);
  });

  describe('the scan', () => {
    it('does not count suppressed findings, but a factor with a suppressed finding is not green', () => {
      const before = scan(plain);
      const text = withLine(3, '<!-- samenspel-disable-file missing-stakeholder -->');
      const after = scan(text);
      assert.equal(before.items[0].status, 'red');
      // Not listed as a finding any more …
      assert.equal(after.items[0].locations.filter((l) => /gemeenteraad|schooldirecteuren/.test(l.label)).length, 0);
      // … but not green either, and it says why.
      assert.equal(after.items[0].status, 'amber');
      assert.match(after.items[0].explanation, /genegeerd/i);
      assert.match(after.items[0].explanation, /gemeenteraad, schooldirecteuren/);
    });

    it('counts only open spots that are not suppressed', () => {
      assert.equal(scan(plain).open, 1);
      assert.equal(scan(withLine(18, '<!-- samenspel-disable unfilled-placeholder -->\n')).open, 0);
    });
  });
});
