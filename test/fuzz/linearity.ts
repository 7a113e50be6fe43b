/**
 * Analysis time stays linear in input size: documents of one structure, scaled up, must cost about the same per KB
 * as a small one. Measured as a ratio of time per KB (large over small), with a generous limit so a loaded machine
 * does not make it flaky, and grown by doubling so a quadratic shape fails before it takes minutes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type AnalyzeOptions } from '../../server/src/engine';
import { optionsFor } from './properties';

export interface Shape {
  name: string;
  /** A document of this structure of at least `bytes` characters. */
  build(bytes: number): string;
}

/** Repeats `unit(i)` after `head` until the text has `bytes` characters. */
function grow(head: string, unit: (i: number) => string, bytes: number): string {
  const parts = [head];
  let length = head.length;
  for (let i = 0; length < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    length += u.length;
  }
  return parts.join('');
}

const EXAMPLE = readFileSync(join(__dirname, '..', '..', 'examples', 'lea-2027-2030.md'), 'utf8');
const BODY = EXAMPLE.replace(/^---[\s\S]*?\n---\n/, '');
const FRONT = EXAMPLE.slice(0, EXAMPLE.length - BODY.length);

export const LINEARITY_SHAPES: Shape[] = [
  { name: 'a real plan, its sections repeated', build: (n) => grow(FRONT, (i) => BODY.replace(/^(#+ .*)$/gm, `$1 ${i}`), n) },
  { name: 'headings with a paragraph each', build: (n) => grow('# Convenant\n\n', (i) => `## Onderdeel ${i}\n\nDe gemeente en het schoolbestuur overleggen ${i} keer per jaar.\n\n`, n) },
  { name: 'paragraphs of prose with vague ambitions', build: (n) => grow('# Plan van aanpak\n\n## Ambitie\n\n', (i) => `We willen zoveel mogelijk kinderen bereiken en de samenwerking versterken (${i}). In 2027 leest 95% van de leerlingen op niveau.\n\n`, n) },
  { name: 'a parties list', build: (n) => grow('# Convenant\n\n## Partijen\n\n', (i) => `- Stichting School ${i}, vertegenwoordigd door de directeur\n`, n) },
  { name: 'a contributions list with placeholders', build: (n) => grow('# Convenant\n\n## Partijen\n\n- Gemeente Rivierstad\n- Stichting Kits Primair\n\n## Bijdragen\n\n', (i) => `- Partner ${i}: levert [bedrag] en n.t.b.\n`, n) },
  { name: 'a table under Partijen', build: (n) => grow('# Convenant\n\n## Partijen\n\n| Partij | Bijdrage |\n| --- | --- |\n', (i) => `| Stichting ${i} | € ${i}.000 |\n`, n) },
  // micromark's time grows with the square of the lists and quotes it parses in one piece (known-issues.md, 9).
  { name: 'lists and quotes between headings', build: (n) => grow('# Convenant\n\n', (i) => `## Partijen ${i}\n\n- Gemeente Rivierstad\n- Stichting Kits Primair\n\n> Partijen willen samenwerken.\n\n`, n) },
  { name: 'one long line of prose', build: (n) => grow('# Plan\n\n', (i) => `De gemeente en het schoolbestuur werken samen aan doel ${i}. `, n) },
];

export interface LinearityResult {
  ok: boolean;
  summary: string;
}

/** CPU time of this process in ms: unlike wall time, other work on a loaded machine does not add to it. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The fastest of a few runs, in CPU time: the least disturbed by other work on the machine. */
function fastest(text: string, options: () => AnalyzeOptions, times: number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    // Fresh options each time: a cache kept from the run before would make the chunked path free.
    const fresh = options();
    const t = cpuMs();
    analyze(text, fresh);
    best = Math.min(best, cpuMs() - t);
  }
  return best;
}

/**
 * Time per KB from `small` up to `large` bytes, doubling; fails once it is `limit` times that of the small size.
 * Both paths count: the whole parse (the CLI) and the chunked one with a fresh cache (the server opening a file).
 */
export function checkLinearity(shape: Shape, small = 16_384, large = 262_144, limit = 4, doubling = true): LinearityResult {
  const forced = optionsFor('forced');
  const paths: Array<[string, () => AnalyzeOptions]> = [
    ['whole', () => forced],
    ['chunked', () => ({ ...forced, cache: new Map() })],
  ];
  const parts: string[] = [];
  let ok = true;
  for (const [label, options] of paths) {
    const base = shape.build(small);
    fastest(base, options, 2); // warm up
    const perKb = (text: string, times: number): number => fastest(text, options, times) / (text.length / 1024);
    const basePerKb = perKb(base, 5);
    let ratio = 1;
    let size = base.length;
    // Without doubling, straight to the large size: for shapes already known to be linear, where the steps cost time.
    for (let bytes = doubling ? small * 2 : large; bytes <= large; bytes *= 2) {
      const text = shape.build(bytes);
      size = text.length;
      ratio = perKb(text, 2) / basePerKb;
      if (ratio > limit) break;
    }
    if (ratio > limit) ok = false;
    parts.push(`${label} ${basePerKb.toFixed(2)} ms/KB (CPU) at ${Math.round(base.length / 1024)} KB, ×${ratio.toFixed(2)} at ${Math.round(size / 1024)} KB`);
  }
  return { ok, summary: parts.join('; ') };
}
