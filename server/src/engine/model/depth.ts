/**
 * Markdown nested thousands of levels deep (lists in lists, quotes in quotes) makes the parser slow down with every
 * level and finally overflow its stack. No real document nests that deep, so before parsing, each line nested deeper
 * than MAX_DEPTH becomes an HTML comment of the same length in the text the parser sees ("<!--   -->"): same line
 * breaks, so every offset still holds, and a comment at column 0 closes the open lists and quotes instead of leaving
 * a hundred of them to re-check every line. The document itself is not changed; those lines are only not checked, a
 * notice says where, and the rest of the document is checked as usual (what followed in the deep lists is read as
 * standing outside them).
 */
import type { Span } from '../text';

export const MAX_DEPTH = 100;

/**
 * How deep a line's containers nest, judged from its start: each quote marker and each list marker counts one level,
 * and so does every two columns of indentation (a nested item is indented at least two columns per level).
 */
function lineDepth(text: string, start: number, end: number): number {
  let levels = 0;
  let columns = 0;
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4;
    else if (c === '>') levels++;
    else if ((c === '-' || c === '*' || c === '+') && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) levels++;
    else break;
    // Enough to know the line is too deep: the rest of a long prefix need not be read.
    if (levels + (columns >> 1) > MAX_DEPTH) return levels + (columns >> 1);
    i++;
  }
  return levels + (columns >> 1);
}

/** The text with lines nested deeper than MAX_DEPTH made comments, and the spans of those lines; the same text when none. */
export function boundNesting(text: string): { text: string; hidden: Span[] } {
  const hidden: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    // A line deeper than MAX_DEPTH has more than MAX_DEPTH characters, so its comment always fits.
    if (end > start && lineDepth(text, start, end) > MAX_DEPTH) {
      const last = hidden.at(-1);
      // Consecutive deep lines make one span, so the notice names a stretch, not ten thousand lines.
      if (last && /^[\r\n]*$/.test(text.slice(last.end, start))) last.end = end;
      else hidden.push({ start, end });
    }
    if (end >= text.length) break;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  if (!hidden.length) return { text, hidden };
  const parts: string[] = [];
  let at = 0;
  for (const span of hidden) {
    parts.push(text.slice(at, span.start), text.slice(span.start, span.end).replace(/[^\r\n]+/g, (line) => `<!--${' '.repeat(line.length - 7)}-->`));
    at = span.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), hidden };
}
