/**
 * `npm run accuracy [-- DIR … [--verbose]]`: how well Samenspel judges labelled documents, per set and per rule.
 *
 * A set is a folder of Markdown documents whose labels are HTML comments (see test/support/expectations.ts):
 * `<!-- expect-scope in|out -->` and `<!-- expect RULE key=value -->`. Without folders it scores every committed set
 * (each folder of test/fixtures). Prints precision, recall and scope accuracy, and writes bench/accuracy.json.
 *
 * Matching is by what a reader would count as the same finding (test/support/expectations.ts): a missing group by
 * its group, an unstated contribution by its party (`party=ALL` for "no contributions at all"), line rules by line.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { analyze, RULES, type Finding } from '../server/src/engine';
import { compareAsReader, describeExpectation, parseExpectations, parseScopeLabel } from '../test/support/expectations';

const ROOT = join(__dirname, '..');

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface SetScore {
  set: string;
  documents: number;
  scope: { labelled: number; correct: number; wrong: string[] };
  rules: Record<string, Counts & { precision: number | null; recall: number | null }>;
  misses: string[];
}

function ratio(a: number, b: number): number | null {
  return b ? Number((a / b).toFixed(3)) : null;
}

function describe(f: Finding): string {
  return `${f.ruleId} line ${f.range.start.line + 1}${f.data.group ? ` group=${f.data.group}` : ''}${f.data.party ? ` party="${f.data.party}"` : ''}`;
}

function scoreSet(dir: string): SetScore {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && !/^readme/i.test(f)).sort();
  const ruleIds = [...RULES.map((r) => r.id)];
  const counts: Record<string, Counts> = Object.fromEntries(ruleIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const score: SetScore = { set: relative(ROOT, dir) || dir, documents: files.length, scope: { labelled: 0, correct: 0, wrong: [] }, rules: {}, misses: [] };
  for (const file of files) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const result = analyze(text, { path });
    const scope = parseScopeLabel(text);
    if (scope) {
      score.scope.labelled++;
      if (result.analysed === (scope === 'in')) score.scope.correct++;
      else score.scope.wrong.push(`${file}: labelled ${scope}, ${result.analysed ? 'analysed' : 'skipped'} (${result.scope.code} ${result.scope.detail.join(', ')})`);
    }
    const expectations = parseExpectations(text);
    const { missing, unexpected } = compareAsReader(result.findings, expectations);
    for (const e of expectations) (counts[e.ruleId] ??= { tp: 0, fp: 0, fn: 0 })[missing.includes(e) ? 'fn' : 'tp']++;
    for (const e of missing) score.misses.push(`${file}: missed ${describeExpectation(e)}`);
    for (const f of unexpected) {
      counts[f.ruleId] ??= { tp: 0, fp: 0, fn: 0 };
      counts[f.ruleId].fp++;
      score.misses.push(`${file}: false alarm ${describe(f)}: ${f.message}`);
    }
  }
  for (const [id, c] of Object.entries(counts)) score.rules[id] = { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  return score;
}

/** The fixtures, and the outsider sets in bench/sets whose documents are not folded into the fixtures yet. */
function committedSets(): string[] {
  return [join(ROOT, 'test', 'fixtures'), join(ROOT, 'bench', 'sets')].flatMap((root) =>
    readdirSync(root).map((d) => join(root, d)).filter((d) => statSync(d).isDirectory()).sort(),
  );
}

const fmt = (n: number | null): string => (n === null ? '   – ' : n.toFixed(2).padStart(5));

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const dirs = args.filter((a) => !a.startsWith('--'));
  const sets = (dirs.length ? dirs : committedSets()).map(scoreSet);
  const total: Record<string, Counts> = {};
  for (const s of sets) {
    console.log(`\n${s.set} (${s.documents} documents)`);
    console.log(`  scope: ${s.scope.correct}/${s.scope.labelled} right`);
    for (const w of s.scope.wrong) console.log(`    ${w}`);
    console.log('  rule                    precision recall    tp   fp   fn');
    for (const [id, r] of Object.entries(s.rules)) {
      if (!r.tp && !r.fp && !r.fn) continue;
      console.log(`  ${id.padEnd(24)}${fmt(r.precision)}    ${fmt(r.recall)}  ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}`);
      const t = (total[id] ??= { tp: 0, fp: 0, fn: 0 });
      t.tp += r.tp;
      t.fp += r.fp;
      t.fn += r.fn;
    }
    if (verbose) for (const m of s.misses) console.log(`    ${m}`);
  }
  if (sets.length > 1) {
    console.log('\nall sets');
    for (const [id, t] of Object.entries(total)) console.log(`  ${id.padEnd(24)}${fmt(ratio(t.tp, t.tp + t.fp))}    ${fmt(ratio(t.tp, t.tp + t.fn))}  ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}`);
  }
  const out = join(ROOT, 'bench', 'accuracy.json');
  writeFileSync(out, `${JSON.stringify({ sets: sets.map((s) => ({ ...s, set: dirs.length ? basename(s.set) : s.set })) }, null, 2)}\n`);
  console.log(`\nwrote ${relative(process.cwd(), out)}`);
}

main();
