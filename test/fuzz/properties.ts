/**
 * What must hold on every document, as fast-check properties shared by `npm run fuzz` (many cases, any seed) and
 * `npm test` (a fixed sample). Each check throws an AssertionError that says which promise broke and where.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, buildModel, defaultSettings, scan, type AnalysisResult, type AnalyzeOptions, type ChunkCache, type Position, type Range, type TextEdit } from '../../server/src/engine';
import { decideScope, decideScopeEarly } from '../../server/src/engine/scope';
import { LineIndex } from '../../server/src/engine/text';
import { anyDocument, mutate, mutation, type Mutation } from './arbitraries';
import type { Seed } from './seeds';

/** Default settings, or settings that force analysis (scope.include) and use every group and user synonyms. */
export type SettingsVariant = 'default' | 'forced';

export function optionsFor(variant: SettingsVariant): AnalyzeOptions {
  if (variant === 'default') return {};
  const settings = defaultSettings();
  settings.scope.include = ['**/*.md'];
  settings.extraRequiredGroups = ['leraren', 'ouders', 'kinderopvang', 'samenwerkingsverband', 'jeugdhulp', 'leerlingen'];
  settings.vocabulary.groups = { ouders: ['OR', 'MR', 'ouderraad'], kinderopvang: ['BSO'], gemeentebestuur: ['B&W'] };
  return { path: '/fuzz/document.md', settings };
}

const variant = fc.constantFrom<SettingsVariant>('default', 'forced');

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Checks positions against a real LSP text document: lines from 0, characters in UTF-16 code units. */
class Oracle {
  readonly doc: TextDocument;

  constructor(readonly text: string) {
    this.doc = TextDocument.create('file:///fuzz/document.md', 'markdown', 1, text);
  }

  /** The offset of a valid position: on an existing line, not past its end, not between the halves of a surrogate pair. */
  offset(p: Position, what: string): number {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: position ${JSON.stringify(p)} is not whole numbers`);
    assert.ok(p.line >= 0 && p.line < this.doc.lineCount, `${what}: line ${p.line} is outside the document's ${this.doc.lineCount} lines`);
    const start = this.doc.offsetAt({ line: p.line, character: 0 });
    const length = this.doc.offsetAt({ line: p.line, character: Number.MAX_SAFE_INTEGER }) - start;
    assert.ok(p.character >= 0 && p.character <= length, `${what}: character ${p.character} is outside line ${p.line}, which has ${length}`);
    const at = start + p.character;
    assert.ok(!(at > 0 && isHigh(this.text.charCodeAt(at - 1)) && isLow(this.text.charCodeAt(at))), `${what}: ${JSON.stringify(p)} splits a surrogate pair`);
    return at;
  }

  span(r: Range, what: string): { start: number; end: number } {
    const start = this.offset(r.start, `${what} start`);
    const end = this.offset(r.end, `${what} end`);
    assert.ok(start <= end, `${what}: ends (${JSON.stringify(r.end)}) before it starts (${JSON.stringify(r.start)})`);
    return { start, end };
  }
}

/** Every range of a result lies inside the document. */
export function assertRangesInside(oracle: Oracle, result: AnalysisResult, locations: Array<{ label: string; range: Range }> = []): void {
  result.notices.forEach((n, i) => oracle.span(n.range, `notice ${i} (${n.message.slice(0, 40)})`));
  result.findings.forEach((f, i) => {
    oracle.span(f.range, `finding ${i} ${f.ruleId}`);
    f.fixes.forEach((fix, k) => fix.edits.forEach((e, j) => oracle.span(e.range, `${f.ruleId} fix ${k} edit ${j}`)));
  });
  locations.forEach((l, i) => oracle.span(l.range, `scan location ${i} (${l.label.slice(0, 40)})`));
}

/**
 * A fix's edits do not overlap, and applying them as an editor does (TextDocument.applyEdits) leaves every character
 * outside them as it was: the text before, between and after the edits, in order, where the engine's own line index
 * places them. So the editor and the engine must agree on what the positions mean.
 */
export function assertFixApplies(oracle: Oracle, edits: TextEdit[], what: string): string {
  const index = new LineIndex(oracle.text);
  const spans = edits.map((e, i) => {
    oracle.span(e.range, `${what} edit ${i}`);
    return { start: index.offset(e.range.start), end: index.offset(e.range.end), newText: e.newText, i };
  });
  // The editor's order: by start, and in array order for edits at the same place.
  spans.sort((a, b) => a.start - b.start || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    assert.ok(spans[k].start >= spans[k - 1].end, `${what}: edit ${spans[k].i} [${spans[k].start}, ${spans[k].end}) overlaps edit ${spans[k - 1].i} [${spans[k - 1].start}, ${spans[k - 1].end})`);
  }
  const fixed = TextDocument.applyEdits(oracle.doc, edits);
  let at = 0;
  let cursor = 0;
  for (const s of spans) {
    const kept = oracle.text.slice(cursor, s.start);
    assert.equal(fixed.slice(at, at + kept.length), kept, `${what}: text before edit ${s.i} changed`);
    at += kept.length;
    assert.equal(fixed.slice(at, at + s.newText.length), s.newText, `${what}: edit ${s.i} did not insert its text`);
    at += s.newText.length;
    cursor = s.end;
  }
  assert.equal(fixed.slice(at), oracle.text.slice(cursor), `${what}: text after the last edit changed`);
  return fixed;
}

