/**
 * Rule documentation, read-only and rendered. The server links a finding's rule code (in Problems and in the hover)
 * to the command samenspel.openRuleDocs, because the client asks for that in initializationOptions; the command shows
 * the page from the installed extension as a Markdown preview of a virtual `samenspel-docs:` document. It is never
 * an editable file, and the language server, which only sees `file:` and `untitled:` documents, never checks it.
 */
import * as vscode from 'vscode';

export const DOCS_SCHEME = 'samenspel-docs';

/** Rule ids are lower-case words with hyphens; anything else never reaches the file system. */
const RULE_ID = /^[a-z]+(?:-[a-z]+)*$/;

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      if (!RULE_ID.test(id)) return '';
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`));
      return new TextDecoder().decode(bytes);
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, provider),
    vscode.commands.registerCommand('samenspel.openRuleDocs', async (ruleId: unknown) => {
      if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return;
      // Locked beside the document: an ordinary preview follows the active Markdown editor and would swap the page away.
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${ruleId}.md` }));
    }),
  );
}
