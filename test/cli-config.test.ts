import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..');
const bin = join(repo, 'bin', 'samenspel.js');
// Reports missing-stakeholder, vague-ambition and unstated-contribution: each setting below shows in its findings.
const lea = join(repo, 'examples', 'samenwerkingsovereenkomst-zonder-frontmatter.md');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFile {
  path: string;
  analysed: boolean;
  findings: Array<{ ruleId: string; severity: string }>;
  notices?: Array<{ message: string }>;
}
const files = (stdout: string): JsonFile[] => (JSON.parse(stdout) as { files: JsonFile[] }).files;

describe('samenspel check: project configuration and size limit', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'samenspel-config-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the nearest .samenspel.yaml or .samenspel.json, from the file’s folder upwards, whatever the start folder', () => {
    mkdirSync(join(root, 'project', 'sub', 'deeper'), { recursive: true });
    copyFileSync(lea, join(root, 'project', 'top.md'));
    copyFileSync(lea, join(root, 'project', 'sub', 'deeper', 'nested.md'));
    writeFileSync(join(root, 'project', '.samenspel.yaml'), 'rules:\n  missing-stakeholder: error\n');
    writeFileSync(join(root, 'project', 'sub', '.samenspel.json'), '{ "rules": { "missing-stakeholder": "off" } }\n');

    // Started from outside the project: the config is found from each file, not from the current folder.
    const r = run(['check', 'project', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const byName = new Map(files(r.stdout).map((f) => [f.path.replace(/\\/g, '/'), f]));
    const top = byName.get('project/top.md')!;
    const nested = byName.get('project/sub/deeper/nested.md')!;
    assert.ok(top.findings.some((f) => f.ruleId === 'missing-stakeholder' && f.severity === 'error'), 'the project file sets the level');
    assert.ok(!nested.findings.some((f) => f.ruleId === 'missing-stakeholder'), 'the nearer .samenspel.json wins');
    assert.ok(nested.findings.length > 0, 'the other rules still run');

    // Without any project file the defaults apply.
    const bare = join(root, 'bare');
    mkdirSync(bare);
    copyFileSync(lea, join(bare, 'lea.md'));
    const defaults = run(['check', 'lea.md', '--format', 'json'], bare);
    assert.equal(defaults.code, 0, defaults.stderr);
    assert.ok(files(defaults.stdout)[0].findings.some((f) => f.ruleId === 'missing-stakeholder' && f.severity === 'warning'));
  });

  it('names unknown, prototype and misspelt keys with their place, and still checks with the defaults', () => {
    copyFileSync(lea, join(root, 'lea.md'));
    writeFileSync(join(root, '.samenspel.yaml'), 'ruels:\n  missing-stakeholder: off\nrules:\n  toString: true\n  constructor: off\n  vague-ambition: error\ndebounceMs: 1000000000\n');
    const r = run(['check', 'lea.md', '--format', 'json'], root);
    assert.doesNotMatch(r.stderr, /interne fout|internal error/);
    assert.match(r.stderr, /\.samenspel\.yaml:1:1: .*"ruels".*did you mean "rules"/);
    assert.match(r.stderr, /\.samenspel\.yaml:4:3: .*"rules\.toString"/);
    assert.match(r.stderr, /\.samenspel\.yaml:5:3: .*"rules\.constructor"/);
    assert.match(r.stderr, /\.samenspel\.yaml:7:1: .*"debounceMs".*5000/);
    assert.equal(r.code, 2, 'a config problem fails a CI run');
    const [file] = files(r.stdout);
    assert.ok(file.findings.some((f) => f.ruleId === 'missing-stakeholder'), 'the misspelt key did not switch a rule off');
    assert.ok(file.findings.some((f) => f.ruleId === 'vague-ambition' && f.severity === 'error'), 'the valid key still applies');
  });

  it('declines an extglob or a 64 K-character glob in scope.exclude with a warning, and checks at once', () => {
    copyFileSync(lea, join(root, 'lea.md'));
    writeFileSync(join(root, '.samenspel.json'), JSON.stringify({ scope: { exclude: ['*(*([a-z-]))z', 'x'.repeat(65536), '**/archief/**'] } }));
    const started = Date.now();
    const r = run(['check', 'lea.md', '--format', 'json'], root);
    const elapsed = Date.now() - started;
    assert.match(r.stderr, /extglob/);
    assert.match(r.stderr, /65536/);
    assert.doesNotMatch(r.stderr, /interne fout|internal error/);
    assert.ok(files(r.stdout)[0].analysed, 'the document is still checked');
    assert.ok(elapsed < 20000, `no backtracking glob: ${elapsed} ms`);
  });

  it('gives a 50 MB file one notice instead of analysis, and a lowered limit applies to an ordinary file', () => {
    const big = join(root, 'groot.md');
    const fd = openSync(big, 'w');
    const line = Buffer.from('De gemeente en het schoolbestuur werken samen aan goed onderwijs voor ieder kind. '.repeat(12) + '\n');
    for (let written = 0; written < 50 * 1024 * 1024; written += line.length) writeSync(fd, line);
    closeSync(fd);
    copyFileSync(lea, join(root, 'lea.md'));

    const r = run(['check', 'groot.md', 'lea.md', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    const [large, ordinary] = files(r.stdout);
    assert.equal(large.analysed, false);
    assert.equal(large.findings.length, 0);
    assert.equal(large.notices!.length, 1);
    assert.match(large.notices![0].message, /het is 50 MB, groter dan de grens van 2 MB \(instelling maxFileSizeKB\)/);
    assert.ok(ordinary.analysed && ordinary.findings.length > 0, 'an ordinary document is far below the default limit');

    const stylish = run(['check', 'groot.md'], root);
    assert.match(stylish.stdout, /groot\.md\n {2}1:1 {5}notice {2}Samenspel controleert dit document niet/);

    writeFileSync(join(root, '.samenspel.yaml'), 'maxFileSizeKB: 1\n');
    const lowered = run(['check', 'lea.md', '--format', 'json'], root);
    assert.equal(lowered.code, 0, lowered.stderr);
    assert.equal(files(lowered.stdout)[0].notices!.length, 1);
    assert.equal(files(lowered.stdout)[0].analysed, false);
  });
});
