/**
 * Where the engine spends its time on the coalition agreement (150 KB, analysed with scope.include ['**\/*']):
 * phase timings (parse, model, each rule) and a sampled CPU profile, by function and by package/file.
 *
 *   npx tsx bench/profile.ts [--out profile.cpuprofile]   (open the profile in Chrome DevTools or VS Code)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import { join } from 'node:path';
import { analyze, buildModel, defaultSettings, RULES } from '../server/src/engine';
import { parseMarkdown } from '../server/src/engine/parse';
import { decideScope } from '../server/src/engine/scope';

const ROOT = join(__dirname, '..');
const PLAN = process.env.SAMENSPEL_PLAN ?? join(ROOT, '..', 'shared', 'corpus', 'real', 'coalitieakkoord-2021-2025.md');
const RUNS = 7;

const text = readFileSync(PLAN, 'utf8');
const settings = defaultSettings();
settings.scope.include = ['**/*'];
const path = '/bench/plan-150k.md';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function timed(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** A readable place for a call frame: the package for dependencies, the file for our own code. */
function area(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(server\/src\/.*?)(?:\?.*)?$/.exec(url);
  if (own) return own[1];
  return url.startsWith('node:') ? 'node internals' : url.replace(/^.*\//, '');
}

function frameKey(frame: Profiler.ProfileNode['callFrame']): string {
  return `${frame.functionName || '(anonymous)'} [${area(frame.url, frame.functionName)}]`;
}

async function main(): Promise<void> {
  for (let i = 0; i < 5; i++) analyze(text, { path, settings });

  // 1. Phases.
  const model = buildModel(text);
  const phases: Array<[string, number]> = [
    ['parse (remark + gfm + frontmatter)', timed(() => void parseMarkdown(text))],
    ['buildModel (parse included)', timed(() => void buildModel(text))],
    ['scope decision', timed(() => void decideScope(model, path, settings))],
    ...RULES.map((rule): [string, number] => [`rule ${rule.id}`, timed(() => void rule.check({ model, settings, lang: model.language }))]),
    ['analyze (total)', timed(() => void analyze(text, { path, settings }))],
  ];
  const total = phases.at(-1)![1];
  const ruleSum = phases.filter(([name]) => name.startsWith('rule ') || name === 'scope decision').reduce((n, [, ms]) => n + ms, 0);
  const modelMs = phases[1][1];
  phases.splice(2, 0, ['  of which model building beyond parsing', modelMs - phases[0][1]]);
  phases.push(['findings → ranges, lessons, sort (rest; noisy)', total - modelMs - ruleSum]);
  console.log(`Phases on ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB (median of ${RUNS}):`);
  for (const [name, ms] of phases) console.log(`  ${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %`);

  // 2. Sampled CPU profile of whole analyses.
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
  await post(session, 'Profiler.start');
  for (let i = 0; i < RUNS; i++) analyze(text, { path, settings });
  const { profile } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop');
  session.disconnect();
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1], JSON.stringify(profile));

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const ignored = new Set(['(idle)', '(program)', '(root)']);
  const selfHits = new Map<string, number>();
  const areaHits = new Map<string, number>();
  const inclusiveHits = new Map<string, number>();
  let sampled = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits || ignored.has(n.callFrame.functionName)) continue;
    sampled += hits;
    selfHits.set(frameKey(n.callFrame), (selfHits.get(frameKey(n.callFrame)) ?? 0) + hits);
    const a = area(n.callFrame.url, n.callFrame.functionName);
    areaHits.set(a, (areaHits.get(a) ?? 0) + hits);
    // Inclusive: every distinct function on the stack gets these samples once (recursion not double-counted).
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parentOf.get(id)) {
      const key = frameKey(byId.get(id)!.callFrame);
      if (!seen.has(key) && !ignored.has(byId.get(id)!.callFrame.functionName)) {
        seen.add(key);
        inclusiveHits.set(key, (inclusiveHits.get(key) ?? 0) + hits);
      }
    }
  }
  const top = (m: Map<string, number>, n: number): string[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, h]) => `  ${((100 * h) / sampled).toFixed(1).padStart(5)} %  ${k}`);
  console.log(`\nCPU profile, ${RUNS} analyses, ${sampled} samples (idle excluded). Self time by package / file:`);
  console.log(top(areaHits, 12).join('\n'));
  console.log('\nSelf time by function:');
  console.log(top(selfHits, 15).join('\n'));
  const own = new Map([...inclusiveHits].filter(([k]) => k.includes('server/src/')));
  console.log('\nInclusive time of engine functions:');
  console.log(top(own, 20).join('\n'));
}

main().catch((error) => {
  process.stderr.write(`profile failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
