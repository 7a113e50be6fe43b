import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, buildModel, type Finding } from '../server/src/engine';
import { applyEdits } from './support/apply';

/** Every document we have: fixtures and examples. */
function documents(): Array<{ name: string; text: string }> {
  const docs: Array<{ name: string; text: string }> = [];
  const fixtures = join(__dirname, 'fixtures');
  for (const dir of readdirSync(fixtures)) {
    for (const file of readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.md'))) {
      docs.push({ name: `${dir}/${file}`, text: readFileSync(join(fixtures, dir, file), 'utf8') });
    }
  }
  const examples = join(__dirname, '..', 'examples');
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.md'))) docs.push({ name: `examples/${file}`, text: readFileSync(join(examples, file), 'utf8') });
  return docs.sort((a, b) => a.name.localeCompare(b.name));
}

/** What identifies a finding regardless of where edits moved it; a placeholder by its text, not by the open count. */
const identity = (f: Finding): string =>
  f.ruleId === 'unfilled-placeholder' ? `${f.ruleId} ${String(f.data.placeholder)}` : f.ruleId === 'vague-ambition' ? f.ruleId : `${f.ruleId} ${JSON.stringify(f.data)}`;

function countBy(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(identity(f), (counts.get(identity(f)) ?? 0) + 1);
  return counts;
}

/** Inserted lines must land in the Markdown structure they imitate: a row in a table, an item in a list, a heading. */
function assertStructure(before: string, after: string, name: string): void {
  const model = buildModel(after);
  const beforeLines = new Set(before.split('\n'));
  const lines = after.split('\n');
  let offset = 0;
  for (const raw of lines) {
    const start = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    if (beforeLines.has(raw) || !line.trim()) continue;
    // The block must cover the line's text: from its first character to its last.
    const blocks = model.blocks.filter((b) => b.start <= start + line.length && b.end >= start + line.trimEnd().length);
    if (/^\s*\|[\s|:-]+\|\s*$/.test(line)) continue; // the delimiter row is part of the table, not a row
    if (line.trimStart().startsWith('|')) assert.ok(blocks.some((b) => b.table), `${name}: new row is not in a table: ${line}`);
    else if (/^\s*([-*+]|\d+[.)])\s/.test(line)) assert.ok(blocks.some((b) => b.listItem), `${name}: new item is not in a list: ${line}`);
    else if (/^#+\s/.test(line)) assert.ok(blocks.some((b) => b.type === 'heading'), `${name}: new heading is not a heading: ${line}`);
  }
}

describe('every quick-fix removes its finding and adds only the fields it inserts', () => {
  let fixCount = 0;
  for (const doc of documents()) {
    const result = analyze(doc.text);
    if (!result.findings.length) continue;
    describe(doc.name, () => {
      result.findings.forEach((finding, i) => {
        // A placeholder is filled in by typing, not by a fix.
        if (finding.ruleId === 'unfilled-placeholder') return;
        it(`${finding.ruleId} #${i + 1} (${finding.data.group ?? finding.data.party ?? `line ${finding.range.start.line + 1}`})`, () => {
          assert.ok(finding.fixes.length > 0, 'every finding offers a fix');
          for (const fix of finding.fixes) {
            fixCount++;
            const fixed = applyEdits(doc.text, fix.edits);
            assert.notEqual(fixed, doc.text, `${fix.title}: changes the document`);
            const after = analyze(fixed).findings;
            const inserted = fix.edits.map((e) => e.newText).join('\n');
            if (/^(Schrap|Remove) /.test(fix.title)) {
              // Dropping a hedge improves the wording; whether the ambition is then measurable is the other fix's job.
              const count = (text: string, w: string): number => text.toLowerCase().split(w).length - 1;
              for (const w of finding.data.hedges as string[]) assert.ok(count(fixed, w) < count(doc.text, w), `${fix.title}: "${w}" is gone`);
              continue;
            }
            const was = countBy(result.findings);
            const now = countBy(after.filter((f) => !(f.ruleId === 'unfilled-placeholder' && inserted.includes(String(f.data.placeholder)))));
            assert.ok((now.get(identity(finding)) ?? 0) < (was.get(identity(finding)) ?? 0), `${fix.title}: the finding is gone`);
            for (const [key, n] of now) assert.ok(n <= (was.get(key) ?? 0), `${fix.title}: nothing new appears, but got ${key}`);
            assertStructure(doc.text, fixed, fix.title);
          }
        });
      });
    });
  }
  after(() => assert.ok(fixCount > 20, `applied ${fixCount} fixes`));
});

describe('inserted lines continue what is there', () => {
  it('numbers a new item after the last one of an ordered list', () => {
    // The council goes to the stakeholders, not to the signatories (issue 10, bug 2).
    const text = ['---', 'type: convenant', '---', '# Convenant', '', '## Partijen', '', '1. Gemeente Rivierstad', '2. Stichting Kits Primair', '', '## Betrokkenen', '', '1. De wethouder: opdrachtgever', '2. De schoolleiders: voeren uit', ''].join('\n');
    const council = analyze(text).findings.find((f) => f.data.group === 'gemeenteraad')!;
    const fixed = applyEdits(text, council.fixes[0].edits);
    assert.match(fixed, /\n2\. De schoolleiders: voeren uit\n3\. Gemeenteraad: \[rol/);
  });
});
