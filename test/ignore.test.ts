/**
 * "Negeer hier" and "Negeer in dit bestand" on every finding of every fixture and example: the comment silences
 * that finding, leaves the others, and keeps the Markdown structure (no list, table or paragraph broken up).
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, buildModel, type Finding } from '../server/src/engine';
import { applyEdits } from './support/apply';

function documents(): Array<{ name: string; text: string }> {
  const docs: Array<{ name: string; text: string }> = [];
  const fixtures = join(__dirname, 'fixtures');
  for (const dir of readdirSync(fixtures)) {
    for (const file of readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.md'))) docs.push({ name: `${dir}/${file}`, text: readFileSync(join(fixtures, dir, file), 'utf8') });
  }
  const examples = join(__dirname, '..', 'examples');
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.md'))) docs.push({ name: `examples/${file}`, text: readFileSync(join(examples, file), 'utf8') });
  return docs.sort((a, b) => a.name.localeCompare(b.name));
}

const key = (f: Finding): string => `${f.ruleId} ${JSON.stringify(f.data)} ${f.message}`;

/** What the reader sees as structure: how many table rows, list-item paragraphs, headings; the text of each. */
function structure(text: string): string[] {
  const model = buildModel(text);
  return model.blocks.map((b) => `${b.type}${b.table ? ' row' : ''}${b.listItem ? ' item' : ''}: ${b.text.trim().replace(/\s+/g, ' ')}`);
}

function without(list: string[], item: string): string[] {
  const i = list.indexOf(item);
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
}

describe('ignore fixes silence one finding and keep the structure', () => {
  let here = 0;
  let aroundBlock = 0;
  for (const doc of documents()) {
    const result = analyze(doc.text, { path: doc.name });
    if (!result.findings.length) continue;
    it(doc.name, () => {
      const before = result.findings.map(key);
      const shape = structure(doc.text);
      for (const finding of result.findings) {
        assert.ok(finding.ignore, 'every finding has ignore fixes');
        if (finding.ignore.here) {
          here++;
          if (finding.ignore.here.edits.length === 2) aroundBlock++;
          const after = applyEdits(doc.text, finding.ignore.here.edits);
          const remaining = analyze(after, { path: doc.name }).findings;
          // Silenced: that finding, and in a block wrapped whole, others of its rule in the block; nothing new.
          const left = remaining.map(key);
          assert.ok(!left.includes(key(finding)) || before.filter((k) => k === key(finding)).length > left.filter((k) => k === key(finding)).length, `${finding.ruleId} at line ${finding.range.start.line + 1} is silenced`);
          for (const k of left) assert.ok(before.includes(k), `no new finding: ${k}`);
          for (const k of without(before, key(finding))) if (!k.startsWith(finding.ruleId)) assert.ok(left.includes(k), `other rules stay: ${k}`);
          assert.deepEqual(structure(after), shape, `structure kept for ${finding.ruleId} at line ${finding.range.start.line + 1}`);
        }
        const fileWide = applyEdits(doc.text, finding.ignore.file.edits);
        const rest = analyze(fileWide, { path: doc.name });
        assert.equal(rest.analysed, true, 'still checked');
        assert.deepEqual(rest.findings.filter((f) => f.ruleId === finding.ruleId), [], `no ${finding.ruleId} left`);
        assert.equal(rest.findings.length, result.findings.filter((f) => f.ruleId !== finding.ruleId).length);
        assert.deepEqual(structure(fileWide), shape);
      }
    });
  }
  after(() => {
    assert.ok(here > 100, `ignore-here tried on ${here} findings`);
    assert.ok(aroundBlock > 10, `${aroundBlock} of them inside a list, table or paragraph`);
  });
});

describe('ignore fixes in lists and tables', () => {
  const text = [
    '---',
    'type: convenant',
    '---',
    '# Convenant Kindcentrum Noord',
    '',
    '## Partijen',
    '',
    '- Gemeente Rivierstad, vertegenwoordigd door de wethouder',
    '- Stichting Openbaar Primair Onderwijs Rivierland',
    '',
    'De gemeenteraad en de schooldirecteuren zijn betrokken.',
    '',
    '## Bijdragen',
    '',
    '| Partij | Bijdrage |',
    '| --- | --- |',
    '| Gemeente Rivierstad | € 120.000 per jaar |',
    '| Stichting Openbaar Primair Onderwijs Rivierland | [bedrag] |',
    '',
  ].join('\n');

  it('a finding in a table row: disable above the table, enable below it', () => {
    const finding = analyze(text).findings.find((f) => f.range.start.line === 17)!;
    assert.ok(finding, 'a finding in the last row');
    const after = applyEdits(text, finding.ignore!.here!.edits);
    assert.match(after, new RegExp(`## Bijdragen\\n\\n<!-- samenspel-disable ${finding.ruleId} -->\\n\\| Partij \\| Bijdrage \\|`));
    assert.match(after, new RegExp(`\\| \\[bedrag\\] \\|\\n<!-- samenspel-enable ${finding.ruleId} -->\\n$`));
    assert.equal(analyze(after).findings.filter((f) => f.ruleId === finding.ruleId).length, 0);
  });

  it('speaks the document\'s language', () => {
    const english = text.replace('type: convenant', 'type: convenant\nlanguage: en');
    const finding = analyze(english).findings[0];
    assert.equal(finding.ignore!.here!.title, `Ignore here (${finding.ruleId})`);
    assert.equal(finding.ignore!.file.title, `Ignore in this file (${finding.ruleId})`);
    assert.equal(analyze(text).findings[0].ignore!.here!.title, `Negeer hier (${finding.ruleId})`);
  });

  it('after front matter for the whole file', () => {
    const finding = analyze(text).findings[0];
    assert.match(applyEdits(text, finding.ignore!.file.edits), new RegExp(`^---\\ntype: convenant\\n---\\n<!-- samenspel-disable-file ${finding.ruleId} -->\\n# Convenant`));
  });

  it('keeps the indentation of an indented block', () => {
    const indented = text.replace('De gemeenteraad en de schooldirecteuren zijn betrokken.', '   Wij willen de samenwerking zoveel mogelijk versterken.').replace('## Bijdragen', '## Ambitie\n\n  Wij willen de kansen zoveel mogelijk vergroten.\n\n## Bijdragen');
    const finding = analyze(indented).findings.find((f) => f.ruleId === 'vague-ambition' && indented.split('\n')[f.range.start.line].includes('kansen'))!;
    assert.match(applyEdits(indented, finding.ignore!.here!.edits), /\n {2}<!-- samenspel-disable-next-line vague-ambition -->\n {2}Wij willen de kansen/);
  });
});
