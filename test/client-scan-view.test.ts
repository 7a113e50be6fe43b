/**
 * The scan page of the VS Code client, without VS Code: the engine's reasons for not checking a document are retold
 * in plain words, and the page shows six factors with working, escaped links.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, resolveSettings, scan, scopeReason } from '../server/src/engine';
import { describeScope, REVEAL_COMMAND, scanHtml, type Translate } from '../client/src/scanView';
import { translators, type DocumentLanguage } from '../client/src/translate';

/** vscode.l10n.t without a bundle: the English source with {0}… filled in. */
const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
const nl: Record<string, string> = JSON.parse(readFileSync(join(__dirname, '..', 'l10n', 'bundle.l10n.nl.json'), 'utf8'));
const tNl: Translate = (message, ...args) => t(nl[message] ?? `UNTRANSLATED ${message}`, ...args);

/** The client's own choice of translator per document language, with English as the editor's language. */
const byLanguage = translators(nl);
const englishEditor = (lang: DocumentLanguage | undefined): Translate => (lang ? byLanguage[lang] : t);

const lea = readFileSync(join(__dirname, '..', 'examples', 'lea-2027-2030.md'), 'utf8');

describe('client: scan view', () => {
  // Each way the engine can decline a document, produced by the engine itself so a changed reason shows up here.
  const declined: Array<[string, string, { path?: string; settings?: unknown }]> = [
    ['excluded by a glob', lea, { path: '/docs/archief/lea.md', settings: { scope: { exclude: ['**/archief/**'] } } }],
    ['another declared type', '---\ntype: jaarverslag\n---\n\n# Jaarverslag\n\nDe gemeente Beekdal en Stichting Primair Onderwijs Beekdal.\n', {}],
    ['no type, auto-detection off', '# Convenant\n\n## Partijen\n\n- Gemeente Beekdal\n- Stichting Openbaar Primair Onderwijs Beekdal\n', { settings: { scope: { autoDetect: false } } }],
    ['nothing recognisable', '# Notulen\n\nWe spraken over de begroting.\n', {}],
    ['municipality only', '# Notulen\n\nDe wethouder en de gemeente Beekdal spraken over de begroting.\n', {}],
  ];
  for (const [name, text, options] of declined) {
    it(`explains in plain words why a document is not checked: ${name}`, () => {
      const result = analyze(text, { path: options.path, settings: resolveSettings(options.settings).settings });
      assert.equal(result.analysed, false, scopeReason(result.scope));
      const english = describeScope(result.scope, t);
      assert.doesNotMatch(english, /does not check this document \(/, `a known reason: ${scopeReason(result.scope)}`);
      assert.doesNotMatch(english, /scope\.|auto-detection|front matter declares|no (municipal|education) party/, english);
      const dutch = describeScope(result.scope, tNl);
      assert.doesNotMatch(dutch, /UNTRANSLATED/, dutch);
    });
  }

  it('shows six factors with a status word, and links that reveal a range in the document', () => {
    const { result, items } = scan(lea, { path: '/docs/lea.md' });
    const html = scanHtml({
      answer: { analysed: result.analysed, scope: result.scope, language: result.language, items },
      documentName: 'lea.md',
      documentUri: 'file:///docs/lea.md',
      cspSource: 'vscode-resource:',
      translate: () => tNl,
    });
    assert.equal(html.match(/<section class="factor (green|amber|red)">/g)?.length, 6);
    assert.match(html, /Ontbreekt|Deels|In orde/);
    assert.doesNotMatch(html, /UNTRANSLATED|<script/);
    const links = [...html.matchAll(/href="command:([\w.]+)\?([^"]*)"/g)].map(([, command, args]) => [command, JSON.parse(decodeURIComponent(args.replace(/&#39;/g, "'")))]);
    const reveal = links.filter(([command]) => command === REVEAL_COMMAND);
    assert.ok(reveal.length >= items.length - 1, `${reveal.length} location links`);
    for (const [, [uri, range]] of reveal) {
      assert.equal(uri, 'file:///docs/lea.md');
      assert.equal(typeof range.start.line, 'number');
    }
    assert.ok(links.some(([command]) => command === 'samenspel.scan'), 'a rescan link');
  });

  it('escapes what comes from the document', () => {
    const html = scanHtml({
      answer: { analysed: true, scope: { code: 'declared', detail: ['convenant'] }, language: 'nl', items: [{ factor: 1, lessonId: 'factor-1', title: 'les 1', status: 'red', explanation: 'Niet genoemd: <img src=x onerror=alert(1)>.', locations: [{ label: '"><b>', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] }] },
      documentName: '<script>.md',
      documentUri: 'untitled:Untitled-1',
      cspSource: 'vscode-resource:',
      translate: () => t,
    });
    assert.doesNotMatch(html, /<img|<script>|"><b>/);
    assert.match(html, /&#60;img/);
  });

  // Issue 10, bug 3: an English editor and a Dutch document gave "Partly / Where in the document / line 3" above
  // Dutch factor texts.
  it('speaks the language of a Dutch document in an English editor, headings and labels included', () => {
    const { result, items } = scan(lea, { path: '/docs/lea.md' });
    assert.equal(result.language, 'nl');
    const html = scanHtml({ answer: { analysed: true, scope: result.scope, language: result.language, items, open: 2 }, documentName: 'lea.md', documentUri: 'file:///docs/lea.md', cspSource: '', translate: englishEditor });
    assert.match(html, /<h1>Samenwerkingsscan<\/h1>/);
    assert.match(html, /Waar in het document:/);
    assert.match(html, /\(regel \d+\)/);
    assert.match(html, /Nog 2 plekken in te vullen/);
    assert.doesNotMatch(html, /Partly|In order|Missing|Where in the document|\(line \d|Scan again|success factors|spots still/);
  });

  it('speaks English for an English document', () => {
    const english = readFileSync(join(__dirname, '..', 'examples', 'covenant-english.md'), 'utf8');
    const { result, items } = scan(english, { path: '/docs/covenant.md' });
    assert.equal(result.language, 'en');
    const html = scanHtml({ answer: { analysed: true, scope: result.scope, language: result.language, items }, documentName: 'covenant.md', documentUri: 'file:///docs/covenant.md', cspSource: '', translate: (lang) => (lang ? byLanguage[lang] : tNl) });
    assert.match(html, /<h1>Partnership scan<\/h1>/);
    assert.doesNotMatch(html, /Samenwerkingsscan|Waar in het document|Deels|Ontbreekt|In orde<|\(regel/);
    assert.match(html, /<html lang="en">/);
  });

  it('explains a document it does not check in that document\'s language', () => {
    const notes = '# Meeting notes\n\nWe talked about the budget of the school.\n';
    const result = analyze(notes, {});
    assert.equal(result.analysed, false);
    const html = scanHtml({ answer: { analysed: false, scope: result.scope, language: result.language, items: [] }, documentName: 'notes.md', documentUri: 'file:///notes.md', cspSource: '', translate: (lang) => (lang ? byLanguage[lang] : tNl) });
    assert.equal(result.language, 'en');
    assert.match(html, /Samenspel does not check this document: it is a meeting notes/);
    assert.doesNotMatch(html, /controleert|Samenwerkingsscan/);
  });

  it('says when the server could not read the document', () => {
    const html = scanHtml({ answer: null, documentName: 'x.md', documentUri: 'file:///x.md', cspSource: '', translate: () => tNl });
    assert.match(html, /kan dit document niet lezen/);
  });
});
