/**
 * The Samenspel engine: (text, settings) → findings. Pure: no LSP types, no I/O. The language server and the CLI are
 * thin adapters over `analyze`.
 */
import { lessonRef } from './lessons';
import { buildModel, type ChunkCache, type DocumentModel } from './model';
import { RULES } from './rules';
import { decideScope, decideScopeEarly } from './scope';
import { scanDocument, type ScanItem } from './scan';
import { defaultSettings } from './settings';
import { applySuppression } from './suppress';
import { fixAll, type FixAllResult } from './fix-all';
import { ignoreFixer } from './ignore';
import { documentOutline, type OutlineItem } from './outline';
import { nameCompletions, type Completions } from './complete';
import { matchesOf } from './text';
import { FIELD, languageVotes } from './vocabulary';
import type { Rule, RuleContext, RuleFinding } from './rule';
import type { AnalysisResult, Finding, Position, Range, RuleError, Settings, TextEdit } from './types';

export type * from './types';
export { RULES } from './rules';
export { LESSONS, LESSON_SOURCE, lesson, lessonMarkdown } from './lessons';
export { defaultSettings, resolveSettings } from './settings';
export { buildModel, type ChunkCache } from './model';
export { scopeReason, type MissingForDetection } from './scope';
export type { ScanItem, ScanStatus } from './scan';
export { diffEdit, type AppliedFix, type FixAllResult } from './fix-all';
export type { OutlineItem, OutlineKind } from './outline';
export type { Completions, NameCompletion } from './complete';

/**
 * The document with every preferred fix applied (see ./fix-all), or only those of one rule. Rounds share a cache of
 * their own, not the open document's.
 */
export function fixDocument(text: string, options: AnalyzeOptions = {}, ruleId?: string): FixAllResult {
  const cache: ChunkCache = new Map();
  return fixAll(text, (t) => analyze(t, { ...options, cache }).findings, ruleId ? (f) => f.ruleId === ruleId : undefined);
}

export interface AnalyzeOptions {
  /** The document's path or URI path, for the scope globs. */
  path?: string;
  settings?: Settings;
  /** One per open document: unchanged chunks of it are not parsed again. */
  cache?: ChunkCache;
  /** False parses the document whole: the reference that the chunked, cached path is tested against. */
  chunked?: boolean;
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return earlyResult(text, options) ?? analyzeWithSuppressed(buildModel(text, { cache: options.cache, chunked: options.chunked, groups: options.settings?.vocabulary.groups }), options).result;
}

/** The result for a document that the scope turns away before it is parsed (see decideScopeEarly), or null. */
function earlyResult(text: string, options: AnalyzeOptions): AnalysisResult | null {
  const scope = decideScopeEarly(text, options.path, options.settings ?? defaultSettings());
  if (!scope) return null;
  const votes = languageVotes(text);
  return { analysed: false, scope: { code: scope.code, detail: scope.detail }, language: votes.en > votes.nl ? 'en' : 'nl', kind: null, findings: [], notices: [] };
}

/** The analysis, and apart from it the findings that suppression comments silence (the scan needs both). */
function analyzeWithSuppressed(model: DocumentModel, options: AnalyzeOptions): { result: AnalysisResult; suppressed: Finding[] } {
  const settings = options.settings ?? defaultSettings();
  const scope = decideScope(model, options.path, settings);
  const base = {
    analysed: scope.analysed,
    scope: { code: scope.code, detail: scope.detail },
    language: model.language,
    kind: model.kind,
    notices: model.notices,
  };
  if (!scope.analysed) return { result: { ...base, findings: [] }, suppressed: [] };
  const errors: RuleError[] = [];
  const { kept, suppressed, notices } = applySuppression(runRules(model, settings, errors), model.markers, model.text, model.index, RULE_IDS, model.language);
  // More findings than anyone reads (a party list of 100,000 names) would flood the editor: the first are shown.
  const shown = kept.slice(0, MAX_FINDINGS);
  const hidden = kept.length > MAX_FINDINGS ? [{ message: TOO_MANY(kept.length), range: kept[MAX_FINDINGS].range }] : [];
  const ignore = ignoreFixer(model);
  const findings = shown.map((f) => ({ ...f, ignore: ignore(f) }));
  return {
    result: { ...base, notices: [...model.notices, ...notices, ...hidden], findings, ...(suppressed.length ? { suppressed: suppressed.length } : {}), ...(errors.length ? { errors } : {}) },
    suppressed,
  };
}

