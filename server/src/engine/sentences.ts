import type { Span } from './text';

/** Abbreviations after which a full stop does not end a sentence (lower-case, without the final dot). */
const ABBREVIATIONS = new Set(
  [
    'bijv', 'bv', 'o.a', 'ca', 'nr', 'nrs', 'jl', 'vs', 'art', 'blz', 'p', 'pag', 'min', 'max', 'incl', 'excl', 'resp',
    'evt', 'vgl', 'zgn', 'd.w.z', 'o.b.v', 'm.u.v', 't.b.v', 'i.s.m', 'n.a.v', 'a.s', 'm.b.t', 'i.p.v', 'z.s.m', 't.a.v',
    'i.o.m', 'o.l.v', 'e.a', 'e.d', 'e.v', 'n.t.b', 'n.v.t', 'p.m', 'dhr', 'mevr', 'mr', 'drs', 'dr', 'ir', 'ing', 'prof',
    'st', 'jr', 'sr', 'e.g', 'i.e', 'etc', 'approx', 'no', 'cf', 'mrs', 'ms', 'fig', 'vol', 'mln', 'mld', 'mrd', 'jan', 'feb',
    'aug', 'sept', 'okt', 'nov', 'dec', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo', 'tel', 'ong', 'gem', 'afd', 'bijl', 'hfdst',
  ],
);

/**
 * Splits running text into sentences, keeping offsets. A stop ends a sentence only when followed by white space and a
 * capital, digit or quote, and the word before it is not an abbreviation ("bijv.", "o.a.", "t/m", "nr.", "ca.").
 */
export function splitSentences(text: string, base = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  // A run of stops is taken whole, and only its end is tested: a pattern like /[.!?]+(?=\s+…)/ would retry every
  // shorter run at every start, quadratic on "......".
  const stops = /[.!?]+/gu;
  const sentenceStart = /\s+["'„“‘(\p{Lu}\p{N}€]/uy;
  let last = text.length;
  while (last > 0 && /\s/.test(text[last - 1])) last--;
  for (let m = stops.exec(text); m; m = stops.exec(text)) {
    const end = m.index + m[0].length;
    sentenceStart.lastIndex = end;
    // A sentence ends before white space and a capital, digit or quote, or at the end of the text.
    if (end < last && !sentenceStart.test(text)) continue;
    if (m[0] === '.') {
      // The word before the stop; abbreviations are short, so a short look back is enough.
      const word = /(?<![\p{L}./])([\p{L}./]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index))?.[1]?.toLowerCase() ?? '';
      // Single letters ("A. de Vries") and listed abbreviations are no sentence end.
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    pushTrimmed(spans, text, start, end, base);
    start = end;
  }
  pushTrimmed(spans, text, start, text.length, base);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number, base: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) spans.push({ start: base + start, end: base + end });
}
