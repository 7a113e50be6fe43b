/**
 * Vocabulary is data: the rules and the grammar read the same files, users add their own words as literal text, and
 * the words count the way real documents use them (compounds, inflections, false friends, English councils).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, resolveSettings } from '../server/src/engine';

const covenant = (body: string[]): string => ['---', 'type: convenant', '---', '# Convenant Brede School Noord', '', ...body, ''].join('\n');
const missing = (text: string, settings?: ReturnType<typeof resolveSettings>['settings']): string[] =>
  analyze(text, { settings }).findings.filter((f) => f.ruleId === 'missing-stakeholder').map((f) => String(f.data.group)).sort();

describe('vocabulary', () => {
  it('recognises groups in compounds and inflections, in Dutch and English', () => {
    assert.deepEqual(missing(covenant(['De wethouders, het directeurenberaad, het schoolleidersnetwerk en de PO- en VO-besturen; het raadsvoorstel volgt.'])), []);
    assert.deepEqual(missing(covenant(['Rivierstad City Council, the governing bodies, the headteachers and the elected members agree.'])), []);
    assert.deepEqual(missing(covenant(['De locatieleiders, de directies, het bestuur van basisschool De Kiem, de gemeente en de raadsleden.'])), []);
  });

  it('keeps false friends out: streets and schools, sector councils, supervisory boards, a municipal director', () => {
    const text = covenant(['De gemeente en Stichting Primair Onderwijs Noord spreken af, op de Burgemeester de Withlaan en in de Wethouder Van Damschool.', 'De PO-Raad, de VO-raad, de Raad van Toezicht en de directeur Maatschappelijke Ontwikkeling zijn geïnformeerd.']);
    assert.deepEqual(missing(text), ['gemeenteraad', 'schooldirecteuren']);
  });

  it('does not let "City Council" as the authority hide missing councillors', () => {
    assert.deepEqual(missing(covenant(['Rivierstad City Council and the Rivierland Academy Trust agree; headteachers lead the work.'])), ['gemeenteraad']);
  });

  it("takes the user's words per group as literal text, also to classify a local party", () => {
    const text = covenant(['## Partijen', '', '- Gemeente Noord', '- SKO', '', 'De raadsleden en de clusterhoofden zijn betrokken.']);
    assert.deepEqual(missing(text), ['schoolbesturen', 'schooldirecteuren']);
    const { settings, problems } = resolveSettings({ vocabulary: { groups: { schoolbesturen: ['SKO'], schooldirecteuren: ['clusterhoofden'] } } });
    assert.deepEqual(problems, []);
    assert.deepEqual(missing(text, settings), []);
    // Literal: a dot is a dot, and brackets are no pattern that could fail to compile or backtrack.
    const literal = resolveSettings({ vocabulary: { groups: { schooldirecteuren: ['c.h.', '(x'] } } }).settings;
    assert.deepEqual(missing(covenant(['De gemeente, Stichting Onderwijs Noord, de raad en de cxh.']), literal), ['schooldirecteuren']);
  });

  it('reports an unknown group or a wrong value in the vocabulary setting, and keeps checking', () => {
    const { problems } = resolveSettings({ vocabulary: { groups: { directeurtjes: ['x'], schoolbesturen: 'SKO' } } });
    assert.equal(problems.length, 2);
  });

  it('the grammar is built from the placeholder and hedge data the rules read', () => {
    const grammar = readFileSync(join(__dirname, '..', 'syntaxes', 'samenspel.injection.tmLanguage.json'), 'utf8');
    const data = JSON.parse(readFileSync(join(__dirname, '..', 'server', 'src', 'vocabulary', 'placeholders.json'), 'utf8')) as { fields: string[] };
    for (const field of data.fields) assert.ok(grammar.includes(JSON.stringify(field).slice(1, -1)), field);
  });
});
