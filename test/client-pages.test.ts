/**
 * The lesson page and the status bar text of the VS Code client, without VS Code: the lesson page speaks the
 * document's language (issue 10, bug 3), the status text counts findings and green scan factors or says why a
 * document is not checked, from the server's own status for real documents.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, scan } from '../server/src/engine';
import { statusOf } from '../server/src/features/status';
import { lessonPage } from '../client/src/lessonPage';
import { statusText } from '../client/src/statusText';
import { translators, type Translate } from '../client/src/translate';

const root = join(__dirname, '..');
const nl: Record<string, string> = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.nl.json'), 'utf8'));
const byLanguage = translators(nl);
/** vscode.l10n.t in an English editor. */
const english: Translate = byLanguage.en;
const dutch: Translate = byLanguage.nl;

describe('client: lesson page', () => {
  it('heads a Dutch lesson in Dutch, whatever the editor language', () => {
    const page = lessonPage({ markdown: '**les 1: Betrek alle belanghebbenden**', language: 'nl' }, (lang) => byLanguage[lang]);
    assert.equal(page.name, 'Les');
    assert.match(page.markdown, /^# Les van Samenspel\n\n\*\*les 1/);
    assert.doesNotMatch(page.markdown, /Lesson/);
  });

  it('heads an English lesson in English', () => {
    const page = lessonPage({ markdown: '**lesson 1: Involve all stakeholders**', language: 'en' }, (lang) => byLanguage[lang]);
    assert.deepEqual([page.name, page.markdown.split('\n')[0]], ['Lesson', '# Lesson from Samenspel']);
  });
});

describe('client: status bar text', () => {
  const lea = readFileSync(join(root, 'examples', 'lea-2027-2030.md'), 'utf8');

  it('counts findings and green scan factors', () => {
    const { result, items } = scan(lea, { path: '/docs/lea.md' });
    const status = statusOf('file:///docs/lea.md', 1, result, items);
    const green = items.filter((i) => i.status === 'green').length;
    assert.ok(result.findings.length > 1);
    assert.equal(statusText(status, dutch).text, `Samenspel: ${result.findings.length} meldingen · scan ${green}/6`);
    assert.equal(statusText(status, english).text, `Samenspel: ${result.findings.length} findings · scan ${green}/6`);
  });

  it('says why a document is not checked, with the whole reason in the tooltip', () => {
    const result = analyze('# Notulen\n\nDe wethouder en de gemeente Beekdal spraken over de begroting.\n', {});
    assert.equal(result.analysed, false);
    const { text, tooltip } = statusText(statusOf('file:///notulen.md', 1, result, null), dutch);
    assert.match(text, /^Samenspel: niet gecontroleerd — /);
    assert.doesNotMatch(text, /UNTRANSLATED|not-partnership|\bscope\b/);
    assert.match(tooltip, /Samenspel controleert/);
  });

  it('names a document that is no partnership document as such', () => {
    const result = analyze('# Een tekst\n\nDe gemeente Beekdal.\n', { settings: undefined });
    assert.equal(result.scope.code, 'not-partnership', JSON.stringify(result.scope));
    assert.match(statusText(statusOf('file:///t.md', 1, result, null), dutch).text, /^Samenspel: niet gecontroleerd — geen samenwerkingsdocument \(.+\)$/);
  });
});
