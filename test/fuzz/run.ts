/**
 * `npm run fuzz`: the document properties over many generated and mutated documents (FUZZ_RUNS in all, 100,000 by
 * default, shared evenly between the properties), then the linearity check. Prints cases, seconds and cases/s; on a failure the seed, the path to replay it
 * (FUZZ_SEED=… FUZZ_PATH=…) and the shrunk counterexample, and exits non-zero.
 */
import { checkLinearity, LINEARITY_SHAPES } from './linearity';
import { documentProperties, failureReport } from './properties';
import { loadSeeds } from './seeds';

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) {
    console.error(`${name} must be a whole number, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const runs = numberFrom('FUZZ_RUNS', 100_000);
const seed = numberFrom('FUZZ_SEED', Date.now() % 2 ** 31);
const path = process.env.FUZZ_PATH || undefined;
const only = process.env.FUZZ_ONLY;

// The YAML parser warns on stderr about odd front matter, once per case: counted, not printed 100,000 times.
let yamlWarnings = 0;
process.removeAllListeners('warning');
process.on('warning', () => yamlWarnings++);

const { seeds, missing } = loadSeeds();
for (const m of missing) console.log(`skipped seeds: ${m} is missing`);
// A line every 5,000 cases, so a long run shows how far it got.
let cases = 0;
let propertyStart = performance.now();
const properties = documentProperties(seeds, () => {
  if (++cases % 5_000 === 0) console.log(`    … ${cases} cases, ${((performance.now() - propertyStart) / 1000).toFixed(0)} s`);
});
const perProperty = Math.ceil(runs / (only === undefined ? properties.length : 1));
console.log(`${seeds.length} seed documents; ${perProperty} cases per property; seed ${seed}${path ? `; path ${path}` : ''}`);

let failed = 0;
let total = 0;
const started = performance.now();
properties.forEach((p, index) => {
  if (only !== undefined && only !== String(index)) return;
  cases = 0;
  propertyStart = performance.now();
  const t = propertyStart;
  const details = p.check({ numRuns: perProperty, seed, path });
  const seconds = (performance.now() - t) / 1000;
  // numRuns counts the cases that ran, the failing one included; shrinking comes on top.
  total += details.numRuns;
  console.log(`[${index}] ${p.name}\n    ${details.numRuns} cases in ${seconds.toFixed(1)} s (${Math.round(details.numRuns / seconds)} cases/s)${details.failed ? `, FAILED after ${details.numShrinks} shrinks` : ''}`);
  if (details.failed) {
    failed++;
    console.log(`    ${failureReport(details, `FUZZ_ONLY=${index} FUZZ_SEED={seed} FUZZ_PATH={path} npm run fuzz`)}`);
  }
});

if (only === undefined || only === 'linearity') {
  for (const shape of LINEARITY_SHAPES) {
    const r = checkLinearity(shape);
    console.log(`[linearity] ${shape.name}: ${r.summary}${r.ok ? '' : ' — FAILED'}`);
    if (!r.ok) failed++;
  }
}
const seconds = (performance.now() - started) / 1000;
if (yamlWarnings) console.log(`(${yamlWarnings} YAML warnings from front matter were not printed)`);
console.log(`${total} documents in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} cases/s); ${failed ? `${failed} propert${failed === 1 ? 'y' : 'ies'} FAILED` : 'all properties held'}`);
process.exit(failed ? 1 : 0);
