/**
 * "Samenspel: New document": asks which kind of document and which language, then opens a new, unsaved Markdown
 * document filled with the matching template. The template is the same snippet the writer can type
 * (samenspel-convenant …), so its tab stops lead through the blanks: Tab to the next one, Esc to stop.
 */
import * as vscode from 'vscode';
import { snippetBody, TEMPLATE_PREFIXES, type DocumentKind, type DocumentLanguage } from './templates';

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

export async function newDocument(extensionUri: vscode.Uri): Promise<void> {
  const kinds: Array<Pick<DocumentKind>> = [
    { value: 'convenant', label: vscode.l10n.t('Covenant'), detail: vscode.l10n.t('Agreement between the municipality and school boards on a shared goal') },
    { value: 'lea', label: vscode.l10n.t('Local Education Agenda (LEA)'), detail: vscode.l10n.t('Shared themes of the municipality, school boards, childcare and partners') },
    { value: 'ihp', label: vscode.l10n.t('Integrated Accommodation Plan (IHP)'), detail: vscode.l10n.t('School buildings: who contributes what, in which order, when') },
    { value: 'plan-van-aanpak', label: vscode.l10n.t('Plan of approach'), detail: vscode.l10n.t('Activities with owners and dates') },
  ];
  const kind = await vscode.window.showQuickPick(kinds, {
    title: vscode.l10n.t('New Samenspel document (1/2)'),
    placeHolder: vscode.l10n.t('Which kind of document do you want to write?'),
  });
  if (!kind) return;

  // Language names are written in their own language: a writer looks for the one they can read.
  const languages: Array<Pick<DocumentLanguage>> = [
    { value: 'nl', label: 'Nederlands' },
    { value: 'en', label: 'English' },
  ];
  const language = await vscode.window.showQuickPick(languages, {
    title: vscode.l10n.t('New Samenspel document (2/2)'),
    placeHolder: vscode.l10n.t('In which language is the document written?'),
  });
  if (!language) return;

  const prefix = TEMPLATE_PREFIXES[kind.value][language.value];
  // Read at run time from the installed extension, so snippets/markdown.json stays the only copy of the templates.
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'markdown.json'));
  const body = snippetBody(JSON.parse(new TextDecoder().decode(bytes)), prefix);
  if (body === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Samenspel could not find the template {0}. Please reinstall the extension.', prefix));
    return;
  }

  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
}
