import type { Position, Range } from './types';

/** Maps between string offsets (UTF-16 code units, as JS strings are) and LSP positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(position: Position): number {
    const line = Math.min(Math.max(position.line, 0), this.starts.length - 1);
    return Math.min(this.starts[line] + position.character, this.text.length);
  }

  lineStart(line: number): number {
    return this.starts[Math.min(line, this.starts.length - 1)];
  }

  /** Offset of the end of the line holding `offset`, before its line break. */
  lineEnd(offset: number): number {
    const { line } = this.position(offset);
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    while (end > this.starts[line] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }
}

/**
 * Builds a whole-word, case-insensitive matcher; `\b` is ASCII-only in JS, so Unicode letters get explicit
 * look-arounds. Not global: shared regexes carry no `lastIndex` state; `findAll` scans with a private global copy.
 */
export function wordRegExp(pattern: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, flags);
}

export interface Span {
  start: number;
  end: number;
}

/** The global twin of a stateless regex, made once; used only here, always from lastIndex 0. */
const globals = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
  g.lastIndex = 0;
  return g;
}

/** Every match of `re` in `text[from, to)`, as spans of the whole text. */
export function findAll(re: RegExp, text: string, from = 0, to = text.length): Span[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  return matchesOf(re, slice).map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
}

/** Every match with its capture groups, like `matchAll`, for a stateless regex. */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const g = globalOf(re);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0].length === 0) g.lastIndex++;
    else out.push(m);
  }
  return out;
}

/** `text` with every match of `re` replaced. */
export function replaceAll(re: RegExp, text: string, by: string): string {
  return text.replace(globalOf(re), by);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Lower-case, accents folded, punctuation to spaces: for comparing headings and names. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&/]+/gu, ' ')
    .trim();
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Where the last line of `text` starts (after its last line break of any kind). */
function lastLineStart(text: string): number {
  let at = text.length;
  while (at > 0 && !LINE_BREAK.test(text[at - 1])) at--;
  return at;
}

/**
 * `text` without a parenthesised remark on its last line and the white space before it: what
 * `replace(/\s*\(.*$/, '')` does, in one pass instead of a retry at every space of a long run.
 */
export function cutAtParenthesis(text: string): string {
  const at = text.indexOf('(', lastLineStart(text));
  return at < 0 ? text : text.slice(0, at).trimEnd();
}

/** `text` without a closing "(…)" at its end: what `replace(/\s*\(.*\)\s*$/, '')` does, in one pass. */
export function withoutClosingParenthesis(text: string): string {
  const end = text.trimEnd();
  if (!end.endsWith(')')) return text;
  const at = end.indexOf('(', lastLineStart(end.slice(0, -1)));
  return at < 0 || at >= end.length - 1 ? text : text.slice(0, at).trimEnd();
}

/**
 * Document text quoted in a message: white space squashed and cut at `max` characters. A message names what it is
 * about; a megabyte of dots or spaces in a field would otherwise travel with every diagnostic.
 */
export function excerpt(text: string, max = 80): string {
  const squashed = text.replace(/\s+/g, ' ').trim();
  return squashed.length > max ? `${squashed.slice(0, max - 1).trimEnd()}…` : squashed;
}
