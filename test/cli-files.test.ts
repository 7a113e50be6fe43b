import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const repo = join(__dirname, '..');
const lea = join(repo, 'examples', 'lea-2027-2030.md');

/** As root, permissions do not stop reading: then the CLI runs as nobody, so an unreadable file is unreadable. */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-files-'));
  chmodSync(dir, 0o755);
  return dir;
}

let bin: string | undefined;
/**
 * The built CLI. Run as nobody, a copy of it (the bin script, its bundle and the rule pages it links to) in a folder
 * anyone can read: nobody may not reach the repository itself, say a clone in a private temporary folder.
 */
function cli(): string {
  if (bin) return bin;
  if (!asUser.uid) return (bin = join(repo, 'bin', 'samenspel.js'));
  const copy = tempDir();
  for (const path of ['bin/samenspel.js', 'dist/cli.js', ...readdirSync(join(repo, 'docs', 'rules')).map((f) => `docs/rules/${f}`)]) {
    mkdirSync(dirname(join(copy, path)), { recursive: true, mode: 0o755 });
    copyFileSync(join(repo, path), join(copy, path));
  }
  return (bin = join(copy, 'bin', 'samenspel.js'));
}

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  // A timeout, so that a hang (a FIFO read) fails the test instead of stalling the suite.
  const r = spawnSync(process.execPath, [cli(), ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, LANG: 'nl_NL.UTF-8', NO_COLOR: '1' }, ...asUser });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type JsonFile = { path: string; analysed: boolean; error?: string; findings: unknown[] };
const filesOf = (stdout: string): JsonFile[] => (JSON.parse(stdout) as { files: JsonFile[] }).files;

describe('samenspel check: what a folder may hold', () => {
  it('reports each bad entry in one line, skips it, and still checks and reports the other files', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'geheim.md'), '# Convenant geheim\n\nGEHEIME-TEKST van de gemeente en het schoolbestuur.\n');
    const dir = tempDir();
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    copyFileSync(lea, join(docs, 'a-lea.md'));
    execFileSync('mkfifo', [join(docs, 'pijp.md')]);
    symlinkSync('/dev/zero', join(docs, 'nul.md'));
    symlinkSync('lus.md', join(docs, 'lus.md'));
    symlinkSync('weg.md', join(docs, 'kapot.md'));
    symlinkSync(join(outside, 'geheim.md'), join(docs, 'buiten.md'));
    symlinkSync(outside, join(docs, 'buitenmap.md'));
    symlinkSync('.', join(docs, 'zelf.md'));
    symlinkSync('a-lea.md', join(docs, 'binnen.md'));
    writeFileSync(join(docs, 'dicht.md'), '# Convenant\n');
    chmodSync(join(docs, 'dicht.md'), 0o000);
    mkdirSync(join(docs, 'map.md'));
    copyFileSync(lea, join(docs, 'map.md', 'in-map.md'));
    mkdirSync(join(docs, 'ünïcode map'));
    copyFileSync(lea, join(docs, 'ünïcode map', 'çonvenant €.md'));

    const r = run(['check', 'docs', '--format', 'json'], dir);
    assert.notEqual(r.code, null, 'finishes (no hang on the FIFO)');
    assert.equal(r.code, 2, r.stderr);
    const files = filesOf(r.stdout);
    const byName = new Map(files.map((f) => [f.path.slice('docs/'.length), f]));
    const problems: Record<string, RegExp> = {
      'pijp.md': /FIFO/,
      'nul.md': /buiten de map/,
      'lus.md': /lus/,
      'kapot.md': /iets dat niet bestaat/,
      'buiten.md': /buiten de map: niet gevolgd/,
      'buitenmap.md': /buiten de map/,
      'dicht.md': /geen toegang/,
    };
    for (const [name, message] of Object.entries(problems)) {
      assert.match(byName.get(name)?.error ?? '', message, name);
      assert.match(r.stderr, new RegExp(`^samenspel: docs/${name.replace('.', '\\.')}: `, 'm'));
    }
    assert.equal(r.stderr.trim().split('\n').length, Object.keys(problems).length, `one line each:\n${r.stderr}`);
    for (const name of ['a-lea.md', 'binnen.md', 'map.md/in-map.md', 'ünïcode map/çonvenant €.md']) {
      assert.ok(byName.get(name)?.analysed, name);
      assert.ok(byName.get(name)!.findings.length > 0, name);
    }
    assert.ok(!byName.has('zelf.md'), 'a link to a folder inside is not walked again');
    assert.doesNotMatch(r.stdout, /GEHEIME-TEKST|geheim/, 'nothing from outside the folder appears in the report');
    assert.deepEqual(files.map((f) => f.path), [...files.map((f) => f.path)].sort((a, b) => a.localeCompare(b)), 'in name order');

    const stylish = run(['check', 'docs'], dir);
    assert.match(stylish.stdout, /in 4 gecontroleerde bestanden; 0 overgeslagen, 7 onleesbaar/);
  });

  it('refuses a FIFO or a device given by name, without blocking, and reads no more than it may', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pijp.md')]);
    symlinkSync('/dev/zero', join(dir, 'nul.md'));
    const r = run(['check', 'pijp.md', 'nul.md', '/dev/zero'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'samenspel: pijp.md: named pipe (FIFO), geen bestand: overgeslagen',
      'samenspel: nul.md: apparaatbestand, geen gewoon bestand: overgeslagen',
      'samenspel: /dev/zero: apparaatbestand, geen gewoon bestand: overgeslagen',
    ]);
  });

  it('stops reading a file at the read cap and reports it as too large', () => {
    const dir = tempDir();
    // A sparse file: 65 MB long, no disk space used; only the first 64 MB + 1 byte are read.
    execFileSync('truncate', ['-s', '65M', join(dir, 'groot.md')]);
    // The size limit (maxFileSizeKB) would decline it unread; raised to its maximum, the read cap is what stops it.
    writeFileSync(join(dir, '.samenspel.yaml'), 'maxFileSizeKB: 1048576\n');
    const r = run(['check', 'groot.md'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), 'samenspel: groot.md: te groot (meer dan 64 MB): niet gelezen');
  });

  it('checks a folder named x.md as a folder, and a unicode path given by name', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x.md'));
    copyFileSync(lea, join(dir, 'x.md', 'lea.md'));
    copyFileSync(lea, join(dir, 'lokale educatieve agenda – Ådalen.md'));
    const r = run(['check', 'x.md', 'lokale educatieve agenda – Ådalen.md', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(filesOf(r.stdout).map((f) => [f.path, f.analysed]), [['x.md/lea.md', true], ['lokale educatieve agenda – Ådalen.md', true]]);
  });
});