/** Analysis does not throw; its ranges, and those of the scan, lie inside the document; every fix applies cleanly. */
export function checkDocument(text: string, settings: SettingsVariant, fixToReanalyse = 0): void {
  const options = optionsFor(settings);
  const { result, items } = scan(text, options);
  // The scope's early decision, made before the model is built, never turns away a document the model would check.
  const resolved = options.settings ?? defaultSettings();
  if (decideScopeEarly(text, options.path, resolved)) {
    const model = buildModel(text, { groups: resolved.vocabulary.groups });
    assert.ok(!decideScope(model, options.path, resolved).analysed, 'the early scope decision turned away a document the model would check');
  }
  const oracle = new Oracle(text);
  assertRangesInside(
    oracle,
    result,
    items.flatMap((item) => item.locations),
  );
  const fixes = result.findings.flatMap((f, i) => f.fixes.map((fix, k) => ({ fix, what: `finding ${i} ${f.ruleId} fix ${k} "${fix.title.slice(0, 50)}"` })));
  const fixed = fixes.map(({ fix, what }) => assertFixApplies(oracle, fix.edits, what));
  // One fixed document is analysed again: a fix must not produce a document the engine chokes on.
  if (fixed.length) analyze(fixed[fixToReanalyse % fixed.length], options);
}

/** The chunked, cached path gives what a whole parse gives, for a document and every step of a sequence of edits. */
export function checkChunked(text: string, settings: SettingsVariant, edits: Mutation[]): void {
  const options = optionsFor(settings);
  const cache: ChunkCache = new Map();
  let current = text;
  for (let step = 0; step <= edits.length; step++) {
    if (step > 0) current = mutate(current, edits[step - 1]);
    const whole = analyze(current, { ...options, chunked: false });
    const chunked = analyze(current, { ...options, cache });
    assert.deepEqual(chunked, whole, `chunked and whole parse differ after ${step} edit(s)`);
  }
  // The scan reads the model too: compare it once, on the last text.
  assert.deepEqual(scan(current, { ...options, cache }).items, scan(current, options).items, 'the scan differs between chunked and whole parse');
}

/** Run settings both entry points pass: how many cases, from which seed, and a path to replay one case. */
export interface RunParameters {
  numRuns: number;
  seed: number;
  path?: string;
}

/** What a run reports, whatever the property's arguments. */
export interface RunSummary {
  failed: boolean;
  numRuns: number;
  numSkips: number;
  numShrinks: number;
  seed: number;
  counterexamplePath: string | null;
  counterexample: unknown;
  errorInstance: unknown;
}

export interface NamedProperty {
  name: string;
  check(parameters: RunParameters): RunSummary;
}

function summary<Ts>(d: fc.RunDetails<Ts>): RunSummary {
  const { failed, numRuns, numSkips, numShrinks, seed, counterexamplePath, counterexample, errorInstance } = d;
  return { failed, numRuns, numSkips, numShrinks, seed, counterexamplePath, counterexample, errorInstance };
}

/** A failed run in words: how to replay it, the shrunk counterexample and what broke. */
export function failureReport(details: RunSummary, replay: string): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return [`failed after ${details.numRuns} cases and ${details.numShrinks} shrinks`, `replay: ${replay.replace('{seed}', String(details.seed)).replace('{path}', String(details.counterexamplePath))}`, `counterexample: ${fc.stringify(details.counterexample)}`, `error: ${error}`].join('\n    ');
}

/** The per-document properties, over generated and mutated documents. */
export function documentProperties(seeds: Seed[], onCase: () => void = () => {}): NamedProperty[] {
  const doc = anyDocument(seeds);
  return [
    {
      name: 'never throws; ranges, fixes and scan locations inside the document; fixes apply without touching other text',
      check: (parameters) => summary(fc.check(fc.property(doc, variant, fc.nat(), (text, settings, fix) => (onCase(), checkDocument(text, settings, fix))), parameters)),
    },
    {
      name: 'chunked, cached analysis equals the whole parse, across a sequence of edits',
      check: (parameters) => summary(fc.check(fc.property(doc, variant, fc.array(mutation, { maxLength: 2 }), (text, settings, edits) => (onCase(), checkChunked(text, settings, edits))), parameters)),
    },
  ];
}
