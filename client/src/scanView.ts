/**
 * The page of "Samenspel: Partnership scan": six factors, each green, amber or red, with what the server found and
 * links that jump to the place in the document. Plain HTML without scripts; the links are command URIs.
 * Free of `vscode` (the translate function comes in as `t`), so it can be tested without an editor.
 */
import type { ScanItem } from '../../server/src/engine/scan';
import type { Scope } from '../../server/src/engine/types';
import type { DocumentLanguage, Translate } from './translate';

export type { Translate } from './translate';

/** What the server answers to samenspel/scan; null when it cannot read the document. */
export type ScanAnswer = { analysed: boolean; scope: Scope; language: 'nl' | 'en'; items: ScanItem[]; open?: number } | null;

/** The command that the location links run, with the document URI and the range as arguments. */
export const REVEAL_COMMAND = 'samenspel.revealRange';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const commandLink = (command: string, args: unknown[]): string => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;

/** Why a document is not analysed, in words for the writer, from the engine's scope code and its detail. */
export function describeScope(scope: Scope, t: Translate): string {
  const [first] = scope.detail;
  const howToStart = t('To have it checked anyway, start the document with front matter that names its kind, for example:');
  switch (scope.code) {
    case 'excluded':
      return t('Samenspel does not check this document: it matches “{0}” in the setting Samenspel › Scope: Exclude.', first);
    case 'declared-other':
      return t('Samenspel does not check this document: its front matter says it is a “{0}”. Samenspel only checks partnership documents: a covenant, LEA, IHP or plan of approach.', first);
    case 'genre':
      return t('Samenspel does not check this document: it is a {0} (“{1}”), which talks about a partnership but is not the agreement itself.', first, scope.detail[1] ?? first);
    case 'auto-detect-off':
      return `${t('Samenspel does not check this document: it does not say what kind of document it is, and recognising documents automatically is switched off (setting Samenspel › Scope: Auto Detect).')} ${howToStart}`;
    case 'not-partnership': {
      const words: Record<string, string> = {
        'municipal-or-education-party': t('its title names a kind of document, but no municipality or school board is named'),
        'municipal-party': t('no municipality is named'),
        'education-party': t('no school board is named'),
        'kind-or-heading': t('the title names no kind of document (such as Covenant) and there is no heading Parties or Ambition'),
      };
      return `${t('Samenspel only checks partnership documents, and this does not look like one: {0}.', scope.detail.map((d) => words[d] ?? d).join('; '))} ${howToStart}`;
    }
    case 'own-files':
      return t('Samenspel does not check its own documentation.');
    default:
      return t('Samenspel does not check this document ({0}).', first ?? scope.code);
  }
}

/** Whether the scope explanation should be followed by a front matter example. */
function wantsFrontMatterExample(scope: Scope): boolean {
  return scope.code === 'auto-detect-off' || scope.code === 'not-partnership';
}

/** A coloured dot drawn with CSS: emoji dots show as empty boxes where no emoji font is installed. */
const dot = (status: 'green' | 'amber' | 'red'): string => `<span class="dot ${status}" aria-hidden="true"></span>`;

/**
 * The scan page, in the document's language throughout: the server's factor texts are, so the headings and labels
 * around them must be too. `translate` gives the translate function for a language; for no language (the server
 * could not read the document) the editor's.
 */
export function scanHtml(options: { answer: ScanAnswer; documentName: string; documentUri: string; cspSource: string; translate: (lang: DocumentLanguage | undefined) => Translate }): string {
  const { answer, documentName, documentUri } = options;
  const t = options.translate(answer?.language);
  const status = { green: t('In order'), amber: t('Partly'), red: t('Missing') };
  const rescan = `<a class="button" href="${escape(commandLink('samenspel.scan', [documentUri]))}">${escape(t('Scan again'))}</a>`;
  const head = `<h1>${escape(t('Partnership scan'))}</h1>\n<p class="document">${escape(t('Document: {0}', documentName))} ${rescan}</p>`;

  let body: string;
  if (!answer) {
    body = `<p class="notice">${escape(t('Samenspel could not read this document. It may be larger than 5 MB or not a text file.'))}</p>`;
  } else if (!answer.analysed) {
    const example = wantsFrontMatterExample(answer.scope) ? '<pre>---\ntype: convenant\n---</pre>' : '';
    body = `<p class="notice">${escape(describeScope(answer.scope, t))}</p>${example}`;
  } else {
    const count = (s: keyof typeof status): number => answer.items.filter((i) => i.status === s).length;
    const summary = (['green', 'amber', 'red'] as const).map((s) => `${dot(s)}${count(s)} ${escape(status[s].toLowerCase())}`).join(' · ');
    const factors = answer.items.map((item) => {
      const locations = item.locations.map((l) => {
        const href = commandLink(REVEAL_COMMAND, [documentUri, l.range]);
        return `<li><a href="${escape(href)}">${escape(l.label)}</a> <span class="line">(${escape(t('line {0}', l.range.start.line + 1))})</span></li>`;
      });
      return [
        `<section class="factor ${item.status}">`,
        `<h2>${dot(item.status)}${escape(item.title)}</h2>`,
        `<p class="status">${escape(status[item.status])}</p>`,
        `<p>${escape(item.explanation)}</p>`,
        locations.length ? `<p class="where">${escape(t('Where in the document:'))}</p><ul>${locations.join('')}</ul>` : '',
        '</section>',
      ].join('\n');
    });
    body = [
      `<p>${escape(t('The six success factors for cooperation between municipality and education, from the publication Samenwerking gemeente en onderwijs (Berenschot, 2018). For each factor: how far this document is. The scan follows your changes as you type.'))}</p>`,
      `<p class="summary">${summary}</p>`,
      answer.open ? `<p class="open">${escape(t('{0} spots still to fill in', answer.open))}</p>` : '',
      ...factors,
    ].join('\n');
  }

  return `<!DOCTYPE html>
<html lang="${answer?.language ?? 'nl'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.cspSource} 'unsafe-inline';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font-family: var(--vscode-font-family); font-size: 1.05em; line-height: 1.5; max-width: 44em; padding: 0 1.5em 2em; }
  h1 { font-size: 1.6em; margin-bottom: .2em; }
  h2 { font-size: 1.15em; margin: 0; }
  .document { color: var(--vscode-descriptionForeground); }
  .button { margin-left: 1em; }
  .summary { font-size: 1.1em; }
  .factor { border-left: 6px solid; border-radius: 4px; padding: .6em 1em; margin: 1em 0; background: var(--vscode-textBlockQuote-background); }
  .factor p { margin: .3em 0; }
  .green { border-color: #2e9e44; } .amber { border-color: #e08a00; } .red { border-color: #d13438; }
  .dot { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .4em; vertical-align: -.05em; }
  .dot.green { background: #2e9e44; } .dot.amber { background: #e08a00; } .dot.red { background: #d13438; }
  .status { font-weight: 600; }
  .where { margin-top: .6em; }
  ul { margin: .2em 0; padding-left: 1.4em; }
  .line { color: var(--vscode-descriptionForeground); }
  .notice { font-size: 1.1em; }
  pre { background: var(--vscode-textCodeBlock-background); padding: .6em 1em; }
</style>
</head>
<body>
${head}
${body}
</body>
</html>`;
}
