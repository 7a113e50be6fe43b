/**
 * Completion: party and group names in the lists and tables of the parties, stakeholders and contributions sections,
 * and, in an empty Markdown document, the document templates. VS Code turns quick suggestions off for Markdown, so
 * snippets alone stay out of sight until the writer knows to press Ctrl+Space; offered by the server they also reach
 * other editors.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import snippets from '../../../snippets/markdown.json';
import { completions, type ChunkCache, type Settings } from '../engine';
import { checkText } from '../input';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** Completion is asked for after these: "-" starts front matter (a template), "- " a list item, "|" a cell. */
export const TRIGGER_CHARACTERS = ['-', ' ', '|'];

/** A document still empty, or with only the first dashes of front matter typed. */
const EMPTY = /^\s*-{0,3}\s*$/;
/** Cheap check before the model is built: only list items and table rows get names. */
const ITEM_OR_ROW = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s|\|)/;

/** The snippets that are a whole document (they start with front matter), Dutch first as in the file. */
const TEMPLATES: CompletionItem[] = Object.entries(snippets as Record<string, Snippet>)
  .map(([name, s]) => ({ name, s, body: ([] as string[]).concat(s.body).join('\n') }))
  .filter(({ body }) => body.startsWith('---'))
  .map(({ name, s, body }, i) => ({
    label: ([] as string[]).concat(s.prefix)[0],
    // What the writer types in an empty document ("-" of front matter, or the prefix) matches it.
    filterText: `---${([] as string[]).concat(s.prefix)[0]}`,
    kind: CompletionItemKind.Snippet,
    detail: name,
    documentation: s.description,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: body,
    sortText: String(i).padStart(3, '0'),
  }));

export function registerCompletion(connection: Connection, documentFor: (uri: string) => TextDocument | undefined, cacheFor: (uri: string) => ChunkCache, settingsFor: (uri: string) => Promise<Settings>): void {
  connection.onCompletion(async (params) => {
    const document = documentFor(params.textDocument.uri);
    if (!document) return [];
    const text = document.getText();
    if (EMPTY.test(text)) {
      const range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      return TEMPLATES.map((t) => ({ ...t, textEdit: { range, newText: t.insertText! } }));
    }
    const lineStart = document.offsetAt({ line: params.position.line, character: 0 });
    if (!ITEM_OR_ROW.test(text.slice(lineStart, document.offsetAt(params.position))) || checkText(text, 'nl')) return [];
    const found = completions(text, params.position, { cache: cacheFor(document.uri), settings: await settingsFor(document.uri) });
    if (!found) return [];
    return found.items.map((item, i): CompletionItem => ({
      label: item.label,
      kind: item.kind === 'party' ? CompletionItemKind.Class : CompletionItemKind.Value,
      ...(item.detail ? { detail: item.detail } : {}),
      textEdit: { range: found.range, newText: item.label },
      // Parties first, in document order, then the groups.
      sortText: String(i).padStart(3, '0'),
    }));
  });
}
