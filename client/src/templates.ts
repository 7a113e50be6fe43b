/**
 * Which whole-document snippet "Samenspel: New document" inserts for each kind and language. Free of `vscode`, so the
 * manifest test can check every prefix against snippets/markdown.json.
 */

export type DocumentKind = 'convenant' | 'lea' | 'ihp' | 'plan-van-aanpak';
export type DocumentLanguage = 'nl' | 'en';

/** The snippet prefix per kind and language; the snippets themselves live in snippets/markdown.json only. */
export const TEMPLATE_PREFIXES: Record<DocumentKind, Record<DocumentLanguage, string>> = {
  convenant: { nl: 'samenspel-convenant', en: 'samenspel-covenant-en' },
  lea: { nl: 'samenspel-lea', en: 'samenspel-lea-en' },
  ihp: { nl: 'samenspel-ihp', en: 'samenspel-ihp-en' },
  'plan-van-aanpak': { nl: 'samenspel-plan-van-aanpak', en: 'samenspel-action-plan-en' },
};

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
}

/** The snippet body (TextMate snippet syntax) for a prefix, or undefined when no snippet has it. */
export function snippetBody(snippets: Record<string, SnippetEntry>, prefix: string): string | undefined {
  // A snippet may list several prefixes (e.g. samenspel-covenant-en and samenspel-convenant-en).
  const entry = Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes(prefix));
  return entry && ([] as string[]).concat(entry.body).join('\n');
}
