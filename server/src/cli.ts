/** `samenspel check`: the engine over files, folders and globs, printed for people (stylish) or programs (json). */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { resolveSettings, scan, scopeReason, type AnalysisResult, type ScanItem, type Settings } from './engine';
import { findConfigFile, readConfig, type ProjectConfig } from './config';
import { expandPaths, readFileCapped, UsageError, type Entry } from './files';
import { readDocument, sizeNotice } from './input';
import { sarifLog } from './sarif';
import { compilePatternsOnce } from './regexp-flags';
import { fixFile, fixReport, type FileFix } from './fix-files';

const english = /^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
const t = (nl: string, en: string): string => (english ? en : nl);

const USAGE = `samenspel check [bestanden | mappen | globs] [--format stylish|json|sarif] [--config bestand.yaml]

  Controleert convenanten, LEA's, IHP's en plannen van aanpak (Markdown) op de lessen uit
  "Samenwerking gemeente en onderwijs" (Berenschot, 2018).

  --format stylish   leesbaar, met de les bij elke melding (standaard)
  --format json      vast JSON-formaat voor andere programma's
  --format sarif     SARIF 2.1.0, voor GitHub code scanning en andere CI
  --config FILE      instellingen (YAML of JSON) voor alle bestanden; standaard per bestand de dichtstbijzijnde
                     .samenspel.yaml of .samenspel.json in zijn map of een map erboven
  --threads N        aantal threads (standaard: alle kernen, bij 8 of meer bestanden per thread)
  --fix              schrijft alle voorkeursoplossingen in de bestanden en meldt wat er veranderde

  Exit code: 0 = geen fouten, 1 = minstens één melding met ernst "error", 2 = verkeerd gebruik of onleesbare invoer.`;

interface FileReport {
  path: string;
  bytes?: number;
  result?: AnalysisResult;
  /** The six-factor scan and the number of spots still open, from the same analysis. */
  scan?: { items: ScanItem[]; open: number };
  error?: string;
  /** Not analysed, and why (a file over the size limit): one notice instead of findings. */
  notice?: string;
}

function checkFile(entry: Entry, settings: Settings): FileReport {
  const { path } = entry;
  if ('problem' in entry) return { path, error: entry.problem };
  // The size decides before the file is read: a 50 MB file costs a stat, not 50 MB of memory.
  const size = statSync(path).size;
  const notice = sizeNotice(size, settings.maxFileSizeKB, english ? 'en' : 'nl');
  if (notice) return { path, bytes: size, notice };
  const file = readFileCapped(path, english ? 'en' : 'nl');
  if ('error' in file) return { path, error: file.error };
  const { bytes } = file;
  const read = readDocument(bytes, english ? 'en' : 'nl');
  if ('error' in read) return { path, bytes: bytes.length, error: read.error };
  const { result, items, open } = scan(read.text, { path: resolve(path), settings });
  return { path, bytes: bytes.length, result, scan: { items, open } };
}

/** Starting a worker costs about as much as checking a few files, so small runs stay on the main thread. */
const FILES_PER_WORKER = 8;

function workerCount(files: number, threads = availableParallelism()): number {
  return Math.max(1, Math.min(threads, Math.floor(files / FILES_PER_WORKER)));
}

/** Checks the files, spread over the cores in worker threads when there are enough; reports keep the input order. */
async function checkAll(files: Entry[], settingsOf: (file: string) => Settings, threads?: number): Promise<FileReport[]> {
  const workers = workerCount(files.length, threads);
  if (workers === 1) return files.map((f) => checkFile(f, settingsOf(f.path)));
  const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w).map((file) => ({ file, settings: settingsOf(file.path) })));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<FileReport[]>((resolvePromise, reject) => {
          const worker = new Worker(__filename, { workerData: { files: share } });
          worker.once('message', resolvePromise);
          worker.once('error', reject);
        }),
    ),
  );
  return files.map((_, i) => results[i % workers][Math.floor(i / workers)]);
}

// In a worker thread: check this share of the files and send the reports back.
if (!isMainThread && workerData) {
  const { files } = workerData as { files: Array<{ file: Entry; settings: Settings }> };
  parentPort!.postMessage(files.map((f) => checkFile(f.file, f.settings)));
}

/** A path as the user gave it, relative to the current folder when it is inside it. */
const shortPath = (path: string): string => (relative('.', path).startsWith('..') ? path : relative('.', path) || path);

