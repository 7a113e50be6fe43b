/**
 * How a regex's time grows with its input: every engine regex is timed on its worst input at 10 KB and at 1 MB
 * (issue #11 §2). The worst input is searched for, not written per pattern: runs of each character the pattern
 * names, and of a few pairs, alone and after a prefix, timed at a small size; the slowest is then grown.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { wordRegExp } from '../../server/src/engine/text';

export interface NamedRegExp {
  name: string;
  re: RegExp;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The regexes written in the engine's source: every regex literal, and every `wordRegExp('…')` of a literal string.
 * Read from the files themselves, so a new pattern is covered the moment it is written.
 */
export function sourceRegExps(root: string): NamedRegExp[] {
  const out: NamedRegExp[] = [];
  for (const path of files(root)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node): string => `${path.slice(root.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = (node as ts.RegularExpressionLiteral).text;
        const slash = literal.lastIndexOf('/');
        out.push({ name: `${where(node)} ${literal.length > 60 ? `${literal.slice(0, 57)}...` : literal}`, re: new RegExp(literal.slice(1, slash), literal.slice(slash + 1)) });
      } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'wordRegExp') {
        const [pattern, flags] = node.arguments;
        if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern))) {
          const f = flags && ts.isStringLiteral(flags) ? flags.text : undefined;
          out.push({ name: `${where(node)} wordRegExp('${pattern.text.slice(0, 40)}…')`, re: wordRegExp(pattern.text, f) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** Runs of one unit that may make a pattern backtrack; the pattern's own characters are added per pattern. */
const UNITS = [' ', '\t', '\n', '\r\n', 'a', 'A', 'x', 'X', '1', 'é', 'a ', 'A ', 'aa ', '1.', '1 ', 'xx-', '. ', ': ', '; ', ', ', ' -', '[a', '(a', 'a.', '\u00a0'];
const PREFIXES = ['', '1 '];

/** Each ASCII punctuation character and each non-ASCII character that the pattern's source names. */
function charactersOf(re: RegExp): string[] {
  const chars = new Set<string>();
  for (const c of re.source) if (/[!-/:-@[-`{-~]|[^\x00-\x7f]/.test(c) && c !== '\\') chars.add(c);
  return [...chars];
}

/**
 * A global copy, to scan every match as the engine's findAll does (the harshest of its uses). A sticky pattern is
 * tried only where the code puts it, so it stays sticky: scanning it from every position would time another use.
 */
function globalCopy(re: RegExp): RegExp {
  return new RegExp(re.source, `${re.flags.replace(/g/g, '')}g`);
}

function scanAll(g: RegExp, text: string): number {
  g.lastIndex = 0;
  let n = 0;
  // test(), not exec(): no match arrays to allocate, so the garbage collector does not blur the times of a pattern
  // with a million matches. A match that leaves lastIndex in place was empty: step over it.
  for (let at = 0; g.test(text); at = g.lastIndex) {
    n++;
    if (g.lastIndex === at) g.lastIndex++;
  }
  return n;
}

function timeOf(re: RegExp, text: string, repeats: number): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    scanAll(re, text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export type Input = (size: number) => string;

function inputsFor(re: RegExp): Array<{ label: string; build: Input }> {
  const inputs: Array<{ label: string; build: Input }> = [];
  for (const unit of [...UNITS, ...charactersOf(re)]) {
    for (const prefix of PREFIXES) {
      // A character no pattern expects closes the run, so a match that needs something after the run fails late.
      inputs.push({ label: `${JSON.stringify(prefix)} + ${JSON.stringify(unit)}×n`, build: (size) => prefix + unit.repeat(Math.ceil(size / unit.length)) + '\u0001' });
    }
  }
  return inputs;
}

export interface Growth {
  input: string;
  small: number;
  large: number;
  ratio: number;
  /** The size the large time was taken at: 1 MB, or 10 KB (2 KB) when growth from 1 KB (200 characters) was already super-linear. */
  largeSize: number;
}

/** The slowest input for `re` at a small size, then its time at 10 KB and at 1 MB (stopping at 10 KB if it grows faster than linear from 1 KB). */
export function growthOf(pattern: RegExp, limit: number): Growth {
  const re = globalCopy(pattern);
  let worst = { label: '', build: ((n: number) => ' '.repeat(n)) as Input, ms: -1 };
  for (const input of inputsFor(pattern)) {
    const ms = timeOf(re, input.build(2_000), 1);
    if (ms > worst.ms) worst = { ...input, ms };
  }
  // Slow already at 2 KB: compare with 200 characters rather than wait for 10 KB (a cubic pattern would take minutes).
  if (worst.ms > 100) {
    const t200 = Math.max(timeOf(re, worst.build(200), 5), 0.001);
    return { input: worst.label, small: t200, large: worst.ms, ratio: worst.ms / t200, largeSize: 2_000 };
  }
  const small = worst.build(10_000);
  timeOf(re, small, 3); // warm-up: irregexp compiles a pattern to native code only once it is hot
  const t10k = Math.max(timeOf(re, small, 10), 0.001);
  // A quadratic pattern would take minutes at 1 MB: 1 KB against 10 KB already shows it.
  const t1k = Math.max(timeOf(re, worst.build(1_000), 30), 0.001);
  if (t10k / t1k > limit / 25) return { input: worst.label, small: t1k, large: t10k, ratio: t10k / t1k, largeSize: 10_000 };
  // Once is enough when it is within bounds; else the best of a few more, as a busy machine slows single runs down.
  const large = worst.build(1_000_000);
  let t1m = timeOf(re, large, 1);
  if (t1m / t10k > limit) t1m = Math.min(t1m, timeOf(re, large, 4));
  return { input: worst.label, small: t10k, large: t1m, ratio: t1m / t10k, largeSize: 1_000_000 };
}
