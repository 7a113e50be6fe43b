/**
 * The VS Code side of Samenspel: starts the bundled language server for Markdown documents and adds three commands.
 * Everything the writer sees — findings, quick-fixes, lessons, the scan — comes from the server, so other editors get
 * the same; the client only shows it (lesson.ts, scan.ts) or starts a document from a template (newDocument.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { trackMarkdownEditor } from './editors';
import { registerLesson } from './lesson';
import { newDocument } from './newDocument';
import { registerScan } from './scan';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Saved files and new, unsaved ones: a covenant often starts as an untitled document.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // The server asks for its settings with workspace/configuration; this tells it when they change.
    synchronize: { configurationSection: 'samenspel' },
    // Workspace Trust: in an untrusted folder the server reads no .samenspel.yaml / .samenspel.json.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('samenspel', 'Samenspel', serverOptions, clientOptions);
  // Commands are registered before the server is up, so a click in the walkthrough never finds them missing;
  // the ones that need the server wait for it.
  const ready = client.start().then(() => client!);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void ready.then((c) => c.sendNotification('samenspel/workspaceTrusted'))));
  const target = trackMarkdownEditor(context);
  registerLesson(context, ready, target);
  registerScan(context, ready, target);
  context.subscriptions.push(vscode.commands.registerCommand('samenspel.newDocument', () => newDocument(context.extensionUri)));
  await ready;
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
