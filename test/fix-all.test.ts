/**
 * Fix all (engine): every preferred fix, composed so that fixes at one place do not trip over each other, on every
 * fixture and example: afterwards no finding with a preferred fix is left, and a second pass changes nothing.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, buildModel, diffEdit, fixDocument } from '../server/src/engine';
import { compatibleFixes } from '../server/src/engine/fix-all';

function documents(): Array<{ name: string; text: string }> {
  const docs: Array<{ name: string; text: string }> = [];
  const fixtures = join(__dirname, 'fixtures');
  for (const dir of readdirSync(fixtures)) for (const f of readdirSync(join(fixtures, dir)).filter((x) => x.endsWith('.md'))) docs.push({ name: `${dir}/${f}`, text: readFileSync(join(fixtures, dir, f), 'utf8') });
  return docs.sort((a, b) => a.name.localeCompare(b.name));
}

const TWO_PARTIES_WITHOUT_ROWS = [
  '---',
  'type: convenant',
  '---',
  '# Convenant Kindcentrum Noord',
  '',
  '## Partijen',
  '',
  '- Gemeente Rivierstad, vertegenwoordigd door de wethouder',
  '- Stichting Openbaar Primair Onderwijs Rivierland',
  '- Kinderopvang De Vlinder, aanbieder van peuteropvang',
  '',
  'De gemeenteraad en de schooldirecteuren zijn betrokken.',
  '',
  '## Bijdragen',
  '',
  '| Partij | Bijdrage |',
  '| --- | --- |',
  '| Gemeente Rivierstad | € 120.000 per jaar |',
  '',
].join('\n');

describe('fix all', () => {
  it('fixes that insert at one place are applied one round after the other, each on the text with the last', () => {
    const findings = analyze(TWO_PARTIES_WITHOUT_ROWS).findings.filter((f) => f.ruleId === 'unstated-contribution');
    assert.equal(findings.length, 2, 'two parties without a contribution');
    // Both add a row after the last one: in one round only the first is taken.
    assert.equal(compatibleFixes(findings, TWO_PARTIES_WITHOUT_ROWS).length, 1);
    const { text, applied } = fixDocument(TWO_PARTIES_WITHOUT_ROWS);
    assert.deepEqual(applied.map((a) => a.data.party), ['Stichting Openbaar Primair Onderwijs Rivierland', 'Kinderopvang De Vlinder']);
    const rows = buildModel(text).blocks.filter((b) => b.table && !b.table.header).map((b) => b.table!.cellTexts[0]);
    assert.deepEqual(rows, ['Gemeente Rivierstad', 'Stichting Openbaar Primair Onderwijs Rivierland', 'Kinderopvang De Vlinder'], 'both rows in the table, in order');
  });

  it('only one rule, for "fix all of this kind"', () => {
    const text = TWO_PARTIES_WITHOUT_ROWS.replace('De gemeenteraad en de schooldirecteuren zijn betrokken.', 'Iedereen is betrokken.');
    const { applied } = fixDocument(text, {}, 'missing-stakeholder');
    assert.deepEqual(applied.map((a) => a.ruleId), ['missing-stakeholder', 'missing-stakeholder']);
  });

  it('never fixes a finding that a comment silences', () => {
    const text = TWO_PARTIES_WITHOUT_ROWS.replace('## Bijdragen', '<!-- samenspel-disable unstated-contribution -->\n\n## Bijdragen');
    assert.deepEqual(fixDocument(text).applied, []);
    assert.equal(fixDocument(TWO_PARTIES_WITHOUT_ROWS).applied.length, 2);
  });

  for (const doc of documents()) {
    it(`leaves no fixable finding and is stable: ${doc.name}`, () => {
      const options = { path: join(__dirname, 'fixtures', doc.name) };
      const first = fixDocument(doc.text, options);
      const left = analyze(first.text, options).findings.filter((f) => f.fixes.some((x) => x.preferred));
      assert.deepEqual(left.map((f) => `${f.ruleId} ${JSON.stringify(f.data)}`), []);
      const second = fixDocument(first.text, options);
      assert.deepEqual(second.applied, []);
      assert.equal(second.text, first.text);
    });
  }

  it('the single edit between two texts never splits a character in two', () => {
    const before = 'Bijdrage: 😀 euro';
    const after = 'Bijdrage: 😃 euro';
    const edit = diffEdit(before, after)!;
    assert.equal(before.slice(0, edit.start) + edit.newText + before.slice(edit.end), after);
    assert.equal(edit.newText, '😃');
    assert.equal(diffEdit('same', 'same'), null);
  });
});
