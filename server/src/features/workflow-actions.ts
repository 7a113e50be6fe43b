/**
 * Code actions beyond a finding's own fixes: "Negeer hier" / "Negeer in dit bestand" on every finding, "fix all of
 * this kind" per rule, and the source action `source.fixAll.samenspel` (also for `editor.codeActionsOnSave`). The
 * combining is the engine's (fixDocument), the same as `samenspel check --fix`.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diffEdit, fixDocument, type AnalysisResult, type Finding, type Language, type Settings, type TextEdit } from '../engine';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.samenspel`;

const WORDS: Record<Language, { fixAll: string; fixKind: (n: number, rule: string) => string }> = {
  nl: { fixAll: 'Vul alle ontbrekende onderdelen aan', fixKind: (n, rule) => `Los alle ${n} meldingen van deze soort op (${rule})` },
  en: { fixAll: 'Add all missing parts', fixKind: (n, rule) => `Fix all ${n} findings of this kind (${rule})` },
};

/** Whether the client asked for actions of this kind (no `only`: it asked for all). */
export function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export interface ActionContext {
  document: TextDocument;
  result: AnalysisResult;
  settings: Settings;
  path: string;
}

interface FixAllData {
  samenspel: 'fixAll';
  uri: string;
  ruleId?: string;
}

function plainEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits.map(({ range, newText }) => ({ range, newText })) } };
}

/** The whole document's fixes (of one rule, or all) as one edit of the changed middle. */
function fixAllEdit(context: ActionContext, ruleId?: string): WorkspaceEdit | null {
  const { document } = context;
  const before = document.getText();
  const { text } = fixDocument(before, { path: context.path, settings: context.settings }, ruleId);
  const edit = diffEdit(before, text);
  if (!edit) return null;
  return { changes: { [document.uri]: [{ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText }] } };
}

const hasPreferred = (f: Finding): boolean => f.fixes.some((x) => x.preferred);

/** Ignore actions for one finding. */
export function ignoreActions(uri: string, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const fix of [finding.ignore?.here, finding.ignore?.file]) {
    if (fix) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: plainEdit(uri, fix.edits) });
  }
  return actions;
}

/**
 * "Fix all of this kind" for the rules of the findings at hand (two or more with a fix), and the source action when
 * asked for. Where the client resolves edits lazily, they are computed only when chosen: the editor asks for code
 * actions at every cursor move.
 */
export function fixAllActions(params: CodeActionParams, context: ActionContext, atCursor: Array<{ finding: Finding; diagnostic: Diagnostic }>, lazy: boolean): CodeAction[] {
  const uri = context.document.uri;
  const words = WORDS[context.result.language];
  const fixable = context.result.findings.filter(hasPreferred);
  const actions: CodeAction[] = [];
  if (wanted(params.context.only, CodeActionKind.QuickFix)) {
    for (const ruleId of new Set(atCursor.filter((a) => hasPreferred(a.finding)).map((a) => a.finding.ruleId))) {
      const count = fixable.filter((f) => f.ruleId === ruleId).length;
      if (count < 2) continue;
      const action: CodeAction = { title: words.fixKind(count, ruleId), kind: CodeActionKind.QuickFix, diagnostics: atCursor.filter((a) => a.finding.ruleId === ruleId).map((a) => a.diagnostic) };
      const data: FixAllData = { samenspel: 'fixAll', uri, ruleId };
      if (lazy) actions.push({ ...action, data });
      else {
        const edit = fixAllEdit(context, ruleId);
        if (edit) actions.push({ ...action, edit });
      }
    }
  }
  // Only when asked for by kind (the Source Action menu, on save): never computed for a cursor move.
  if (params.context.only && wanted(params.context.only, FIX_ALL_KIND) && fixable.length) {
    const edit = fixAllEdit(context);
    if (edit) actions.push({ title: words.fixAll, kind: FIX_ALL_KIND, diagnostics: [], edit });
  }
  return actions;
}

/** Computes the edit of a lazily offered "fix all of this kind" when the writer picks it. */
export function registerFixAllResolve(connection: Connection, contextFor: (uri: string) => Promise<ActionContext | null>): void {
  connection.onCodeActionResolve(async (action) => {
    const data = action.data as FixAllData | undefined;
    if (data?.samenspel !== 'fixAll' || action.edit) return action;
    const context = await contextFor(data.uri);
    const edit = context && fixAllEdit(context, data.ruleId);
    return edit ? { ...action, edit } : action;
  });
}
