/**
 * One status bar item for the active Markdown document: "Samenspel: 5 findings · scan 3/6", or why it is not
 * checked; "starting" until the server is up. A click opens the partnership scan. The numbers come from the
 * server's samenspel/status notification, sent after every check of an open document.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DocumentStatus } from '../../server/src/features/status';
import { statusText } from './statusText';

export function registerStatus(context: vscode.ExtensionContext, ready: Promise<LanguageClient>): vscode.Event<vscode.Uri> {
  const item = vscode.window.createStatusBarItem('samenspel.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Samenspel';
  const statuses = new Map<string, DocumentStatus>();
  const rechecked = new vscode.EventEmitter<vscode.Uri>();
  let started = false;
  /** The document of the last text editor: a preview, the scan or Problems in focus leave no active text editor. */
  let last: vscode.TextDocument | undefined;

  function show(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor || last?.isClosed) last = editor?.document;
    const document = last;
    if (!document || document.languageId !== 'markdown' || !['file', 'untitled'].includes(document.uri.scheme)) {
      item.hide();
      return;
    }
    const status = statuses.get(document.uri.toString());
    if (!started || !status) {
      item.text = `$(sync~spin) ${started ? vscode.l10n.t('Samenspel: checking…') : vscode.l10n.t('Samenspel: starting…')}`;
      item.tooltip = undefined;
      item.command = undefined;
    } else {
      const { text, tooltip } = statusText(status, vscode.l10n.t);
      item.text = text;
      item.tooltip = tooltip;
      item.command = { title: vscode.l10n.t('Partnership scan'), command: 'samenspel.scan', arguments: [document.uri] };
    }
    item.show();
  }

  show();
  context.subscriptions.push(
    item,
    rechecked,
    vscode.window.onDidChangeActiveTextEditor(show),
    vscode.workspace.onDidCloseTextDocument((d) => {
      statuses.delete(d.uri.toString());
      show();
    }),
  );
  void ready.then((client) => {
    started = true;
    context.subscriptions.push(
      client.onNotification('samenspel/status', (status: DocumentStatus) => {
        const uri = client.protocol2CodeConverter.asUri(status.uri);
        statuses.set(uri.toString(), status);
        rechecked.fire(uri);
        if (last?.uri.toString() === uri.toString() || vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) show();
      }),
    );
    show();
  });
  return rechecked.event;
}
