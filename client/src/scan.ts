/**
 * "Samenspel: Partnership scan": asks the server for the six factors of a document and shows them in one panel
 * beside it, in the document's language. The panel follows the document while the writer types, when a Samenspel
 * setting changes, and whenever the server has checked the document again; its links jump to the text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Target } from './editors';
import { REVEAL_COMMAND, scanHtml, type ScanAnswer } from './scanView';
import type { DocumentLanguage, Translate } from './translate';

/** Long enough to let a burst of typing settle; the server's own checks wait 150 ms by default. */
const RESCAN_DELAY_MS = 500;

/** A URI from a command argument: a Uri from a menu, a string from a command link in the panel. */
function asUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  return undefined;
}

function documentName(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri);
}

/** Signals that the server checked a document again, e.g. after a settings change (samenspel/status). */
export type Rechecked = vscode.Event<vscode.Uri>;

export function registerScan(
  context: vscode.ExtensionContext,
  ready: Promise<LanguageClient>,
  target: () => Target | undefined,
  translate: (lang: DocumentLanguage | undefined) => Translate,
  rechecked: Rechecked,
): void {
  let panel: vscode.WebviewPanel | undefined;
  let shown: vscode.Uri | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function render(document: vscode.TextDocument): Promise<void> {
    const client = await ready;
    const uri = client.code2ProtocolConverter.asUri(document.uri);
    const answer = await client.sendRequest<ScanAnswer>('samenspel/scan', { textDocument: { uri } });
    if (!panel || shown?.toString() !== document.uri.toString()) return; // closed or switched meanwhile
    const t = translate(answer?.language);
    panel.title = t('Scan: {0}', documentName(document));
    panel.webview.html = scanHtml({ answer, documentName: documentName(document), documentUri: document.uri.toString(), cspSource: panel.webview.cspSource, translate });
  }

  /** Renders the shown document again once things settle; a failed refresh keeps the last scan on screen. */
  function refresh(): void {
    const document = shown && vscode.workspace.textDocuments.find((d) => d.uri.toString() === shown?.toString());
    if (!panel || !document) return;
    clearTimeout(timer);
    timer = setTimeout(() => void render(document).catch(() => undefined), RESCAN_DELAY_MS);
  }

  async function show(arg: unknown): Promise<void> {
    const uri = asUri(arg);
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : target()?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown document first; the scan looks at the document in the active editor.'));
      return;
    }
    shown = document.uri;
    if (!panel) {
      panel = vscode.window.createWebviewPanel('samenspel.scan', vscode.l10n.t('Partnership scan'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        // Only the two commands the page links to; no scripts at all.
        enableCommandUris: ['samenspel.scan', REVEAL_COMMAND],
        enableFindWidget: true,
      });
      panel.onDidDispose(() => {
        panel = undefined;
        shown = undefined;
        clearTimeout(timer);
      });
    } else {
      panel.reveal(undefined, true);
    }
    await render(document);
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('samenspel.scan', show),
    // Reveals a range in the document the scan belongs to, in the editor where it is open if there is one.
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uriArg: unknown, range: { start: vscode.Position; end: vscode.Position }) => {
      const uri = asUri(uriArg);
      if (!uri || !range) return;
      const document = await vscode.workspace.openTextDocument(uri);
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection });
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === shown?.toString()) refresh();
    }),
    // A changed rule level or vocabulary changes the scan without a keystroke (issue 10, bug 4).
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('samenspel')) refresh();
    }),
    rechecked((uri) => {
      if (uri.toString() === shown?.toString()) refresh();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
