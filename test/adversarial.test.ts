import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, buildModel, defaultSettings, RULES, runRules } from '../server/src/engine';
import type { Rule } from '../server/src/engine/rule';
import { CASES } from './support/adversarial-cases';

/**
 * Adversarial documents (issue #11 §2): each is analysed to the end, and where a document grows, 10 × the text may take
 * at most GROWTH × the time (linear is 10 ×, quadratic 100 ×). Times are printed by `npx tsx bench/adversarial.ts`.
 * CEILING_MS is a hang guard, not a speed target: 100,000 headings and 100,000 parties in the front matter take
 * 10–20 s on a loaded two-core machine (the parser and one finding per party), so it is generous.
 */
const GROWTH = 40;
const CEILING_MS = 30_000;

function timed(text: string): { ms: number; result: ReturnType<typeof analyze> } {
  const start = performance.now();
  // As the CLI reads a file: no cache (the chunked path with a cache is the editor's, compared in chunked-whole).
  const result = analyze(text);
  return { ms: performance.now() - start, result };
}

describe('adversarial documents are analysed in time', function () {
  this.timeout(120_000);
  before(() => void analyze(CASES[0].build(10_000))); // warm-up: compiling the engine is no cost of an input

  for (const c of CASES) {
    it(c.name, () => {
      if (!c.scales) {
        const { ms, result } = timed(c.build(0));
        assert.ok(ms < CEILING_MS, `${c.name} took ${ms.toFixed(0)} ms`);
        assert.ok(Array.isArray(result.findings));
        return;
      }
      const small = Math.min(...[0, 1].map(() => timed(c.build(5_000)).ms));
      const large = timed(c.build(50_000));
      assert.ok(large.ms < CEILING_MS, `${c.name} at 50 KB took ${large.ms.toFixed(0)} ms`);
      assert.ok(large.ms / Math.max(small, 1) <= GROWTH, `${c.name}: 50 KB takes ${(large.ms / small).toFixed(0)} × the time of 5 KB (${small.toFixed(0)} → ${large.ms.toFixed(0)} ms)`);
    });
  }

  it('a quick-fix carries what it inserts, not a table per party (1,000 parties)', () => {
    const { result } = timed(CASES.find((c) => c.name.startsWith('1,000 parties'))!.build(0));
    const fixes = result.findings.filter((f) => f.ruleId === 'unstated-contribution' && f.data.reason === 'missing');
    assert.ok(fixes.length > 900);
    const largest = Math.max(...fixes.map((f) => JSON.stringify(f.fixes).length));
    assert.ok(largest < 2_000, `a fix is ${largest} characters`);
  });

  it('a message quotes a short excerpt of the text, and names a few parties, not thousands', () => {
    const dots = analyze(CASES.find((c) => c.name === 'run of .')!.build(100_000));
    const spaces = analyze(CASES.find((c) => c.name === 'spaces in a contribution item')!.build(100_000));
    for (const f of [...dots.findings, ...spaces.findings]) {
      assert.ok(f.message.length < 400, `${f.ruleId}: a message of ${f.message.length} characters`);
      assert.ok(JSON.stringify(f.data).length < 400, `${f.ruleId}: data of ${JSON.stringify(f.data).length} characters`);
    }
    assert.ok(dots.findings.some((f) => f.ruleId === 'unfilled-placeholder' && f.message.includes('…')), 'the long field is cut, and says so');
    const parties = analyze(CASES.find((c) => c.name === 'parties list of 5,000 items')!.build(0));
    const none = parties.findings.find((f) => f.ruleId === 'unstated-contribution')!;
    assert.match(none.message, /Stichting Onderwijs 4 en 4995 andere\./);
    assert.equal(none.data.partyCount, 5000);
  });

  it('more than 1,000 findings: the first 1,000 are shown, and a notice where the rest begins says how many there are', () => {
    const text = `---\ntype: convenant\n---\n# Convenant\n\n## Ambitie\n\n${'Partijen willen zoveel mogelijk samenwerken.\n\n'.repeat(1_200)}`;
    const result = analyze(text);
    assert.equal(result.findings.length, 1_000);
    const notice = result.notices.find((n) => /de eerste 1000 van \d+ meldingen/.test(n.message));
    assert.ok(notice, result.notices.map((n) => n.message).join('\n'));
    const total = Number(/van (\d+) meldingen/.exec(notice.message)![1]);
    assert.ok(total > 1_200, `${total} findings`);
    assert.ok(notice.range.start.line > result.findings.at(-1)!.range.start.line, 'the notice stands where the hidden findings start');
  });

  it('nesting deeper than 100 levels is reported once per stretch and the rest is checked', () => {
    const result = analyze(CASES.find((c) => c.name === 'nested lists (10,000)')!.build(0));
    assert.ok(result.notices.some((n) => /dieper dan 100 niveaus/.test(n.message)));
    assert.ok(result.analysed && result.findings.length > 0);
  });

  for (const name of ['front matter with tabs', 'front matter alias bomb']) {
    it(`${name}: the notice says the rest is checked, and it is`, () => {
      const result = analyze(CASES.find((c) => c.name === name)!.build(0).replace('# Convenant\n', '# Afspraken\n'));
      assert.ok(result.notices.some((n) => /De rest van het document wordt wel gecontroleerd/.test(n.message)));
      assert.equal(result.scope.code, 'declared');
      assert.ok(result.findings.length > 0);
    });
  }

  it('the CLI checks every adversarial file in a folder, and reports each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-adversarial-'));
    // The two largest are timed in-process above; here each other case is a file of its own, checked in one run.
    // NUL bytes are declined by the CLI's input check as binary, with a message naming the file (tested below).
    const files = CASES.filter((c) => !c.name.startsWith('100,000') && !c.name.includes('100,000 items') && !c.name.includes('NUL'));
    try {
      files.forEach((c, i) => writeFileSync(join(dir, `case-${i}.md`), c.build(c.scales ? 10_000 : 0)));
      const run = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'samenspel.js'), 'check', dir, '--format', 'json'], { encoding: 'utf8', timeout: 100_000, maxBuffer: 1 << 30 });
      assert.equal(run.signal, null, 'the CLI finished in time');
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const report = JSON.parse(run.stdout) as { files: Array<{ path: string }> };
      assert.equal(report.files.length, files.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the CLI on a file with NUL bytes', () => {
  it('declines it with one message that names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-adversarial-'));
    try {
      const file = join(dir, 'nul.md');
      writeFileSync(file, CASES.find((c) => c.name.includes('NUL'))!.build(10_000));
      const run = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'samenspel.js'), 'check', file], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.signal, null);
      assert.equal(run.stderr.trim().split('\n').filter((l) => l.includes(file)).length, 1, run.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a rule that throws does not stop the others', () => {
  it('keeps the other rules\' findings and reports the error', () => {
    const text = CASES.find((c) => c.name === 'front matter partijen a string')!.build(0);
    const model = buildModel(text);
    const broken: Rule = { ...RULES[0], id: 'broken-rule', check: () => JSON.parse('{') as never };
    const errors: Array<{ ruleId: string; message: string }> = [];
    const findings = runRules(model, defaultSettings(), errors, [broken, ...RULES]);
    assert.deepEqual(errors.map((e) => e.ruleId), ['broken-rule']);
    assert.ok(findings.length > 0);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), runRules(model, defaultSettings(), []).map((f) => f.ruleId).sort());
  });
});
