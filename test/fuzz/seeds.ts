/**
 * Real documents the fuzzer starts from: the examples, every fixture and, when `../shared` is beside the repository,
 * the real prose corpus. The corpus is read in place, never copied into the repository.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Seed {
  name: string;
  text: string;
}

const ROOT = join(__dirname, '..', '..');
export const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'real');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return markdownFiles(path);
      return entry.endsWith('.md') ? [path] : [];
    });
}

/** Every seed, and what could not be read (a missing corpus), to say so instead of failing. */
export function loadSeeds(): { seeds: Seed[]; missing: string[] } {
  const dirs = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures')];
  const missing: string[] = [];
  // The corpus README describes the corpus; it is no document of it.
  const corpus = existsSync(CORPUS) ? markdownFiles(CORPUS).filter((f) => !f.endsWith('README.md')) : [];
  if (!corpus.length) missing.push(`${CORPUS} (the real prose corpus in ../shared)`);
  const seeds = [...dirs.flatMap(markdownFiles), ...corpus].map((path) => ({ name: relative(join(ROOT, '..'), path), text: readFileSync(path, 'utf8') }));
  return { seeds, missing };
}
