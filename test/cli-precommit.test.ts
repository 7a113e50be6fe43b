import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const repo = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> };

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types: string[];
}

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('declares one node hook for Markdown files whose entry is `samenspel check`', () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook.id, 'samenspel');
    assert.ok(hook.name);
    assert.equal(hook.entry, 'samenspel check');
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['markdown']);
    assert.ok(pkg.bin[hook.entry.split(' ')[0]], 'the entry is a command the package installs');
  });

  it('runs on the file names pre-commit passes, and fails the commit on an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-precommit-'));
    copyFileSync(join(repo, 'examples', 'lea-2027-2030.md'), join(dir, 'lea 2027.md'));
    copyFileSync(join(repo, 'examples', 'notulen-overleg.md'), join(dir, 'notulen.md'));
    writeFileSync(join(dir, 'README.md'), '# Over deze map\n\nHier staan de convenanten.\n');
    // pre-commit runs the entry with the staged files appended, from the repository root.
    const [command, ...args] = hooks[0].entry.split(' ');
    const hook = (cwd: string): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [join(repo, pkg.bin[command]), ...args, 'lea 2027.md', 'notulen.md', 'README.md'], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'nl_NL.UTF-8', NO_COLOR: '1' } });
    let r = hook(dir);
    assert.equal(r.status, 0, String(r.stderr));
    const out = String(r.stdout);
    assert.match(out, /^lea 2027\.md$/m);
    assert.match(out, /gemeenteraad/);
    assert.match(out, /notulen\.md: geen samenwerkingsdocument, overgeslagen/);
    assert.match(out, /in 1 gecontroleerde bestanden; 2 overgeslagen/);
    writeFileSync(join(dir, '.samenspel.yaml'), 'rules:\n  missing-stakeholder: error\n');
    r = hook(dir);
    assert.equal(r.status, 1, 'an error-level finding blocks the commit');
  });
});
