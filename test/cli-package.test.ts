import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const repo = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// No update check and no audit: the install must not need the network (the package has no dependencies).
const env = { ...process.env, LANG: 'nl_NL.UTF-8', NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

describe('the npm package (npm pack, installed into an empty folder)', function () {
  // Packing and installing take a few seconds alone, more on a loaded machine.
  this.timeout(180_000);
  let project: string;
  let files: string[];

  before(function () {
    const out = mkdtempSync(join(tmpdir(), 'samenspel-pack-'));
    // --ignore-scripts: `npm test` has just built dist/; prepare would only build it again.
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: repo, encoding: 'utf8', env })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed[0].files.map((f) => f.path).sort();
    project = mkdtempSync(join(tmpdir(), 'samenspel-install-'));
    writeFileSync(join(project, 'package.json'), '{"private": true}\n');
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(out, packed[0].filename)], { cwd: project, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  });

  // The schema ships for the `# yaml-language-server: $schema=` line the README documents.
  it('holds only what the CLI and the language server need at run time, and the settings schema', () => {
    const rules = readdirSync(join(repo, 'docs', 'rules')).map((f) => `docs/rules/${f}`);
    assert.deepEqual(files, ['LICENSE', 'README.md', 'bin/samenspel-language-server.js', 'bin/samenspel.js', 'dist/cli.js', 'dist/server.js', ...rules, 'package.json', 'schemas/samenspel.schema.json'].sort());
    for (const f of files) assert.doesNotMatch(f, /^(server|client|test|e2e|bench|scripts|examples)\/|\.ts$|\.map$/, f);
  });

  it('installs without pulling in any dependency: everything it runs is bundled', () => {
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['samenspel']);
  });

  it('runs `npx samenspel check` from the installed package', () => {
    copyFileSync(join(repo, 'examples', 'lea-2027-2030.md'), join(project, 'lea.md'));
    const r = spawnSync(npx, ['--no', 'samenspel', 'check', 'lea.md'], { cwd: project, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /gemeenteraad/);
    assert.match(r.stdout, /les 1: Betrek alle belanghebbenden/);
    const sarif = spawnSync(npx, ['--no', 'samenspel', 'check', 'lea.md', '--format', 'sarif'], { cwd: project, encoding: 'utf8', env });
    const helpUri = new URL(JSON.parse(sarif.stdout).runs[0].tool.driver.rules[0].helpUri as string);
    assert.ok(existsSync(helpUri), `the rule page ships with the package: ${helpUri.href}`);
  });

  it('starts `samenspel-language-server --stdio` from the installed package, answers initialize and checks a document', async () => {
    const bin = join(project, 'node_modules', '.bin', 'samenspel-language-server');
    const server = spawn(bin, ['--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'], env });
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += d));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.diagnostics.length) resolve(p);
      });
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 0 })));
    connection.onNotification('window/logMessage', () => undefined);
    // A server that cannot start fails the test at once, rather than at the timeout.
    const exited = new Promise<never>((_, reject) => server.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`))));
    const orExit = <T>(p: Promise<T>): Promise<T> => Promise.race([p, exited]);
    connection.listen();
    try {
      const init = await orExit(connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } }));
      assert.ok(init.capabilities.textDocumentSync, JSON.stringify(init));
      await connection.sendNotification('initialized', {});
      const uri = pathToFileURL(join(project, 'lea.md')).href;
      const text = readFileSync(join(repo, 'examples', 'lea-2027-2030.md'), 'utf8');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const diagnostics = (await orExit(published)).diagnostics;
      assert.ok(diagnostics.some((d) => JSON.stringify(d.message).includes('gemeenteraad')), JSON.stringify(diagnostics[0]));
      await connection.sendRequest('shutdown');
      const code = new Promise<number | null>((resolve) => server.once('exit', resolve));
      exited.catch(() => undefined);
      await connection.sendNotification('exit');
      assert.equal(await code, 0, stderr);
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});
