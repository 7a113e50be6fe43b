/**
 * `samenspel check --fix`: writes every preferred fix into the files, the same fixes as the editor's "Vul alle
 * ontbrekende onderdelen aan". Safe for a writer's documents: a file is replaced atomically (a temporary file in the
 * same folder, renamed over it, with the file's own permissions), and only when it is still exactly what was read.
 */
import { chmodSync, lstatSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fixDocument, type AppliedFix, type Language, type Settings } from './engine';
import { readDocument } from './input';

export interface FileFix {
  path: string;
  /** The fixes written; empty when there was nothing to fix or nothing was written. */
  applied: AppliedFix[];
  written: boolean;
  /** Why the file was left as it is, when it had fixes. */
  skipped?: string;
}

const WORDS: Record<Language, { changed: string; link: string; fixed: (n: number, rules: string) => string; none: (files: number) => string }> = {
  nl: {
    none: (files) => `--fix: niets aan te vullen in ${files} ${files === 1 ? 'bestand' : 'bestanden'}; er is niets geschreven`,
    changed: 'het bestand is veranderd terwijl Samenspel het aanpaste; niet geschreven, probeer het opnieuw',
    link: 'een symbolische koppeling; Samenspel past alleen gewone bestanden aan',
    fixed: (n, rules) => `${n} ${n === 1 ? 'oplossing' : 'oplossingen'} geschreven: ${rules}`,
  },
  en: {
    none: (files) => `--fix: nothing to add in ${files} ${files === 1 ? 'file' : 'files'}; nothing was written`,
    changed: 'the file changed while Samenspel was fixing it; not written, try again',
    link: 'a symbolic link; Samenspel only fixes regular files',
    fixed: (n, rules) => `${n} ${n === 1 ? 'fix' : 'fixes'} written: ${rules}`,
  },
};

/** Called just before the rename, after the check: for the test that changes the file at that very moment. */
export interface FixHooks {
  beforeRename?: (path: string) => void;
}

export function fixFile(path: string, settings: Settings, lang: Language, hooks: FixHooks = {}): FileFix {
  const stat = lstatSync(path);
  // Renaming over a link would replace the link with a file and leave what it points to as it was.
  if (stat.isSymbolicLink()) return { path, applied: [], written: false, skipped: WORDS[lang].link };
  const bytes = readFileSync(path);
  const read = readDocument(bytes, lang);
  // The check that follows reports an unreadable file; saying it twice helps nobody.
  if ('error' in read) return { path, applied: [], written: false };
  const { text, applied } = fixDocument(read.text, { path: resolve(path), settings });
  if (!applied.length || text === read.text) return { path, applied: [], written: false };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  const temp = join(dirname(path), `.${basename(path)}.samenspel-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bom + text, { flag: 'wx', mode: stat.mode & 0o7777 });
    // The process umask may have narrowed the mode given above.
    chmodSync(temp, stat.mode & 0o7777);
    hooks.beforeRename?.(path);
    const now = lstatSync(path);
    if (now.mtimeMs !== stat.mtimeMs || now.size !== stat.size || !readFileSync(path).equals(bytes)) {
      unlinkSync(temp);
      return { path, applied: [], written: false, skipped: WORDS[lang].changed };
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    return { path, applied: [], written: false, skipped: (error as Error).message };
  }
  return { path, applied, written: true };
}

/** One line per file that had something to fix: what was written, or why not. */
export function fixReport(fixes: FileFix[], lang: Language): string {
  const lines: string[] = [];
  for (const f of fixes) {
    if (f.skipped) lines.push(`${f.path}: ${f.skipped}`);
    else if (f.written) {
      const counts = new Map<string, number>();
      for (const a of f.applied) counts.set(a.ruleId, (counts.get(a.ruleId) ?? 0) + 1);
      lines.push(`${f.path}: ${WORDS[lang].fixed(f.applied.length, [...counts].map(([rule, n]) => `${rule} (${n})`).join(', '))}`);
    }
  }
  return lines.length ? lines.join('\n') : WORDS[lang].none(fixes.length);
}
