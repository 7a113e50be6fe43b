/**
 * "Samenspel: Check all documents in this folder": the server checks every Markdown file under the workspace
 * folders from disk and fills Problems with the partnership documents' findings. A notification shows the count
 * while it runs and has a Cancel button, which cancels the request.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import type { CheckWorkspaceResult } from '../../server/src/features/workspace';

export function registerWorkspaceCheck(context: vscode.ExtensionContext, ready: Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('samenspel.checkWorkspace', async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      if (!folders.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first; Samenspel then checks every document in it.'));
        return;
      }
      const client = await ready;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Samenspel: checking the documents in this folder'), cancellable: true },
        async (progress, cancel) => {
          const token = randomUUID();
          let last = 0;
          const listening = client.onProgress(WorkDoneProgress.type, token, (value) => {
            if (value.kind !== 'report' && value.kind !== 'begin') return;
            const percentage = value.percentage ?? last;
            progress.report({ message: value.message, increment: percentage - last });
            last = percentage;
          });
          try {
            return await client.sendRequest<CheckWorkspaceResult>('samenspel/checkWorkspace', { folders: folders.map((f) => client.code2ProtocolConverter.asUri(f.uri)), workDoneToken: token }, cancel);
          } catch (error) {
            if (cancel.isCancellationRequested) return null;
            throw error;
          } finally {
            listening.dispose();
          }
        },
      );
      if (!result || result.cancelled) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Samenspel stopped checking the folder.'));
        return;
      }
      const summary = vscode.l10n.t('Samenspel checked {0} of {1} Markdown documents (the others are not partnership documents): {2} findings.', result.checked, result.files, result.findings);
      const problems = vscode.l10n.t('Open Problems');
      // Not awaited: the command is done when the check is; the message stays until the writer closes it.
      void vscode.window.showInformationMessage(summary, problems).then((choice) => choice === problems && vscode.commands.executeCommand('workbench.actions.view.problems'));
    }),
  );
}
