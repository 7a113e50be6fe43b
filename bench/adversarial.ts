/**
 * Every adversarial document of the test suite (test/support/adversarial-cases.ts), and covenants of 1 to 5 MB,
 * analysed by the engine the way the editor does (chunked, with a cache) and as the CLI does (once, no cache): time, findings,
 * notices, errors and the size of the findings as JSON (the quick-fix payloads). Each case runs in a process of its
 * own (the main thread's stack, as in the server) that is stopped after ADVERSARIAL_TIMEOUT seconds (default 60), so
 * a hang shows as a time-out, not a stuck bench.
 *
 *   npx tsx bench/adversarial.ts [name filter]
 */
import { spawn } from 'node:child_process';
import { analyze } from '../server/src/engine';
import { CASES } from '../test/support/adversarial-cases';
import { generateCovenant } from './generate-covenant';

const TIMEOUT_S = Number(process.env.ADVERSARIAL_TIMEOUT) || 60;

interface Job {
  name: string;
  size: number;
}
interface Outcome {
  ms: number;
  chunkedMs: number;
  bytes: number;
  findings: number;
  notices: number;
  errors: number;
  json: number;
}

function build({ name, size }: Job): string {
  if (name.startsWith('covenant ')) return generateCovenant({ minBytes: size });
  return CASES.find((c) => c.name === name)!.build(size);
}

function run(job: Job): Outcome {
  // Warm up first: the first analysis compiles the engine's code and patterns, which is no cost of the input.
  analyze(generateCovenant({ minBytes: 30 * 1024 }));
  const text = build(job);
  let start = performance.now();
  // As the CLI reads a file: no cache, so a big document is cut into large chunks.
  const whole = analyze(text);
  const ms = performance.now() - start;
  start = performance.now();
  analyze(text, { cache: new Map() });
  const chunkedMs = performance.now() - start;
  const errors = (whole as { errors?: unknown[] }).errors?.length ?? 0;
  return { ms, chunkedMs, bytes: text.length, findings: whole.findings.length, notices: whole.notices.length, errors, json: JSON.stringify(whole.findings).length };
}

const CASE_FLAG = '--case';
if (process.argv[2] === CASE_FLAG) {
  const job: Job = { name: process.argv[3], size: Number(process.argv[4]) };
  try {
    process.stdout.write(JSON.stringify({ ok: run(job) }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: (error as Error).message.slice(0, 80) }));
  }
} else {
  const filter = process.argv[2] ?? '';
  const jobs: Job[] = [];
  for (const c of CASES.filter((x) => x.name.includes(filter))) {
    if (c.scales) jobs.push({ name: c.name, size: 10_000 }, { name: c.name, size: 1_000_000 });
    else jobs.push({ name: c.name, size: 0 });
  }
  if ('covenant'.includes(filter) || filter.startsWith('covenant')) for (const mb of [1, 2, 4.9]) jobs.push({ name: `covenant ${mb} MB`, size: mb * 1024 * 1024 });

  const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const kb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(0)} KB`);
  const rows: string[][] = [['input', 'size', 'once (CLI)', 'chunked (editor)', 'findings', 'notices', 'errors', 'findings JSON']];
  const runJob = (job: Job): Promise<string[]> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', __filename, CASE_FLAG, job.name, String(job.size)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_S * 1000);
      child.on('close', () => {
        clearTimeout(timer);
        const size = job.size ? kb(job.size) : '';
        if (!out) return resolve([job.name, size, `> ${TIMEOUT_S} s (stopped)`, '', '', '', '', '']);
        const m = JSON.parse(out) as { ok?: Outcome; error?: string };
        if (m.error) return resolve([job.name, size, `throws: ${m.error}`, '', '', '', '', '']);
        const o = m.ok!;
        resolve([job.name, kb(o.bytes), fmt(o.ms), fmt(o.chunkedMs), String(o.findings), String(o.notices), String(o.errors), kb(o.json)]);
      });
    });
  void (async () => {
    for (const job of jobs) {
      const row = await runJob(job);
      rows.push(row);
      process.stderr.write(`${row.join('  ')}\n`);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const line = (r: string[]): string => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
    console.log(line(rows[0]));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows.slice(1)) console.log(line(r));
  })();
}
