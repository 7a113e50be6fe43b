import type { TextEdit } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text';

/** Applies non-overlapping edits the way an editor does: all ranges refer to the original text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = edits.map((e) => ({ start: index.offset(e.range.start), end: index.offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
