/**
 * `samenspel check --fix` on real files in a temporary folder: what it writes, what it leaves, and that it is safe
 * (atomic, same permissions, never a file it was not given, never over a change made meanwhile).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, defaultSettings } from '../server/src/engine';
import { fixFile } from '../server/src/fix-files';

const repo = join(__dirname, '..');
const bin = join(repo, 'bin', 'samenspel.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', NO_COLOR: '1' } });

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-fix-'));
  mkdirSync(join(dir, 'docs'));
  mkdirSync(join(dir, 'elders'));
  copyFileSync(join(repo, 'examples', 'lea-2027-2030.md'), join(dir, 'docs', 'lea.md'));
  copyFileSync(join(repo, 'test', 'fixtures', 'realistic', 'convenant-ikc-noorderlicht.md'), join(dir, 'docs', 'convenant.md'));
  copyFileSync(join(repo, 'examples', 'convenant-kindcentrum-de-brug.md'), join(dir, 'docs', 'schoon.md'));
  copyFileSync(join(repo, 'examples', 'lea-2027-2030.md'), join(dir, 'elders', 'lea.md'));
  return dir;
}

describe('samenspel check --fix', () => {
  it('writes the fixes into the given files only, says what it changed, and a second run changes nothing', () => {
    const dir = folder();
    chmodSync(join(dir, 'docs', 'lea.md'), 0o640);
    const original = (name: string) => readFileSync(join(dir, name), 'utf8');
    const before = { lea: original('docs/lea.md'), schoon: original('docs/schoon.md'), elders: original('elders/lea.md') };

    const first = run(['check', '--fix', 'docs'], dir);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /docs\/lea\.md: 2 oplossingen geschreven: missing-stakeholder \(2\)/);
    assert.match(first.stdout, /docs\/convenant\.md: 2 oplossingen geschreven: unstated-contribution \(2\)/);
    assert.doesNotMatch(first.stdout, /schoon\.md: .*geschreven/);

    const lea = original('docs/lea.md');
    assert.notEqual(lea, before.lea);
    // One new section with both groups: the second fix was recomputed on the text with the first one.
    assert.equal(lea.split('## Betrokkenen').length, 2);
    assert.match(lea, /## Betrokkenen\n\n- Gemeenteraad: \[rol[^\n]*\n- Schooldirecteuren: \[rol/);
    assert.equal(statSync(join(dir, 'docs', 'lea.md')).mode & 0o777, 0o640, 'permissions kept');
    assert.equal(original('docs/schoon.md'), before.schoon, 'a file without fixes is not touched');
    assert.equal(original('elders/lea.md'), before.elders, 'a file outside the given paths is not touched');
    assert.deepEqual(readdirSync(join(dir, 'docs')).sort(), ['convenant.md', 'lea.md', 'schoon.md'], 'no temporary files left');

    // What the fixes inserted are fields to fill in: reported honestly as such, not as done.
    assert.match(first.stdout, /Nog in te vullen: „\[rol, bv\. stelt het budget vast/);
    const left = analyze(lea).findings;
    assert.deepEqual([...new Set(left.map((f) => f.ruleId))], ['unfilled-placeholder']);

    const second = run(['check', '--fix', 'docs'], dir);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /--fix: niets aan te vullen in 3 bestanden; er is niets geschreven/);
    assert.equal(original('docs/lea.md'), lea);
  });

  it('reports the fixes in the JSON format', () => {
    const dir = folder();
    const r = run(['check', '--fix', '--format', 'json', 'docs/lea.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { fixes: Array<{ path: string; written: boolean; applied: Array<{ ruleId: string; title: string }> }>; files: Array<{ findings: Array<{ ruleId: string }> }> };
    assert.deepEqual(out.fixes.map((f) => [f.path, f.written, f.applied.map((a) => a.ruleId)]), [['docs/lea.md', true, ['missing-stakeholder', 'missing-stakeholder']]]);
    assert.ok(out.files[0].findings.every((f) => f.ruleId === 'unfilled-placeholder'));
  });

  it('does not write over a change made while it was fixing', () => {
    const dir = folder();
    const path = join(dir, 'docs', 'lea.md');
    const result = fixFile(path, defaultSettings(), 'nl', { beforeRename: (p) => appendFileSync(p, '\nEen regel van de schrijver.\n') });
    assert.equal(result.written, false);
    assert.match(result.skipped!, /veranderd/);
    assert.match(readFileSync(path, 'utf8'), /Een regel van de schrijver\.\n$/);
    assert.doesNotMatch(readFileSync(path, 'utf8'), /## Betrokkenen/);
    assert.deepEqual(readdirSync(join(dir, 'docs')).sort(), ['convenant.md', 'lea.md', 'schoon.md']);
  });

  it('keeps a byte order mark and Windows line ends', () => {
    const dir = folder();
    const path = join(dir, 'docs', 'lea.md');
    writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8').replace(/\n/g, '\r\n')}`);
    assert.equal(fixFile(path, defaultSettings(), 'nl').written, true);
    const bytes = readFileSync(path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.doesNotMatch(bytes.toString('utf8'), /[^\r]\n/, 'every line ends in CRLF');
    assert.match(bytes.toString('utf8'), /## Betrokkenen\r\n\r\n- Gemeenteraad/);
  });

  it('leaves a symbolic link alone, and what it points to', () => {
    const dir = folder();
    symlinkSync(join(dir, 'elders', 'lea.md'), join(dir, 'docs', 'link.md'));
    const before = readFileSync(join(dir, 'elders', 'lea.md'), 'utf8');
    const result = fixFile(join(dir, 'docs', 'link.md'), defaultSettings(), 'nl');
    assert.equal(result.written, false);
    assert.match(result.skipped!, /symbolische koppeling/);
    assert.equal(readFileSync(join(dir, 'elders', 'lea.md'), 'utf8'), before);
  });
});
