/**
 * Bug 2 of issue 10: the missing-stakeholder fix adds its line to the stakeholders, never to the signatories, and its
 * title says where the line goes. Real documents from test/fixtures/missing-stakeholder, fixed and parsed again.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, buildModel } from '../server/src/engine';
import { applyEdits } from './support/apply';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', 'missing-stakeholder', name), 'utf8');

function fixCouncil(text: string): { title: string; after: string } {
  const finding = analyze(text).findings.find((f) => f.ruleId === 'missing-stakeholder' && f.data.group === 'gemeenteraad');
  assert.ok(finding, 'the council is reported missing');
  const fix = finding.fixes.find((f) => f.preferred)!;
  return { title: fix.title, after: applyEdits(text, fix.edits) };
}

/** The section (by heading text) that holds the line starting with `start`. */
function sectionOf(text: string, start: string): string | undefined {
  const model = buildModel(text);
  // The last character of `start`: a list marker is outside its paragraph block.
  const at = text.indexOf(start) + start.length - 1;
  assert.ok(at >= start.length - 1, `line "${start}" is in the document`);
  return model.blocks.find((b) => b.start <= at && at < b.end)?.section.heading?.text;
}

describe('the missing-stakeholder fix puts its line among the stakeholders', () => {
  it('with only a list of signatories: a new stakeholders section after the parties, not a new signatory', () => {
    const { title, after } = fixCouncil(fixture('fix-alleen-ondertekenaars.md'));
    assert.match(title, /^Voeg de gemeenteraad toe aan een nieuwe paragraaf Betrokkenen/);
    assert.equal(sectionOf(after, '- Gemeenteraad:'), 'Betrokkenen');
    // The signatories are as they were, and the new section sits between the parties and the ambition, at their level.
    assert.match(after, /Stichting Openbaar Primair Onderwijs Rivierland, vertegenwoordigd door het College van Bestuur\.\n\n## Betrokkenen\n\n- Gemeenteraad: .*\n\n## Ambitie/);
  });

  it('with the parties in a paragraph: a new section after the parties and their subsections, no lone bullet', () => {
    const { title, after } = fixCouncil(fixture('fix-partijen-alinea.md'));
    assert.match(title, /^Voeg de gemeenteraad toe aan een nieuwe paragraaf Betrokkenen/);
    assert.equal(sectionOf(after, '- Gemeenteraad:'), 'Betrokkenen');
    assert.match(after, /De schooldirecteuren melden de hulpvragen\.\n\n## Betrokkenen\n\n- Gemeenteraad: .*\n\n## Ambitie/);
    assert.ok(!/sluiten dit convenant\.\n\n- Gemeenteraad/.test(after));
  });

  it('with a stakeholders list: the line joins it, and the title names it', () => {
    const { title, after } = fixCouncil(fixture('fix-betrokkenen-lijst.md'));
    assert.match(title, /^Voeg de gemeenteraad toe aan Betrokkenen/);
    assert.equal(sectionOf(after, '- Gemeenteraad:'), 'Betrokkenen');
    assert.match(after, /- Bibliotheek Rivierland: levert de leesconsulenten\.\n- Gemeenteraad: /);
  });

  it('in English: a new Stakeholders section', () => {
    const text = fixture('fix-alleen-ondertekenaars.md');
    const english = text.replace('type: convenant', 'type: convenant\nlanguage: en');
    const finding = analyze(english).findings.find((f) => f.data.group === 'gemeenteraad')!;
    assert.match(finding.fixes[0].title, /^Add the elected council members to a new Stakeholders section/);
  });
});
