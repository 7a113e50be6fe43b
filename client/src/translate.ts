/**
 * Pages about a document (the lesson page, the scan) speak the document's language, not the editor's: a Dutch
 * covenant gets Dutch headings and labels in an English VS Code. vscode.l10n.t only knows the editor's language, so
 * the client reads the Dutch bundle itself; English is the source text. Free of `vscode`, so tests can use it.
 */

/** vscode.l10n.t, or a stand-in in tests. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

export type DocumentLanguage = 'nl' | 'en';

const fill = (message: string, args: Array<string | number>): string => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

/** A translate function per document language, from the Dutch bundle (l10n/bundle.l10n.nl.json). */
export function translators(dutch: Record<string, string>): Record<DocumentLanguage, Translate> {
  return {
    en: (message, ...args) => fill(message, args),
    nl: (message, ...args) => fill(dutch[message] ?? message, args),
  };
}
