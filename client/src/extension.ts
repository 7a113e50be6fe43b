/**
 * The VS Code side of Samenspel: starts the bundled language server for Markdown documents and adds its commands.
 * Everything the writer sees — findings, quick-fixes, lessons, the scan, the status — comes from the server, so other
 * editors get the same; the client only shows it (lesson.ts, scan.ts, status.ts, ruleDocs.ts), asks for a check of
 * the whole folder (workspace.ts) or starts a document from a template (newDocument.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { trackMarkdownEditor } from './editors';
import { registerLesson } from './lesson';
import { newDocument } from './newDocument';
import { registerRuleDocs } from './ruleDocs';
import { registerScan } from './scan';
import { registerStatus } from './status';
import { translators, type Translate } from './translate';
import { registerWorkspaceCheck } from './workspace';

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
    // Workspace Trust: in an untrusted folder the server reads no .samenspel.yaml / .samenspel.json. Rule docs as a
    // command that opens them read-only (ruleDocs.ts), and a status per document for the status bar.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, ruleDocs: 'command', status: true },
    // The hover's rule link runs that command; no other command may run from server text.
    markdown: { isTrusted: { enabledCommands: ['samenspel.openRuleDocs'] } },
  };
  client = new LanguageClient('samenspel', 'Samenspel', serverOptions, clientOptions);
  // Commands are registered before the server is up, so a click in the walkthrough never finds them missing;
  // the ones that need the server wait for it.
  const ready = client.start().then(() => client!);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void ready.then((c) => c.sendNotification('samenspel/workspaceTrusted'))));
  const target = trackMarkdownEditor(context);
  const byLanguage = translators(await dutchBundle(context.extensionUri));
  const rechecked = registerStatus(context, ready);
  registerRuleDocs(context);
  registerLesson(context, ready, target, (lang) => byLanguage[lang]);
  registerScan(context, ready, target, (lang): Translate => (lang ? byLanguage[lang] : vscode.l10n.t), rechecked);
  registerWorkspaceCheck(context, ready);
  context.subscriptions.push(vscode.commands.registerCommand('samenspel.newDocument', () => newDocument(context.extensionUri)));
  await ready;
}

/** The Dutch runtime strings, for pages in a Dutch document's language whatever the editor's language. */
async function dutchBundle(extensionUri: vscode.Uri): Promise<Record<string, string>> {
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'l10n', 'bundle.l10n.nl.json'))));
  } catch {
    return {}; // a broken install: English pages, never a failed activation
  }
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
