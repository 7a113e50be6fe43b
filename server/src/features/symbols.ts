/** `textDocument/documentSymbol`: the engine's outline as LSP symbols, for the Outline view and breadcrumbs. */
import { SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { outline, type ChunkCache, type OutlineItem, type OutlineKind } from '../engine';
import { checkText } from '../input';

/** As the Markdown extension does for headings; the contents get kinds with their own icons. */
const KINDS: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.String,
  party: SymbolKind.Object,
  ambition: SymbolKind.Event,
  contribution: SymbolKind.Property,
};

function toSymbol(item: OutlineItem): DocumentSymbol {
  return {
    name: item.name,
    ...(item.detail ? { detail: item.detail } : {}),
    kind: KINDS[item.kind],
    range: item.range,
    selectionRange: item.selectionRange,
    children: item.children.map(toSymbol),
  };
}

export function registerSymbols(connection: Connection, documentFor: (uri: string) => TextDocument | undefined, cacheFor: (uri: string) => ChunkCache): void {
  connection.onDocumentSymbol((params) => {
    const document = documentFor(params.textDocument.uri);
    if (!document || checkText(document.getText(), 'nl')) return [];
    try {
      return outline(document.getText(), { cache: cacheFor(document.uri) }).map(toSymbol);
    } catch (error) {
      connection.console.error(`samenspel: outline failed for ${document.uri}: ${(error as Error).stack ?? String(error)}`);
      return [];
    }
  });
}
