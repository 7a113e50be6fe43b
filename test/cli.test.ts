import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..');
const bin = join(repo, 'bin', 'samenspel.js');

function run(args: string[], cwd = repo): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneLineError(r: { code: number | null; stderr: string }): void {
  assert.equal(r.code, 2);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

describe('samenspel check (CLI)', () => {
  it('prints the stable JSON contract for the examples and exits 0 on warnings', () => {
    const r = run(['check', 'examples', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: Array<Record<string, unknown> & { findings: Array<Record<string, unknown>> }> };
    assert.ok(out.files.length >= 6);
    const analysed = out.files.filter((f) => f.analysed);
    const skipped = out.files.filter((f) => !f.analysed);
    assert.ok(skipped.some((f) => String(f.path).includes('notulen')), 'meeting notes are skipped');
    const findings = analysed.flatMap((f) => f.findings);
    assert.deepEqual([...new Set(findings.map((f) => f.ruleId))].sort(), ['missing-stakeholder', 'unstated-contribution', 'vague-ambition']);
    for (const f of findings) {
      assert.deepEqual(Object.keys(f).sort(), ['data', 'fixes', 'lesson', 'message', 'range', 'ruleId', 'severity'].sort());
      const range = f.range as { start: { line: number; character: number }; end: { line: number; character: number } };
      assert.ok(Number.isInteger(range.start.line) && Number.isInteger(range.end.character));
      assert.ok((f.lesson as { id: string; title: string }).title);
      for (const fix of f.fixes as Array<{ title: string; edits: unknown[] }>) assert.ok(fix.title && fix.edits.length);
    }
    for (const f of analysed) assert.ok(f.language === 'nl' || f.language === 'en');
    // Each checked file carries its six-factor scan and the number of spots still to fill in.
    for (const f of analysed) {
      const scan = f.scan as Array<{ factor: number; status: string; explanation: string }>;
      assert.deepEqual(scan.map((s) => s.factor), [1, 2, 3, 4, 5, 6]);
      for (const s of scan) assert.ok(['green', 'amber', 'red'].includes(s.status) && s.explanation, JSON.stringify(s));
      assert.ok(Number.isInteger(f.open));
    }
    assert.ok(analysed.some((f) => f.language === 'en'), 'the English example is read as English');
  });

  it('prints findings with their lessons for people', () => {
    const r = run(['check', 'examples/lea-2027-2030.md']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /gemeenteraad/);
    assert.match(r.stdout, /les 1: Betrek alle belanghebbenden/);
    assert.match(r.stdout, /„Ten eerste de gemeenteraadsleden/);
  });

  it('accepts globs', () => {
    const r = run(['check', 'examples/*english*.md', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['examples/covenant-english.md']);
  });

  it('exits 1 when a finding has severity error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-cli-'));
    copyFileSync(join(repo, 'examples', 'lea-2027-2030.md'), join(dir, 'lea.md'));
    writeFileSync(join(dir, '.samenspel.yaml'), 'rules:\n  missing-stakeholder: error\n');
    assert.equal(run(['check', 'lea.md'], dir).code, 1);
  });

  it('exits 2 with one clear line for bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-cli-'));
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Convenant met caf\xe9\n', 'latin1'));
    writeFileSync(join(dir, 'broken.yaml'), 'rules: [unclosed\n');
    writeFileSync(join(dir, 'wrong.yaml'), 'rules:\n  vague-ambition: loud\n');

    let r = run(['check', 'does-not-exist.md'], dir);
    oneLineError(r);
    assert.match(r.stderr, /bestaat niet: does-not-exist\.md/);
    r = run(['check', 'empty'], dir);
    oneLineError(r);
    assert.match(r.stderr, /geen Markdown/);
    r = run(['check', 'binary.md'], dir);
    oneLineError(r);
    assert.match(r.stderr, /binair/);
    r = run(['check', 'latin1.md'], dir);
    oneLineError(r);
    assert.match(r.stderr, /UTF-8/);
    // A broken config file is named with the spot of the problem; the check still runs, with the defaults.
    copyFileSync(join(repo, 'examples', 'lea-2027-2030.md'), join(dir, 'lea.md'));
    r = run(['check', '--config', 'broken.yaml', 'lea.md'], dir);
    oneLineError(r);
    assert.match(r.stderr, /broken\.yaml:2:1: .*YAML/);
    assert.match(r.stdout, /gemeenteraad/);
    r = run(['check', '--config', 'wrong.yaml', 'lea.md'], dir);
    oneLineError(r);
    assert.match(r.stderr, /wrong\.yaml:2:3: .*loud/);
    oneLineError(run(['check', '--format', 'xml'], dir));
    oneLineError(run(['lint'], dir));
  });

  it('gives the same report on one thread as spread over worker threads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-cli-'));
    for (let i = 0; i < 3; i++) for (const f of ['lea-2027-2030.md', 'ihp-vage-ambities.md', 'covenant-english.md', 'notulen-overleg.md', 'plan-van-aanpak-bijdragen.md', 'convenant-kindcentrum-de-brug.md']) copyFileSync(join(repo, 'examples', f), join(dir, `${i}-${f}`));
    const one = run(['check', '.', '--format', 'json', '--threads', '1'], dir);
    const two = run(['check', '.', '--format', 'json', '--threads', '2'], dir);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.stdout, one.stdout);
    const stylish = run(['check', '.', '--threads', '2'], dir);
    assert.match(stylish.stdout, /18 bestanden \(.* MB\) in \d+ ms: [\d.]+ bestanden\/s op 2 thread\(s\)/, 'reports its throughput');
  });

  it('reports an unreadable file but still checks the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-cli-'));
    copyFileSync(join(repo, 'examples', 'lea-2027-2030.md'), join(dir, 'lea.md'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3]));
    const r = run(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 2);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; error?: string; findings: unknown[] }>;
    assert.ok(files.find((f) => f.path.endsWith('binary.md'))!.error);
    assert.ok(files.find((f) => f.path.endsWith('lea.md'))!.findings.length > 0);
  });
});
