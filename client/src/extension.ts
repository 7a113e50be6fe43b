/**
 * The VS Code side of Samenspel: starts the bundled language server for Markdown documents. Everything the writer
 * sees — findings, quick-fixes, lessons on hover — comes from the server, so other editors get the same.
 */
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
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
  };
  client = new LanguageClient('samenspel', 'Samenspel', serverOptions, clientOptions);
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
