import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultSettings, scopeReason } from '../server/src/engine';

const coalitionPath = join(__dirname, '..', '..', 'shared', 'corpus', 'real', 'coalitieakkoord-2021-2025.md');
// The real corpus lives in ../shared beside the repository; a clone without it skips the tests that read it.
const coalition = existsSync(coalitionPath) ? readFileSync(coalitionPath, 'utf8') : null;
const lea = readFileSync(join(__dirname, '..', 'examples', 'lea-2027-2030.md'), 'utf8');
const withoutFrontMatter = lea.replace(/^---[\s\S]*?---\n/, '');

describe('which documents are analysed', () => {
  it('leaves the national coalition agreement alone: real policy prose, but no partnership document', function () {
    if (!coalition) return this.skip();
    const result = analyze(coalition, { path: '/docs/coalitieakkoord-2021-2025.md' });
    assert.equal(result.analysed, false, scopeReason(result.scope));
    assert.deepEqual(result.findings, []);
  });

  it('analyses any path matched by scope.include, and none matched by scope.exclude', function () {
    if (!coalition) return this.skip();
    const settings = defaultSettings();
    settings.scope.include = ['**/akkoorden/**'];
    assert.equal(analyze(coalition, { path: '/docs/akkoorden/coalitie.md', settings }).analysed, true);
    settings.scope.exclude = ['archief/**', '*.concept.md'];
    assert.equal(analyze(lea, { path: '/work/archief/lea.md', settings }).analysed, false);
    assert.equal(analyze(lea, { path: '/work/lea.concept.md', settings }).analysed, false);
    assert.equal(analyze(lea, { path: '/work/lea.md', settings }).analysed, true);
  });

  it('auto-detects a partnership document without front matter, unless auto-detection is off', () => {
    assert.equal(analyze(withoutFrontMatter).analysed, true, scopeReason(analyze(withoutFrontMatter).scope));
    const settings = defaultSettings();
    settings.scope.autoDetect = false;
    assert.equal(analyze(withoutFrontMatter, { settings }).analysed, false);
  });

  it('keeps checking when the front matter is broken, and says so', () => {
    const broken = lea.replace(/^---\n/, '---\npartijen: [Gemeente Rivierstad\n');
    const result = analyze(broken);
    assert.equal(result.notices.length, 1);
    assert.match(result.notices[0].message, /Front matter kan niet worden gelezen/);
    assert.equal(result.analysed, true, 'the title still says it is an LEA');
    assert.ok(result.findings.some((f) => f.ruleId === 'missing-stakeholder'));
  });

  it('survives any input: empty, only front matter, unclosed constructs, control characters', () => {
    for (const text of ['', '---\ntype: convenant\n---', '---\ntype: convenant\n', '# Convenant\n\n| a |\n|---|\n| b', '```\nunclosed', '<!-- unclosed', '\r\n\r\n# LEA\r\n', '# Convenant\u0007\u001b']) {
      assert.doesNotThrow(() => analyze(text), JSON.stringify(text));
    }
  });

  const doc = (lines: string[]): string => [...lines, ''].join('\n');
  const body = ['', 'De gemeente Rivierstad werkt hierin samen met de schoolbesturen.', ''];

  it('checks real titles and spellings: a kind in the title and one side named is enough', () => {
    for (const title of ['Lokaal Educatieve Agenda Rivierstad 2026–2030', 'Educatieve Agenda Rivierstad', 'Thuiszittersaanpak Rivierstad', 'Aanpak lerarentekort', 'Startnotitie LEA', 'Uitvoeringsagenda LEA 2026', 'Huisvestingsplan primair onderwijs', 'Integraal Huisvestingsplan (IHP) 2026–2040', 'Samenwerkingsafspraken Kindcentrum Noord', 'Bestuursakkoord Onderwijs en Jeugd', 'Memorandum of Understanding: School Attendance', 'Collaboration Agreement Kingsbrook Primary', 'Partnership Agreement between Rivierstad Council and its schools']) {
      const result = analyze(doc([`# ${title}`, ...body]));
      assert.equal(result.analysed, true, `${title}: ${scopeReason(result.scope)}`);
    }
  });

  it('checks an IHP that names no school board, and reports the missing board', () => {
    const result = analyze(doc(['# Integraal Huisvestingsplan Rivierstad 2026–2040', '', 'De gemeente Rivierstad wil de twaalf schoolgebouwen vernieuwen.']));
    assert.equal(result.analysed, true, scopeReason(result.scope));
    assert.ok(result.findings.some((f) => f.ruleId === 'missing-stakeholder' && f.data.group === 'schoolbesturen'));
  });

  it('checks an unknown front-matter type that names an agreement', () => {
    for (const type of ['raamovereenkomst', 'memorandum', 'onderwijsakkoord', 'afspraken']) {
      const result = analyze(doc(['---', `type: ${type}`, '---', '# Afspraken', ...body]));
      assert.equal(result.analysed, true, `${type}: ${scopeReason(result.scope)}`);
    }
  });

  it('keeps genres that only talk about partnerships silent, with a true reason, even with front matter', () => {
    const cases: Array<[string, string[]]> = [
      ['notulen', ['---', 'type: notulen', '---', '# Notulen stuurgroep LEA', ...body]],
      ['nieuwsbrief', ['# Nieuwsbrief onderwijs: nieuw convenant getekend', ...body]],
      ['jaarverslag', ['---', 'type: jaarverslag', '---', '# Jaarverslag 2025', ...body]],
      ['raadsinformatiebrief', ['# Raadsinformatiebrief: Integraal Huisvestingsplan', ...body]],
      ['verordening', ['# Verordening voorzieningen huisvesting onderwijs', ...body]],
      ['report', ['ASHCOMBE CITY COUNCIL', '', 'REPORT TO CABINET', '', 'Memorandum of Understanding with schools', ...body]],
    ];
    for (const [genre, lines] of cases) {
      const result = analyze(doc(lines));
      assert.equal(result.analysed, false, genre);
      assert.equal(result.scope.code, 'genre', `${genre}: ${scopeReason(result.scope)}`);
      assert.match(scopeReason(result.scope), new RegExp(genre, 'i'));
    }
  });

  it('keeps a README silent whose example front matter sits in a code block', () => {
    const result = analyze(doc(['# Sjablonen voor samenwerking', '', '```yaml', '---', 'type: convenant', '---', '```', ...body, '## Partijen', '', '- Gemeente Rivierstad', '- Stichting Kits Primair']));
    assert.equal(result.analysed, false, scopeReason(result.scope));
  });
});

