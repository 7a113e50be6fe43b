/**
 * `npm run accuracy [-- DIR … [--verbose]]`: how well Samenspel judges labelled documents, per set and per rule.
 *
 * A set is a folder of Markdown documents whose labels are HTML comments (see test/support/expectations.ts):
 * `<!-- expect-scope in|out -->` and `<!-- expect RULE key=value -->`. Without folders it scores every committed set
 * (each folder of test/fixtures). Prints precision, recall and scope accuracy, and writes bench/accuracy.json.
 *
 * Matching is by what a reader would count as the same finding: a missing group by its group, an unstated
 * contribution by its party (`party=ALL` for "no contributions at all"), line rules by their line.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { analyze, RULES, type Finding } from '../server/src/engine';
import { normalize } from '../server/src/engine/text';
import { parseExpectations, parseScopeLabel, type Expectation } from '../test/support/expectations';

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

/** A party label names the party when, normalised, one contains the other ("Kindwijs" ~ "Stichting Kindwijs"). */
function sameParty(label: string, found: string): boolean {
  const a = normalize(label).replace(/^(de|het|the) /, '');
  const b = normalize(found).replace(/^(de|het|the) /, '');
  return a === b || (a.length >= 4 && b.includes(a)) || (b.length >= 4 && a.includes(b));
}

function matches(f: Finding, e: Expectation): boolean {
  if (f.ruleId !== e.ruleId) return false;
  switch (f.ruleId) {
    case 'missing-stakeholder':
      return f.data.group === e.data.group;
    case 'unstated-contribution':
      if (e.data.party === 'ALL') return f.data.reason === 'no-section';
      return f.data.reason !== 'no-section' && typeof f.data.party === 'string' && sameParty(e.data.party ?? '', f.data.party);
    default:
      return f.range.start.line === e.line;
  }
}

/** "No contributions at all" is one problem of the document, however the engine words it. */
function collapse(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === 'unstated-contribution' && f.data.reason === 'no-section' && out.some((o) => o.ruleId === f.ruleId && o.data.reason === 'no-section')) continue;
    out.push(f);
  }
  return out;
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
    const left = collapse(result.findings);
    for (const e of expectations) {
      counts[e.ruleId] ??= { tp: 0, fp: 0, fn: 0 };
      const i = left.findIndex((f) => matches(f, e));
      if (i >= 0) {
        counts[e.ruleId].tp++;
        left.splice(i, 1);
      } else {
        counts[e.ruleId].fn++;
        const data = Object.entries(e.data).map(([k, v]) => ` ${k}=${v}`).join('');
        score.misses.push(`${file}: missed ${e.ruleId} line ${e.line + 1}${data}`);
      }
    }
    for (const f of left) {
      counts[f.ruleId] ??= { tp: 0, fp: 0, fn: 0 };
      counts[f.ruleId].fp++;
      score.misses.push(`${file}: false alarm ${describe(f)}: ${f.message}`);
    }
  }
  for (const [id, c] of Object.entries(counts)) score.rules[id] = { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  return score;
}

function committedSets(): string[] {
  const fixtures = join(ROOT, 'test', 'fixtures');
  return readdirSync(fixtures).map((d) => join(fixtures, d)).filter((d) => statSync(d).isDirectory()).sort();
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
