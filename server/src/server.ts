/**
 * The language server: a thin adapter from LSP to the engine. Runs over IPC (VS Code) or stdio (any editor).
 * Nothing here writes to stdout but the connection itself: over stdio, stdout is the JSON-RPC channel.
 */
// First: from here on, nothing a module prints reaches stdout, the JSON-RPC channel over stdio.
import './stdio-console';
import { setFlagsFromString } from 'node:v8';
import { compilePatternsOnce } from './regexp-flags';
import { fileURLToPath } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Range,
  type SnippetTextEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, resolveSettings, scan, type AnalysisResult, type ChunkCache, type Finding, type ScanItem, type Settings, type TextEdit } from './engine';
import { mergeSettings } from './config';
import { checkText, sizeNotice } from './input';
import { CONFIG_GLOB, ProjectSettings } from './projectSettings';
import { connect } from './transport';
import { onWatchedFiles } from './watched';
import { isOwnFile, ruleDocsHref, ruleDocsLinks, type RuleDocsLinks } from './features/docs';
import { hoverMarkdown, lessonPageMarkdown } from './features/lessonText';
import { sendStatus, statusOf, statusWanted } from './features/status';
import { registerWorkspaceCheck } from './features/workspace';
import { registerCompletion, TRIGGER_CHARACTERS } from './features/completion';
import { registerSymbols } from './features/symbols';
import { FIX_ALL_KIND, fixAllActions, ignoreActions, registerFixAllResolve, wanted, type ActionContext } from './features/workflow-actions';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

interface ServerSettings {
  settings: Settings;
  debounceMs: number;
}

interface Analysed {
  version: number;
  result: AnalysisResult;
}

/** The scope detail of a document over the size limit: its notice is information, not a warning. */
const TOO_LARGE = 'too large';

function uriPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z-]+:\/*/i, '/'));
  } catch {
    return uri;
  }
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

// Parsing leaves much short-lived garbage; by default V8 lets the heap grow far past what is live before it
// collects, and resident memory never shrinks back. Slower growth keeps a session with 100 open covenants near
// 170 MB instead of 225 MB, at no measurable cost per keystroke (see bench/).
setFlagsFromString('--heap-growing-percent=20');
compilePatternsOnce();

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analysed = new Map<string, Analysed>();
  /** Per open document: its parsed chunks, so a keystroke re-parses only the paragraph it touched. */
  const chunkCaches = new Map<string, ChunkCache>();
  /** Per open document: its settings, asked once and again only when the configuration changes. */
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const reportedProblems = new Set<string>();
  let supportsConfiguration = false;
  let supportsSnippetEdits = false;
  let supportsWatcherRegistration = false;
  let resolvesEdits = false;
  let initialOptions: unknown;
  const project = new ProjectSettings(connection);
  let docsLinks: RuleDocsLinks = 'file';
  let wantsStatus = false;
  const docsHref = (ruleId: string): string => ruleDocsHref(ruleId, docsLinks);

  connection.onInitialize((params) => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    supportsSnippetEdits = !!params.capabilities.workspace?.workspaceEdit?.snippetEditSupport;
    supportsWatcherRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    // VS Code's Workspace Trust: in an untrusted folder the folder's project files are not read.
    // Trust, the kind of rule-docs link and the status are the client's, not settings: what remains may be settings.
    const { workspaceTrusted, ruleDocs, status, ...options } = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown; ruleDocs?: unknown; status?: unknown };
    project.trusted = workspaceTrusted !== false;
    docsLinks = ruleDocsLinks({ ruleDocs });
    initialOptions = params.initializationOptions === undefined ? undefined : options;
    resolvesEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    wantsStatus = statusWanted({ status });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
      },
      serverInfo: { name: 'samenspel', version: '0.1.0' },
    };
  });

  function chunkCacheFor(uri: string): ChunkCache {
    let cache = chunkCaches.get(uri);
    if (!cache) chunkCaches.set(uri, (cache = new Map()));
    return cache;
  }

  function settingsFor(uri: string): Promise<ServerSettings> {
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = fetchSettings(uri);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /**
   * Settings for one document: its project file over the editor's settings. Broken editor settings are reported once
   * and replaced by defaults, never fatal; a project file's problems are diagnostics on that file.
   */
  async function fetchSettings(uri: string): Promise<ServerSettings> {
    let raw: unknown = (initialOptions as { settings?: unknown } | undefined)?.settings ?? initialOptions;
    if (supportsConfiguration) {
      try {
        raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'samenspel' });
      } catch (error) {
        connection.console.warn(`samenspel: could not read settings: ${String(error)}`);
      }
    }
    // The client library's own "trace.server" setting lives in the same section; it is not ours to validate.
    if (raw && typeof raw === 'object' && 'trace' in raw) raw = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'trace'));
    const { problems } = resolveSettings(raw ?? undefined);
    const { settings } = resolveSettings(mergeSettings(raw ?? undefined, project.forDocument(uri)?.raw));
    const message = problems.join('; ');
    if (message && !reportedProblems.has(message)) {
      reportedProblems.add(message);
      void connection.window.showWarningMessage(`Samenspel: instellingen genegeerd / settings ignored: ${message}`);
    }
    return { settings, debounceMs: settings.debounceMs };
  }

  function toDiagnostic(f: Finding): Diagnostic {
    return {
      range: f.range,
      severity: SEVERITY[f.severity],
      source: 'samenspel',
      code: f.ruleId,
      codeDescription: { href: docsHref(f.ruleId) },
      // The lesson is one hover away; its title here would stand twice in the hover, under the message and above it.
      message: f.message,
      data: f.data,
    };
  }

  /** A document Samenspel cannot check: one notice at its start says why, instead of findings. */
  function unreadable(reason: string, message: string): AnalysisResult {
    const start = { line: 0, character: 0 };
    return { analysed: false, scope: { code: 'unreadable', detail: [reason] }, language: 'nl', kind: null, findings: [], notices: [{ message, range: { start, end: start } }] };
  }

  // Samenspel's own help pages talk about findings; checking them would report those examples as findings.
  const OWN_FILES = { code: 'own-files', detail: [] } as const satisfies AnalysisResult['scope'];
  const ownFile = (uri: string): boolean => uri.startsWith('file:') && isOwnFile(uriPath(uri));

  const loggedRuleErrors = new Set<string>();
  // The workspace check passes no cache: files read from disk are checked once, not edited keystroke by keystroke.
  // With `withScan` the same analysis also rates the six factors, for the status bar, at no second analysis.
  function analyseNow(document: TextDocument, settings: Settings, cache: ChunkCache | null = chunkCacheFor(document.uri), withScan = false): AnalysisResult & { items?: ScanItem[]; open?: number } {
    const path = uriPath(document.uri);
    if (ownFile(document.uri)) return { analysed: false, scope: OWN_FILES, language: 'nl', kind: null, findings: [], notices: [] };
    const text = document.getText();
    const tooLarge = sizeNotice(Buffer.byteLength(text), settings.maxFileSizeKB, 'both');
    if (tooLarge) return unreadable(TOO_LARGE, tooLarge);
    const problem = checkText(text, 'nl');
    if (problem) return unreadable(problem, `Samenspel: ${problem}`);
    try {
      const options = { path, settings, cache: cache ?? undefined };
      const { result, items, open } = withScan ? scan(text, options) : { result: analyze(text, options), items: undefined, open: undefined };
      // A rule that threw lost only its own findings; each distinct error is logged once, not on every keystroke.
      for (const e of result.errors ?? []) {
        const key = `${e.ruleId}: ${e.message}`;
        if (!loggedRuleErrors.has(key) && loggedRuleErrors.add(key)) connection.console.error(`samenspel: rule ${key} (${document.uri})`);
      }
      return items ? { ...result, items, open } : result;
    } catch (error) {
      // A bug in a rule must not take the server down or leave old squiggles: report it where the writer sees it.
      connection.console.error(`samenspel: analysis failed for ${document.uri}: ${(error as Error).stack ?? String(error)}`);
      return unreadable('internal error', `Samenspel kon dit document niet controleren: ${(error as Error).message}`);
    }
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const { settings } = await settingsFor(uri);
    const current = documents.get(uri);
    // A newer version arrived while settings were fetched: its own run will publish; never overwrite it with ours.
    if (!current || current.version !== version) return;
    const result = analyseNow(current, settings, undefined, wantsStatus);
    analysed.set(uri, { version, result });
    await connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(result) });
    if (wantsStatus) sendStatus(connection, statusOf(uri, version, result, result.items ?? null));
  }

  function diagnosticsOf(result: AnalysisResult): Diagnostic[] {
    return [
      ...result.notices.map((n): Diagnostic => ({ range: n.range, severity: result.scope.detail[0] === TOO_LARGE ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning, source: 'samenspel', message: n.message })),
      ...result.findings.map(toDiagnostic),
    ];
  }

  const workspaceCheck = registerWorkspaceCheck(connection, documents, async (uri, text) => {
    const result = analyseNow(TextDocument.create(uri, 'markdown', 0, text), (await settingsFor(uri)).settings, null);
    return { analysed: result.analysed, tooLarge: result.scope.detail[0] === TOO_LARGE, diagnostics: diagnosticsOf(result) };
  });

  async function schedule(uri: string): Promise<void> {
    clearTimeout(timers.get(uri));
    const { debounceMs } = await settingsFor(uri);
    clearTimeout(timers.get(uri));
    const run = (): void => {
      timers.delete(uri);
      validate(uri).catch((error) => connection.console.error(`samenspel: ${String(error)}`));
    };
    if (debounceMs === 0) run();
    else timers.set(uri, setTimeout(run, debounceMs));
  }

  // Fires on open too. A document just opened is checked at once; edits wait for the writer to pause.
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (analysed.has(uri) || timers.has(uri)) void schedule(uri);
    else validate(uri).catch((error) => connection.console.error(`samenspel: ${String(error)}`));
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analysed.delete(e.document.uri);
    chunkCaches.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  function recheckAll(): void {
    settingsCache.clear();
    for (const document of documents.all()) validate(document.uri).catch((error) => connection.console.error(`samenspel: ${String(error)}`));
    workspaceCheck.recheck();
  }
  connection.onDidChangeConfiguration(() => {
    reportedProblems.clear();
    recheckAll();
  });
  // A project file created, edited or deleted on disk: the open documents it may apply to are checked again.
  onWatchedFiles(connection, (changes) => {
    if (project.changed(changes)) recheckAll();
  });
  connection.onInitialized(() => {
    if (!supportsWatcherRegistration) return;
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] }).catch((error) => connection.console.warn(`samenspel: cannot watch project files: ${String(error)}`));
  });
  // The writer trusted the workspace: from now on its project files count.
  connection.onNotification('samenspel/workspaceTrusted', () => {
    project.trusted = true;
    project.reset();
    recheckAll();
  });

  /** Findings for the document as it is now: cached when current, else computed on the spot. */
  async function currentFindings(uri: string): Promise<{ document: TextDocument; result: AnalysisResult } | null> {
    const document = documents.get(uri);
    if (!document) return null;
    const cached = analysed.get(uri);
    if (cached && cached.version === document.version) return { document, result: cached.result };
    const result = analyseNow(document, (await settingsFor(uri)).settings);
    return { document, result };
  }

  /**
   * A fix that inserts fields to fill in selects the first one after it is applied, so the writer types straight into
   * it: as a snippet edit where the client supports them (LSP 3.18), else as plain text.
   */
  function workspaceEdit(uri: string, version: number, edits: TextEdit[]): WorkspaceEdit {
    const plain = edits.map(({ range, newText }) => ({ range, newText }));
    if (!supportsSnippetEdits || !edits.some((e) => e.snippet)) return { changes: { [uri]: plain } };
    // Only the first edit with fields gets tab stops: an editor runs one snippet at a time.
    const first = edits.findIndex((e) => e.snippet);
    const mixed = edits.map((e, i): LspTextEdit | SnippetTextEdit => (i === first ? { range: e.range, snippet: { kind: 'snippet', value: e.snippet! } } : plain[i]));
    return { documentChanges: [{ textDocument: { uri, version }, edits: mixed }] };
  }

  async function actionContext(uri: string): Promise<ActionContext | null> {
    const current = await currentFindings(uri);
    return current && { ...current, settings: (await settingsFor(uri)).settings, path: uriPath(uri) };
  }

  connection.onCodeAction(async (params) => {
    const current = await actionContext(params.textDocument.uri);
    if (!current) return [];
    const actions: CodeAction[] = [];
    const atCursor: Parameters<typeof fixAllActions>[2] = [];
    for (const f of current.result.findings) {
      if (!intersects(f.range, params.range)) continue;
      const diagnostic = params.context.diagnostics.find((d) => d.source === 'samenspel' && d.code === f.ruleId && intersects(d.range, f.range)) ?? toDiagnostic(f);
      atCursor.push({ finding: f, diagnostic });
      for (const fix of f.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred ?? false,
          edit: workspaceEdit(params.textDocument.uri, current.document.version, fix.edits),
        });
      }
    }
    for (const { finding, diagnostic } of atCursor) actions.push(...ignoreActions(params.textDocument.uri, finding, diagnostic));
    return [...(wanted(params.context.only, CodeActionKind.QuickFix) ? actions : []), ...fixAllActions(params, current, atCursor, resolvesEdits)];
  });
  registerFixAllResolve(connection, actionContext);
  registerSymbols(connection, (uri) => documents.get(uri), chunkCacheFor);
  registerCompletion(connection, (uri) => documents.get(uri), chunkCacheFor, async (uri) => (await settingsFor(uri)).settings);

  async function findingsAt(uri: string, position: Range['start']): Promise<{ findings: Finding[]; lang: AnalysisResult['language'] } | null> {
    const current = await currentFindings(uri);
    if (!current) return null;
    const findings = current.result.findings.filter((f) => intersects(f.range, { start: position, end: position }));
    return findings.length ? { findings, lang: current.result.language } : null;
  }

  connection.onHover(async (params) => {
    const here = await findingsAt(params.textDocument.uri, params.position);
    return here ? { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(here.findings, here.lang, docsHref) } } : null;
  });

  // "Samenspel: Toon les" — the lesson of the finding under the cursor, as Markdown.
  connection.onRequest('samenspel/lesson', async (params: { textDocument: { uri: string }; position: Range['start'] }) => {
    const here = await findingsAt(params.textDocument.uri, params.position);
    return here ? { markdown: lessonPageMarkdown(here.findings, here.lang, docsHref), language: here.lang } : null;
  });

  // "Samenspel: Samenwerkingsscan" — the six factors for the document, each green, amber or red.
  connection.onRequest('samenspel/scan', async (params: { textDocument: { uri: string } }) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    // The same gates and the same analysis as the diagnostics, reusing the document's parsed chunks; a document
    // that cannot be read (binary, too large, an internal error) has no scan.
    const result = analyseNow(document, (await settingsFor(document.uri)).settings, undefined, true);
    if (result.scope.code === 'unreadable') return null;
    return { analysed: result.analysed, scope: result.scope, language: result.language, items: result.items ?? [], open: result.open ?? 0 };
  });

  documents.listen(connection);
  connection.listen();
}

// Exceptions escaping a handler are logged, not fatal: the writer keeps their editor and their squiggles.
process.on('uncaughtException', (error) => process.stderr.write(`samenspel: uncaught ${error.stack ?? String(error)}\n`));
process.on('unhandledRejection', (error) => process.stderr.write(`samenspel: unhandled ${String(error)}\n`));

startServer(connect());
