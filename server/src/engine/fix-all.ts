/**
 * Fix all: every finding's preferred fix at once, for the editor's source action `source.fixAll.samenspel`, the
 * per-rule "fix all of this kind" and `samenspel check --fix`. Pure: text in, text out.
 *
 * Fixes are applied in rounds. A round takes the preferred fixes in document order and keeps each one whose edits
 * neither overlap an edit already taken nor insert at the same place as one: two fixes that both start a new
 * "Betrokkenen" section after the parties would otherwise start it twice. The text is analysed again after each
 * round, so a fix held back is computed afresh on the text that now has the other one (the second group then joins
 * the new section's list). Rounds stop when no preferred fix is left that changes the text.
 */
import type { Finding, Range } from './types';
import { LineIndex } from './text';

export interface AppliedFix {
  ruleId: string;
  /** The fix's title as the editor shows it. */
  title: string;
  data: Record<string, unknown>;
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
}

/** A safety bound: every round removes at least one finding, so real documents need a handful. */
const MAX_ROUNDS = 25;

const offsets = (index: LineIndex, r: Range): [number, number] => [index.offset(r.start), index.offset(r.end)];

/** Whether two edits (as offsets) touch the same text: overlapping ranges, or insertions at one place. */
function clash([a0, a1]: [number, number], [b0, b1]: [number, number]): boolean {
  if (a0 === a1 && b0 === b1) return a0 === b0;
  return a0 < b1 && b0 < a1;
}

/** The preferred fixes of one round that can be applied together, with their edits as offsets. */
export function compatibleFixes(findings: Finding[], text: string): Array<{ finding: Finding; title: string; edits: Array<{ start: number; end: number; newText: string }> }> {
  const index = new LineIndex(text);
  const taken: Array<[number, number]> = [];
  const chosen: ReturnType<typeof compatibleFixes> = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.preferred);
    if (!fix || !fix.edits.length) continue;
    const spans = fix.edits.map((e) => offsets(index, e.range));
    // A fix that would leave the text as it is does nothing; applying it again and again would never end.
    if (fix.edits.every((e, i) => text.slice(spans[i][0], spans[i][1]) === e.newText)) continue;
    if (spans.some((s) => taken.some((t) => clash(s, t))) || spans.some((s, i) => spans.some((o, j) => i !== j && clash(s, o)))) continue;
    taken.push(...spans);
    chosen.push({ finding, title: fix.title, edits: fix.edits.map((e, i) => ({ start: spans[i][0], end: spans[i][1], newText: e.newText })) });
  }
  return chosen;
}

/** Applies edits given as offsets into `text`; they must not overlap. */
export function applyOffsetEdits(text: string, edits: Array<{ start: number; end: number; newText: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Applies the preferred fixes of the findings `analyse` reports, round after round. `only` limits them to some rules
 * (the per-rule "fix all of this kind").
 */
export function fixAll(text: string, analyse: (text: string) => Finding[], only?: (f: Finding) => boolean): FixAllResult {
  const applied: AppliedFix[] = [];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen = compatibleFixes(analyse(current).filter((f) => !only || only(f)), current);
    if (!chosen.length) break;
    current = applyOffsetEdits(current, chosen.flatMap((c) => c.edits));
    for (const c of chosen) applied.push({ ruleId: c.finding.ruleId, title: c.title, data: c.finding.data });
  }
  return { text: current, applied };
}

/** The one edit that turns `before` into `after`: the changed middle, common start and end kept. */
export function diffEdit(before: string, after: string): { start: number; end: number; newText: string } | null {
  if (before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // Never cut a character that takes two UTF-16 units in half.
  const high = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
  if (start > 0 && high(before.charCodeAt(start - 1))) start--;
  if (end > 0 && high(before.charCodeAt(before.length - end - 1))) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
