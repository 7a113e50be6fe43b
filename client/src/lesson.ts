/**
 * "Samenspel: Show lesson": the lesson behind the finding under the cursor, in a Markdown preview beside the document.
 * The server writes the lesson (the same text as the hover); the client only shows it. The preview reads a virtual,
 * read-only document, so there is nothing to save and the language server never checks the lesson itself.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Target } from './editors';
import { lessonPage, type LessonAnswer } from './lessonPage';
import type { DocumentLanguage, Translate } from './translate';

const SCHEME = 'samenspel-lesson';

/** Holds the text of the one lesson document; the preview follows it when a newer lesson is shown. */
class LessonDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private text = '';

  provideTextDocumentContent(): string {
    return this.text;
  }

  set(uri: vscode.Uri, text: string): void {
    this.text = text;
    this.changed.fire(uri);
  }
}

/**
 * The lesson page speaks the language of the document it is about, like the lesson text from the server: a Dutch
 * lesson under an English heading was issue 10, bug 3.
 */
export function registerLesson(context: vscode.ExtensionContext, ready: Promise<LanguageClient>, target: () => Target | undefined, translate: (lang: DocumentLanguage) => Translate): void {
  const lessons = new LessonDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, lessons),
    vscode.commands.registerCommand('samenspel.showLesson', async () => {
      const here = target();
      if (!here) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown document and put the cursor on a Samenspel finding first.'));
        return;
      }
      const client = await ready;
      const { document, position } = here;
      const answer = await client.sendRequest<LessonAnswer | null>('samenspel/lesson', {
        textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
        position: { line: position.line, character: position.character },
      });
      if (!answer) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no Samenspel finding under the cursor.'));
        return;
      }
      const page = lessonPage(answer, translate);
      // The file name becomes the preview's tab title.
      const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${page.name}.md` });
      lessons.set(uri, page.markdown);
      // Locked: an ordinary preview follows whichever Markdown editor is active and would swap the lesson away.
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
    }),
  );
}