describe('the cheap scope decisions come before the model (issue #11 §2)', () => {
  const readme = '# Installatie\n\nDraai `npm install` en daarna `npm start`. Zie de **handleiding** voor de opties.\n\n- Stap 1: clone\n- Stap 2: bouw\n';

  it('turns away a text that names no municipality and no school board, before parsing it', () => {
    const result = analyze(readme);
    assert.equal(result.analysed, false);
    assert.deepEqual(result.scope, { code: 'not-partnership', detail: ['municipal-or-education-party'] });
    assert.equal(scopeReason(result.scope), 'not a partnership document (no municipal or education party)');
  });

  it('still builds the model when a name hides behind Markdown syntax or in a link', () => {
    // Each names a side only through markup the raw text has: the early test must not turn it away.
    for (const text of [
      `# Convenant\n\n**B**&**W** maken afspraken over kinderen en leerlingen.\n`,
      `# Convenant\n\nDe **gemeente**raad en het [schoolbestuur](https://example.org) spreken af.\n`,
      `# Convenant\n\n| Partij |\n| --- |\n| Gemeente Rivierstad |\n| Stichting Kits Primair |\n`,
      `# Samenwerkingsovereenkomst\n\n> De gemeente en\n> het college van bestuur van Kits Primair\n`,
    ]) {
      assert.notDeepEqual(analyze(text).scope.detail, ['municipal-or-education-party'], text);
    }
  });

  it('declines an excluded path, and with auto-detection off a text without front matter, as the model would', () => {
    const settings = defaultSettings();
    settings.scope.exclude = ['archief/**'];
    assert.deepEqual(analyze(lea, { path: '/w/archief/lea.md', settings }).scope, { code: 'excluded', detail: ['archief/**'] });
    settings.scope.autoDetect = false;
    assert.equal(analyze(withoutFrontMatter, { path: '/w/lea.md', settings }).scope.code, 'auto-detect-off');
    assert.equal(analyze(lea, { path: '/w/lea.md', settings }).scope.code, 'declared');
  });

  it('counts the user\'s own names for the municipality', () => {
    const settings = defaultSettings();
    const text = '# Afspraken\n\nHet Stadsbestuur en Vereniging Oost spreken af.\n';
    assert.deepEqual(analyze(text, { settings }).scope.detail, ['municipal-or-education-party']);
    settings.vocabulary.groups = { gemeentebestuur: ['Stadsbestuur'] };
    assert.notDeepEqual(analyze(text, { settings }).scope.detail, ['municipal-or-education-party']);
  });
});
