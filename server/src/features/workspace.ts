/**
 * samenspel/checkWorkspace — "Check all documents in this folder": Problems for every partnership document under the
 * workspace folders, not only the open ones. Reports work-done progress ($/progress with the request's
 * workDoneToken) and stops when the request is cancelled. After a check, Markdown files that change on disk are
 * checked again and deleted ones lose their findings.
 *
 * Open documents keep priority: their live text in the editor wins over the file on disk, so they are left to the
 * ordinary checks, and a file that is closed again gets its findings from disk.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WorkDoneProgress,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type ProgressToken,
  type TextDocuments,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IGNORED_DIRS, isMarkdownFile, MARKDOWN_GLOB, READ_CAP_BYTES } from '../files';
import { onWatchedFiles } from '../watched';

export const CHECK_WORKSPACE_REQUEST = 'samenspel/checkWorkspace';

/** Folders never worth reading: tools' and version control's own files. */
/** Enough for any policy department's folder; a home folder opened by mistake stops here instead of running on. */
const MAX_FILES = 20_000;

export interface CheckWorkspaceParams {
  /** Folder URIs to check; without them the client's workspace folders. */
  folders?: string[];
  workDoneToken?: ProgressToken;
}

export interface CheckWorkspaceResult {
  /** Markdown files found. */
  files: number;
  /** Of these, partnership documents that were checked. */
  checked: number;
  findings: number;
  /** Files skipped: not regular, unreadable, or larger than maxFileSizeKB. */
  skipped: number;
  cancelled: boolean;
}

/** What the server makes of one file's text: its diagnostics, and whether it is a partnership document at all. */
/** `tooLarge`: over maxFileSizeKB, so not checked: counted as skipped, like an unreadable file. */
export type Analyse = (uri: string, text: string) => Promise<{ analysed: boolean; tooLarge: boolean; diagnostics: Diagnostic[] }>;

/** Markdown files under `folder`, without following symbolic links (so never out of the folder). */
async function markdownFiles(folder: string, out: string[], token: CancellationToken): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to check there
  }
  for (const entry of entries) {
    if (out.length >= MAX_FILES || token.isCancellationRequested) return;
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !IGNORED_DIRS.has(entry.name)) await markdownFiles(path, out, token);
    else if (entry.isFile() && isMarkdownFile(entry.name)) out.push(path);
  }
}

function folderPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export function registerWorkspaceCheck(connection: Connection, documents: TextDocuments<TextDocument>, analyse: Analyse): { recheck(): void } {
  /** Files whose findings came from disk through this feature, so they are cleared or updated later. */
  const published = new Set<string>();
  /** The folders of the last check; until there is one, nothing is watched or checked from disk. */
  let checkedFolders: string[] = [];
  let watching = false;
  const inCheckedFolder = (path: string): boolean => checkedFolders.some((f) => path.startsWith(f.endsWith(sep) ? f : f + sep));

  /** Checks one file from disk; false when it was skipped. An open document is left to the live checks. */
  async function checkFile(path: string): Promise<{ findings: number; analysed: boolean } | false> {
    const uri = pathToFileURL(path).href;
    if (documents.get(uri)) return { findings: 0, analysed: false };
    let text: string;
    try {
      const info = await lstat(path);
      if (!info.isFile() || info.size > READ_CAP_BYTES) return false;
      text = await readFile(path, 'utf8');
    } catch {
      return false;
    }
    // Opened while it was read: the editor's text wins.
    if (documents.get(uri)) return { findings: 0, analysed: false };
    const { analysed, tooLarge, diagnostics } = await analyse(uri, text);
    if (tooLarge) return false;
    if (analysed || published.has(uri)) {
      await connection.sendDiagnostics({ uri, diagnostics: analysed ? diagnostics : [] });
      if (analysed) published.add(uri);
      else published.delete(uri);
    }
    return { findings: analysed ? diagnostics.length : 0, analysed };
  }

  async function folders(params: CheckWorkspaceParams): Promise<string[]> {
    let uris = params.folders;
    if (!uris) {
      try {
        uris = ((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri);
      } catch {
        uris = []; // a client without workspace folders
      }
    }
    return uris.map(folderPath).filter((p): p is string => p !== null);
  }

  async function watch(): Promise<void> {
    if (watching) return;
    watching = true;
    try {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: MARKDOWN_GLOB }] });
    } catch (error) {
      connection.console.warn(`samenspel: cannot watch files: ${String(error)}`);
    }
  }

  connection.onRequest(CHECK_WORKSPACE_REQUEST, async (params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> => {
    const progress = params.workDoneToken;
    const report = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd): void => {
      if (progress !== undefined) void connection.sendProgress(WorkDoneProgress.type, progress, value);
    };
    report({ kind: 'begin', title: 'Samenspel', cancellable: true, message: '…', percentage: 0 });
    const files: string[] = [];
    checkedFolders = await folders(params);
    for (const folder of checkedFolders) await markdownFiles(folder, files, token);
    const result: CheckWorkspaceResult = { files: files.length, checked: 0, findings: 0, skipped: 0, cancelled: false };
    for (const [i, path] of files.entries()) {
      if (token.isCancellationRequested) break;
      const outcome = await checkFile(path);
      if (outcome === false) result.skipped++;
      else if (outcome.analysed) {
        result.checked++;
        result.findings += outcome.findings;
      }
      report({ kind: 'report', message: `${i + 1}/${files.length}`, percentage: Math.round(((i + 1) / files.length) * 100) });
    }
    result.cancelled = token.isCancellationRequested;
    report({ kind: 'end', message: `${result.checked}/${result.files}` });
    await watch();
    return result;
  });

  onWatchedFiles(connection, (changes) => {
    for (const change of changes) {
      const path = folderPath(change.uri);
      if (!path || !isMarkdownFile(path)) continue;
      if (change.type === FileChangeType.Deleted) {
        if (published.delete(change.uri)) void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      } else if (inCheckedFolder(path)) {
        void checkFile(path);
      }
    }
  });

  // Closed in the editor: the server clears its live findings; in a checked folder it gets its findings from disk.
  documents.onDidClose((e) => {
    const path = folderPath(e.document.uri);
    if (path && inCheckedFolder(path)) setTimeout(() => void checkFile(path), 0);
  });

  return {
    /** After a change of settings: every file checked from disk, again. */
    recheck(): void {
      for (const uri of published) {
        const path = folderPath(uri);
        if (path) void checkFile(path);
      }
    },
  };
}