describe('samenspel check: what a file may hold', () => {
  const text = '# Convenant kindcentrum\n\nDe gemeente en het schoolbestuur werken samen.\n';
  const cases: Array<[string, Buffer, RegExp]> = [
    ['utf16le-bom.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), /UTF-16-tekst; sla het bestand op als UTF-8/],
    ['utf16be-bom.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), /UTF-16-tekst; sla het bestand op als UTF-8/],
    ['utf16le.md', Buffer.from(text, 'utf16le'), /UTF-16-tekst/],
    ['ongeldig.md', Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0xff])]), /geen geldige UTF-8-tekst/],
    ['nul.md', Buffer.from(`${text}\u0000\u0000rest`), /binair bestand/],
    ['plaatje.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /binair bestand/],
  ];

  for (const [name, bytes, message] of cases) {
    it(`${name}: one clear line naming the file, exit 2`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, name), bytes);
      const r = run(['check', name], dir);
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^samenspel: ${name.replace('.', '\\.')}: ${message.source}`));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }

  it('reads UTF-8 with a byte order mark as UTF-8, with positions as without it', () => {
    const dir = tempDir();
    const plain = readFileSync(lea);
    writeFileSync(join(dir, 'met-bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]));
    writeFileSync(join(dir, 'zonder-bom.md'), plain);
    const withBom = filesOf(run(['check', 'met-bom.md', '--format', 'json'], dir).stdout)[0];
    const without = filesOf(run(['check', 'zonder-bom.md', '--format', 'json'], dir).stdout)[0];
    assert.ok(withBom.analysed && withBom.findings.length > 0);
    assert.deepEqual(withBom.findings, without.findings);
  });
});