/**
 * Settings per file: those of `--config` for every file, else of the project file nearest to the file (its folder
 * or a parent), else the defaults. A problem in a project file is printed once, naming its place, and its defaults
 * are used: the check still runs.
 */
function settingsSource(configPath: string | undefined): { settingsOf: (file: string) => Settings; configs: () => ProjectConfig[] } {
  if (configPath !== undefined && !existsSync(configPath)) throw new UsageError(t(`configuratiebestand bestaat niet: ${configPath}`, `no such config file: ${configPath}`));
  const configs = new Map<string, ProjectConfig>();
  const nearest = new Map<string, string | null>();
  const settings = new Map<string | null, Settings>();
  const settingsOf = (file: string): Settings => {
    const dir = dirname(resolve(file));
    let path = configPath ?? nearest.get(dir);
    if (path === undefined) nearest.set(dir, (path = findConfigFile(dir)));
    let found = settings.get(path);
    if (!found) {
      let config = path ? configs.get(path) : undefined;
      if (path && !config) configs.set(path, (config = readConfig(path)));
      settings.set(path, (found = resolveSettings(config?.raw).settings));
    }
    return found;
  };
  return { settingsOf, configs: () => [...configs.values()] };
}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const SEVERITY_COLOR: Record<string, number> = { error: 31, warning: 33, information: 36, hint: 2 };

function stylish(reports: FileReport[], elapsedMs: number, threads: number): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let skipped = 0;
  for (const report of reports) {
    if (report.error) {
      out.push(`${paint(4, report.path)}`, `  ${paint(31, t('kan niet lezen', 'cannot read'))}: ${report.error}`, '');
      continue;
    }
    if (report.notice) {
      skipped++;
      out.push(paint(4, report.path), `  1:1     ${paint(36, 'notice')}  ${report.notice}`, '');
      continue;
    }
    const result = report.result!;
    if (!result.analysed) {
      skipped++;
      out.push(paint(2, `${report.path}: ${t('geen samenwerkingsdocument, overgeslagen', 'not a partnership document, skipped')} (${scopeReason(result.scope)})`), '');
      continue;
    }
    if (!result.findings.length && !result.notices.length) {
      out.push(`${paint(4, report.path)}  ${paint(32, t('geen meldingen', 'no findings'))}`, '');
      continue;
    }
    out.push(paint(4, report.path));
    for (const n of result.notices) out.push(`  ${n.range.start.line + 1}:${n.range.start.character + 1}  ${paint(33, 'notice')}  ${n.message}`);
    for (const f of result.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(7);
      out.push(`  ${where} ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(11))} ${f.message}  ${paint(2, f.ruleId)}`);
      out.push(`  ${' '.repeat(7)} ${paint(36, f.lesson.title)}: „${f.lesson.quote.text}” — ${f.lesson.quote.attribution}`);
      for (const fix of f.fixes) out.push(`  ${' '.repeat(7)} ${paint(2, `${result.language === 'nl' ? 'snelle oplossing' : 'quick fix'}: ${fix.title}`)}`);
    }
    out.push('');
  }
  const analysed = reports.filter((r) => r.result?.analysed).length;
  const unreadable = reports.filter((r) => r.error).length;
  const total = errors + warnings + reports.reduce((n, r) => n + (r.result?.findings.filter((f) => f.severity === 'information' || f.severity === 'hint').length ?? 0), 0);
  const megabytes = (reports.reduce((n, r) => n + (r.bytes ?? 0), 0) / 1e6).toFixed(2);
  const perSecond = (reports.length / (elapsedMs / 1000)).toFixed(1);
  out.push(
    t(
      `${total} meldingen (${errors} fouten, ${warnings} waarschuwingen) in ${analysed} gecontroleerde bestanden; ${skipped} overgeslagen, ${unreadable} onleesbaar`,
      `${total} findings (${errors} errors, ${warnings} warnings) in ${analysed} checked files; ${skipped} skipped, ${unreadable} unreadable`,
    ),
    t(
      `${reports.length} bestanden (${megabytes} MB) in ${elapsedMs.toFixed(0)} ms: ${perSecond} bestanden/s op ${threads} thread(s)`,
      `${reports.length} files (${megabytes} MB) in ${elapsedMs.toFixed(0)} ms: ${perSecond} files/s on ${threads} thread(s)`,
    ),
  );
  return out.join('\n');
}