/** The six-factor scan of a document, from the same analysis as its findings, and how many spots are still open. */
export function scan(text: string, options: AnalyzeOptions = {}): { result: AnalysisResult; items: ScanItem[]; open: number } {
  const early = earlyResult(text, options);
  if (early) return { result: early, items: [], open: 0 };
  const model = buildModel(text, { cache: options.cache, groups: options.settings?.vocabulary.groups });
  const { result, suppressed } = analyzeWithSuppressed(model, options);
  const open = result.findings.filter((f) => f.ruleId === 'unfilled-placeholder').length;
  return { result, items: result.analysed ? scanDocument(model, result.findings, model.language, suppressed) : [], open };
}

const RULE_IDS = RULES.map((r) => r.id);

const MAX_FINDINGS = 1000;
const TOO_MANY = (count: number): string =>
  `Samenspel toont de eerste ${MAX_FINDINGS} van ${count} meldingen; vanaf hier worden ze niet getoond. Los eerst deze op. / Samenspel shows the first ${MAX_FINDINGS} of ${count} findings; from here on they are not shown. Resolve these first.`;

/** The rules to run; a test may pass its own to check that one that throws does not stop the others. */
export function runRules(model: DocumentModel, settings: Settings, errors: RuleError[], rules: readonly Rule[] = RULES): Finding[] {
  const lang = model.language;
  const findings: Finding[] = [];
  for (const rule of rules) {
    const level = settings.rules[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    const found = checkIsolated(rule, { model, settings, lang }, errors);
    for (const f of found) {
      const lesson = lessonRef(f.lesson ?? rule.lesson, lang, f.quote);
      const toEdit = (e: { start: number; end: number; newText: string }): TextEdit => {
        const snippet = asSnippet(e.newText);
        return { range: model.index.range(e.start, e.end), newText: e.newText, ...(snippet ? { snippet } : {}) };
      };
      findings.push({
        ...(f.covers ? { covers: f.covers.map((c) => model.index.range(c.start, c.end)) } : {}),
        ruleId: rule.id,
        severity: level,
        message: f.message,
        range: model.index.range(f.start, f.end),
        data: f.data,
        lesson,
        examples: (f.examples ?? []).map((c) => lessonRef(c.lesson, lang, c.quote)),
        fixes: f.fixes.map((fix) => ({
          title: `${fix.action} — ${lesson.title}`,
          edits: fix.edits.map(toEdit),
          ...(fix.preferred ? { preferred: true } : {}),
        })),
      });
    }
  }
  return oncePerSpot(findings).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A rule that throws loses its own findings, not the others': the error is kept for the adapter to log. */
function checkIsolated(rule: Rule, context: RuleContext, errors: RuleError[]): RuleFinding[] {
  try {
    return rule.check(context);
  } catch (error) {
    errors.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
    return [];
  }
}

/** Inserted text as an editor snippet: each field to fill in ("[bedrag]") becomes a tab stop, the first selected. */
function asSnippet(text: string): string | null {
  const escape = (t: string): string => t.replace(/[$}\\]/g, '\\$&');
  let out = '';
  let at = 0;
  let stop = 0;
  for (const m of matchesOf(FIELD, text)) {
    out += `${escape(text.slice(at, m.index))}\${${++stop}:${escape(m[0])}}`;
    at = m.index + m[0].length;
  }
  return stop ? `${out}${escape(text.slice(at))}` : null;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
const within = (inner: Range, outer: Range): boolean => before(outer.start, inner.start) && before(inner.end, outer.end);

/**
 * A spot is reported once: a placeholder inside a contribution or ambition that a mission rule already reports
 * ("n.t.b." as a party's only contribution) is not reported again as a placeholder. The open count follows.
 */
function oncePerSpot(findings: Finding[]): Finding[] {
  const owned = findings.filter((f) => f.ruleId === 'unstated-contribution' || f.ruleId === 'vague-ambition').flatMap((f) => [f.range, ...(f.covers ?? [])]);
  return findings
    .filter((f) => f.ruleId !== 'unfilled-placeholder' || !owned.some((r) => within(f.range, r)))
    .map(({ covers: _covers, ...f }) => f);
}

/** The document's sections, parties, ambitions and contributions as a tree, for the editor's outline. */
export function outline(text: string, options: AnalyzeOptions = {}): OutlineItem[] {
  return documentOutline(buildModel(text, { cache: options.cache, groups: options.settings?.vocabulary.groups }));
}

/** Party and group names to complete at `position` (see ./complete), or null where none belong. */
export function completions(text: string, position: Position, options: AnalyzeOptions = {}): Completions | null {
  return nameCompletions(buildModel(text, { cache: options.cache, groups: options.settings?.vocabulary.groups }), position);
}
