/**
 * The files the CLI is given: folders walked without leaving them, and every file read without blocking or loading
 * unbounded data. A bad entry (FIFO, device, loop, dangling link, unreadable) becomes one message of its own, so the
 * other files are still checked.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Language } from './engine';

/** Nothing past this is read at all, whatever size limit applies later: a `*.md` link to /dev/zero must not fill memory. */
export const READ_CAP_BYTES = 64 * 1024 * 1024;

/** A file to check, or an entry that is reported and skipped. */
export type Entry = { path: string } | { path: string; problem: string };

export class UsageError extends Error {}

type Messages = Record<'fifo' | 'device' | 'socket' | 'other' | 'loop' | 'dangling' | 'unreadable' | 'outside' | 'tooLarge', string>;

const MESSAGES: Record<Language, Messages> = {
  nl: {
    fifo: 'named pipe (FIFO), geen bestand: overgeslagen',
    device: 'apparaatbestand, geen gewoon bestand: overgeslagen',
    socket: 'socket, geen gewoon bestand: overgeslagen',
    other: 'geen gewoon bestand: overgeslagen',
    loop: 'symbolische koppeling die naar zichzelf terugverwijst (lus): overgeslagen',
    dangling: 'symbolische koppeling naar iets dat niet bestaat: overgeslagen',
    unreadable: 'geen toegang (leesrechten ontbreken): overgeslagen',
    outside: 'symbolische koppeling naar buiten de map: niet gevolgd',
    tooLarge: `te groot (meer dan ${READ_CAP_BYTES / 1024 / 1024} MB): niet gelezen`,
  },
  en: {
    fifo: 'named pipe (FIFO), not a file: skipped',
    device: 'device file, not a regular file: skipped',
    socket: 'socket, not a regular file: skipped',
    other: 'not a regular file: skipped',
    loop: 'symbolic link that leads back to itself (loop): skipped',
    dangling: 'symbolic link to something that does not exist: skipped',
    unreadable: 'permission denied: skipped',
    outside: 'symbolic link to outside the folder: not followed',
    tooLarge: `too large (over ${READ_CAP_BYTES / 1024 / 1024} MB): not read`,
  },
};

const kindProblem = (stats: Stats, m: Messages): string | null => {
  if (stats.isFile()) return null;
  if (stats.isFIFO()) return m.fifo;
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return m.device;
  if (stats.isSocket()) return m.socket;
  return m.other;
};

const errorProblem = (error: unknown, m: Messages): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return m.loop;
  if (code === 'ENOENT' || code === 'ENOTDIR') return m.dangling;
  if (code === 'EACCES' || code === 'EPERM') return m.unreadable;
  return `${(error as Error).message.split('\n')[0]}`;
};

/**
 * Reads a regular file, at most `cap` bytes. Non-regular files are refused before and after opening: the open does
 * not block (O_NONBLOCK), and fstat on the opened file closes the race of a file swapped for a FIFO in between.
 */
export function readFileCapped(path: string, lang: Language, cap = READ_CAP_BYTES): { bytes: Buffer } | { error: string } {
  const m = MESSAGES[lang];
  let fd: number;
  try {
    const problem = kindProblem(statSync(path), m);
    if (problem) return { error: problem };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { error: errorProblem(error, m) };
  }
  try {
    const problem = kindProblem(fstatSync(fd), m);
    if (problem) return { error: problem };
    const chunks: Buffer[] = [];
    let total = 0;
    // Read up to cap + 1 bytes: one byte more than allowed tells "too large" without reading the rest.
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, cap + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > cap) return { error: m.tooLarge };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { error: errorProblem(error, m) };
  } finally {
    closeSync(fd);
  }
}

/** Folders that hold no documents of the writer's: the CLI's walk and the editor's folder check both skip them. */
export const IGNORED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', '.e2e']);
const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
/** The same extensions, as a glob for a file watcher. */
export const MARKDOWN_GLOB = '**/*.{md,markdown,mdown,mkd}';
export const isMarkdownFile = (name: string): boolean => MARKDOWN.test(name);

const inside = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * The Markdown files below `root`, with a problem entry for each one that cannot be checked. A symbolic link is
 * resolved and never followed out of the root: a link to a file inside is checked under its own name; links to
 * folders are not walked (as before: a link to an ancestor would loop, and the real folder is walked anyway).
 */
function walk(root: string, lang: Language): Entry[] {
  const m = MESSAGES[lang];
  const realRoot = realpathSync(root);
  const out: Array<Entry | null> = [];
  // An explicit stack rather than recursion: folder depth is the user's, not ours to bound by the call stack.
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      out.push({ path: dir, problem: errorProblem(error, m) });
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      let stats: Stats;
      try {
        stats = lstatSync(path);
      } catch (error) {
        if (MARKDOWN.test(name)) out.push({ path, problem: errorProblem(error, m) });
        continue;
      }
      if (stats.isDirectory()) {
        if (!IGNORED_DIRS.has(name)) stack.push(path);
      } else if (MARKDOWN.test(name)) out.push(stats.isSymbolicLink() ? linked(path, realRoot, m) : entryFor(path, stats, m));
    }
  }
  return out.filter((e): e is Entry => e !== null).sort((a, b) => comparePaths(a.path, b.path));
}

const entryFor = (path: string, stats: Stats, m: Messages): Entry => {
  const problem = kindProblem(stats, m);
  return problem ? { path, problem } : { path };
};

/** A Markdown-named link: its target when that is a file inside the root, else why not. */
function linked(path: string, realRoot: string, m: Messages): Entry | null {
  let target: string;
  let stats: Stats;
  try {
    target = realpathSync(path);
    stats = statSync(target);
  } catch (error) {
    return { path, problem: errorProblem(error, m) };
  }
  if (!inside(target, realRoot)) return { path, problem: m.outside };
  return stats.isDirectory() ? null : entryFor(path, stats, m);
}

/** Folder by folder, each level by name: the order of the recursive walk before, which reports keep. */
function comparePaths(a: string, b: string): number {
  const pa = a.split(sep);
  const pb = b.split(sep);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i].localeCompare(pb[i]);
  }
  return pa.length - pb.length;
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const exists = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Files, folders (Markdown inside, recursively) and globs to a list of entries: files to check and problems to report. */
export function expandPaths(args: string[], lang: Language): Entry[] {
  const nl = lang === 'nl';
  const entries: Entry[] = [];
  for (const arg of args) {
    if (exists(arg)) {
      if (isDirectory(arg)) {
        const found = walk(arg, lang);
        if (!found.length) throw new UsageError(nl ? `geen Markdown-bestanden in map ${arg}` : `no Markdown files in folder ${arg}`);
        entries.push(...found);
      } else entries.push({ path: arg });
      continue;
    }
    if (picomatch.scan(arg).isGlob) {
      const { base } = picomatch.scan(arg);
      const root = base || '.';
      const isMatch = picomatch(arg, { dot: false });
      const matched = (isDirectory(root) ? walk(root, lang) : []).filter((e) => isMatch(relative('.', e.path).replace(/\\/g, '/')) || isMatch(e.path.replace(/\\/g, '/')));
      if (!matched.length) throw new UsageError(nl ? `geen bestanden gevonden voor ${arg}` : `no files match ${arg}`);
      entries.push(...matched);
      continue;
    }
    throw new UsageError(nl ? `bestand of map bestaat niet: ${arg}` : `no such file or folder: ${arg}`);
  }
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.path) && seen.add(e.path));
}