function json(reports: FileReport[], fixes?: FileFix[]): string {
  return JSON.stringify({
    ...(fixes ? { fixes: fixes.filter((f) => f.written || f.skipped).map((f) => ({ path: f.path, written: f.written, applied: f.applied, ...(f.skipped ? { skipped: f.skipped } : {}) })) } : {}),
    files: reports.map((r) =>
      r.error
        ? { path: r.path, analysed: false, error: r.error, findings: [] }
        : r.notice
          ? { path: r.path, analysed: false, findings: [], notices: [{ message: r.notice, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] }
          : {
            path: r.path,
            analysed: r.result!.analysed,
            language: r.result!.language,
            kind: r.result!.kind,
            findings: r.result!.findings.map((f) => ({
              ruleId: f.ruleId,
              severity: f.severity,
              message: f.message,
              range: f.range,
              data: f.data,
              lesson: { id: f.lesson.id, title: f.lesson.title, quote: f.lesson.quote },
              fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits })),
            })),
            notices: r.result!.notices,
            open: r.scan!.open,
            scan: r.scan!.items.map((i) => ({ factor: i.factor, lesson: i.lessonId, title: i.title, status: i.status, explanation: i.explanation })),
          },
    ),
  });
}

export async function main(argv: string[]): Promise<number> {
  compilePatternsOnce();
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const [command, ...rest] = argv;
    if (command !== 'check') throw new UsageError(command ? t(`onbekend commando "${command}"; bedoelt u "samenspel check"?`, `unknown command "${command}"; did you mean "samenspel check"?`) : t('gebruik: samenspel check [paden] (zie --help)', 'usage: samenspel check [paths] (see --help)'));
    let format = 'stylish';
    let config: string | undefined;
    let threads: number | undefined;
    let fix = false;
    const paths: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i];
      if (arg === '--format' || arg === '-f') format = rest[++i] ?? '';
      else if (arg.startsWith('--format=')) format = arg.slice(9);
      else if (arg === '--config' || arg === '-c') config = rest[++i];
      else if (arg.startsWith('--config=')) config = arg.slice(9);
      else if (arg === '--threads' || arg.startsWith('--threads=')) {
        threads = Number(arg.includes('=') ? arg.slice(10) : rest[++i]);
        if (!Number.isInteger(threads) || threads < 1) throw new UsageError(t('--threads vraagt een geheel getal ≥ 1', '--threads needs a whole number ≥ 1'));
      }
      else if (arg === '--fix') fix = true;
      else if (arg.startsWith('-')) throw new UsageError(t(`onbekende optie ${arg} (zie --help)`, `unknown option ${arg} (see --help)`));
      else paths.push(arg);
    }
    if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(t(`onbekend formaat "${format}": kies stylish, json of sarif`, `unknown format "${format}": use stylish, json or sarif`));
    const { settingsOf, configs } = settingsSource(config);
    const files = expandPaths(paths.length ? paths : ['.'], english ? 'en' : 'nl');
    // Fixes first, then the usual check of what the files say now: what is left (fields to fill in) is reported.
    // Entries that cannot be read are left to the check's own report.
    const fixes = fix ? files.flatMap((f) => ('problem' in f ? [] : [fixFile(f.path, settingsOf(f.path), english ? 'en' : 'nl')])) : undefined;
    const fixed = fixes && format === 'stylish' ? fixReport(fixes, english ? 'en' : 'nl') : '';
    const started = performance.now();
    const reports = await checkAll(files, settingsOf, threads);
    const elapsed = performance.now() - started;
    const output = format === 'json' ? json(reports, fixes) : format === 'sarif' ? JSON.stringify(sarifLog(reports, english ? 'en' : 'nl'), null, 2) : stylish(reports, elapsed, workerCount(files.length, threads));
    process.stdout.write(`${fixed ? `${fixed}\n\n` : ''}${output}\n`);
    const configProblems = configs().flatMap((c) => c.problems.map((p) => `${shortPath(c.path)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`));
    for (const line of configProblems) process.stderr.write(`samenspel: ${line}\n`);
    for (const r of reports) if (r.error) process.stderr.write(`samenspel: ${r.path}: ${r.error}\n`);
    if (reports.some((r) => r.error) || configProblems.length) return 2;
    return reports.some((r) => r.result?.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`samenspel: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`samenspel: ${t('interne fout', 'internal error')}: ${(error as Error).message}\n`);
    return 2;
  }
}
