/**
 * The Markdown document the writer is working on, with the cursor. Usually the active editor; but a command run from
 * the walkthrough or the scan panel runs while that page has the focus, so the last Markdown editor is remembered.
 */
import * as vscode from 'vscode';

export interface Target {
  document: vscode.TextDocument;
  position: vscode.Position;
}

export function trackMarkdownEditor(context: vscode.ExtensionContext): () => Target | undefined {
  let last: { uri: string; position: vscode.Position } | undefined;
  const remember = (editor: vscode.TextEditor | undefined): void => {
    if (editor?.document.languageId === 'markdown' && editor.document.uri.scheme !== 'samenspel-lesson') {
      last = { uri: editor.document.uri.toString(), position: editor.selection.active };
    }
  };
  remember(vscode.window.activeTextEditor);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(remember),
    vscode.window.onDidChangeTextEditorSelection((e) => remember(e.textEditor)),
  );
  return () => {
    remember(vscode.window.activeTextEditor);
    const document = last && vscode.workspace.textDocuments.find((d) => d.uri.toString() === last!.uri && !d.isClosed);
    if (document && last) return { document, position: last.position };
    // The remembered one was closed: any Markdown editor still in view will do.
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown' && e.document.uri.scheme !== 'samenspel-lesson');
    return visible && { document: visible.document, position: visible.selection.active };
  };
}
