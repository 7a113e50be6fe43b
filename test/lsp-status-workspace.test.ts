/**
 * Issue 10 over stdio: the samenspel/status notification for the status bar, a fresh status and scan after a settings
 * change (bug 4), and samenspel/checkWorkspace — every partnership document of a folder in Problems, with progress,
 * cancellation and files changed or deleted on disk.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { DocumentStatus } from '../server/src/features/status';
import type { CheckWorkspaceResult } from '../server/src/features/workspace';
import { TestClient } from './support/lsp-client';

const root = join(__dirname, '..');
const lea = readFileSync(join(root, 'examples', 'lea-2027-2030.md'), 'utf8');
const notes = readFileSync(join(root, 'examples', 'notulen-overleg.md'), 'utf8');

async function until<T>(what: string, get: () => T | undefined, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timeout: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function start(configuration: (section: string) => unknown): Promise<{ client: TestClient; statuses: DocumentStatus[]; registrations: string[] }> {
  const client = new TestClient(configuration);
  const statuses: DocumentStatus[] = [];
  const registrations: string[] = [];
  client.connection.onNotification('samenspel/status', (s: DocumentStatus) => void statuses.push(s));
  client.connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string }> }) => {
    registrations.push(...p.registrations.map((r) => r.method));
    return null;
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    initializationOptions: { status: true },
  });
  await client.connection.sendNotification('initialized', {});
  return { client, statuses, registrations };
}

describe('language server: samenspel/status', function () {
  this.timeout(30000);

  it('tells the status bar the findings and green scan factors after each check, and why a document is not checked', async () => {
    const { client, statuses } = await start(() => ({ debounceMs: 0 }));
    try {
      const uri = 'file:///tmp/samenspel-status/lea.md';
      await client.open(uri, lea);
      const diagnostics = await client.diagnostics(uri);
      const status = await until('a status for lea', () => statuses.find((s) => s.uri === uri));
      assert.deepEqual([status.analysed, status.version, status.findings], [true, 1, diagnostics.length]);
      const scan = await client.connection.sendRequest<{ items: Array<{ status: string }> }>('samenspel/scan', { textDocument: { uri } });
      assert.deepEqual(status.scan, { green: scan.items.filter((i) => i.status === 'green').length, total: 6 });

      const notesUri = 'file:///tmp/samenspel-status/notulen.md';
      await client.open(notesUri, notes);
      const other = await until('a status for the notes', () => statuses.find((s) => s.uri === notesUri));
      assert.equal(other.analysed, false);
      assert.notEqual(other.scope.code, 'declared');
      assert.equal(other.scan, null);
    } finally {
      await client.stop();
    }
  });

  it('is not sent to a client that did not ask for it', async () => {
    const client = new TestClient();
    const statuses: unknown[] = [];
    client.connection.onNotification('samenspel/status', (s) => void statuses.push(s));
    try {
      await client.initialize();
      const uri = 'file:///tmp/samenspel-status/quiet.md';
      await client.open(uri, lea);
      await client.diagnostics(uri);
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(statuses, []);
    } finally {
      await client.stop();
    }
  });

  // Bug 4: the scan waited for the next keystroke after a setting changed.
  it('checks again and sends a new status when a setting changes, without an edit', async () => {
    let rules: Record<string, string> = {};
    const { client, statuses } = await start(() => ({ debounceMs: 0, rules }));
    try {
      const uri = 'file:///tmp/samenspel-status/settings.md';
      await client.open(uri, lea);
      const before = await until('first status', () => statuses.find((s) => s.uri === uri));
      const missing = (await client.diagnostics(uri)).filter((d) => d.code === 'missing-stakeholder').length;
      assert.ok(missing > 0);
      rules = { 'missing-stakeholder': 'off' };
      const seen = statuses.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const after = await until('a status after the settings change', () => statuses.slice(seen).find((s) => s.uri === uri));
      assert.equal(after.version, before.version, 'no edit happened');
      assert.equal(after.findings, before.findings - missing);
      assert.ok(after.scan!.green > before.scan!.green, 'factor 1 turns green without the missing-stakeholder findings');
    } finally {
      await client.stop();
    }
  });
});

describe('language server: samenspel/checkWorkspace', function () {
  this.timeout(60000);
  let dir: string;
  let outside: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'samenspel-ws-'));
    outside = mkdtempSync(join(tmpdir(), 'samenspel-outside-'));
    mkdirSync(join(dir, 'convenanten', 'oud'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'convenanten', 'lea.md'), lea);
    writeFileSync(join(dir, 'convenanten', 'oud', 'lea-2020.markdown'), lea);
    writeFileSync(join(dir, 'notulen.md'), notes);
    writeFileSync(join(dir, 'node_modules', 'pkg', 'lea.md'), lea);
    writeFileSync(join(dir, 'open.md'), lea);
    writeFileSync(join(dir, 'groot.md'), lea + 'x'.repeat(5 * 1024 * 1024 + 10));
    writeFileSync(join(outside, 'lea.md'), lea);
    symlinkSync(outside, join(dir, 'link'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const uriOf = (...parts: string[]): string => pathToFileURL(join(dir, ...parts)).href;

  it('puts the findings of every partnership document in the folder in Problems, with progress, and keeps watching', async () => {
    const { client, registrations } = await start(() => ({ debounceMs: 0 }));
    const progress: Array<{ kind: string; message?: string; percentage?: number }> = [];
    client.connection.onNotification('$/progress', (p: { token: string; value: { kind: string; message?: string } }) => {
      if (p.token === 'ws-1') progress.push(p.value);
    });
    try {
      // Open, with a text that differs from the disk: the editor's text wins.
      const open = uriOf('open.md');
      await client.open(open, '# Boodschappen\n\nMelk en brood.\n');
      await client.diagnostics(open);
      const result = await client.connection.sendRequest<CheckWorkspaceResult>('samenspel/checkWorkspace', { folders: [pathToFileURL(dir).href], workDoneToken: 'ws-1' });
      // lea.md, lea-2020.markdown, notulen.md, open.md, groot.md — not node_modules, not through the symlink.
      assert.deepEqual(result, { files: 5, checked: 2, findings: result.findings, skipped: 1, cancelled: false });
      const lea1 = await client.diagnostics(uriOf('convenanten', 'lea.md'));
      const lea2 = await client.diagnostics(uriOf('convenanten', 'oud', 'lea-2020.markdown'));
      assert.ok(lea1.length > 0 && lea1.length === lea2.length);
      assert.equal(result.findings, lea1.length * 2);
      const publishedFor = (uri: string): PublishDiagnosticsParams[] => client.published.filter((p) => p.uri === uri);
      assert.deepEqual(publishedFor(uriOf('notulen.md')), [], 'nothing for a document that is not a partnership document');
      assert.deepEqual(publishedFor(uriOf('node_modules', 'pkg', 'lea.md')), []);
      assert.deepEqual(publishedFor(uriOf('link', 'lea.md')), []);
      assert.deepEqual(publishedFor(pathToFileURL(join(outside, 'lea.md')).href), []);
      assert.ok(publishedFor(open).every((p) => p.diagnostics.length === 0), 'the open text, not the disk, decides');
      assert.equal(progress[0].kind, 'begin');
      assert.equal(progress.at(-1)!.kind, 'end');
      assert.deepEqual(progress.filter((p) => p.kind === 'report').map((p) => p.message), ['1/5', '2/5', '3/5', '4/5', '5/5']);
      assert.ok(registrations.includes('workspace/didChangeWatchedFiles'), 'asks the editor to watch Markdown files');

      // Changed on disk: checked again. The council gets named, so its finding goes.
      const path = join(dir, 'convenanten', 'lea.md');
      writeFileSync(path, `${lea}\nDe gemeenteraad stelt het budget vast.\n`);
      const seen = client.published.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('convenanten', 'lea.md'), type: 2 }] });
      const changed = await until('diagnostics after the change', () => client.published.slice(seen).find((p) => p.uri === uriOf('convenanten', 'lea.md')));
      assert.equal(changed.diagnostics.length, lea1.length - 1);

      // Deleted on disk: its findings leave Problems.
      unlinkSync(path);
      const seen2 = client.published.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('convenanten', 'lea.md'), type: 3 }] });
      const gone = await until('diagnostics after the delete', () => client.published.slice(seen2).find((p) => p.uri === uriOf('convenanten', 'lea.md')));
      assert.deepEqual(gone.diagnostics, []);

      // Closed in the editor: the file on disk counts again (and it is a partnership document there).
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: open } });
      await until('diagnostics of open.md from disk', () => client.published.filter((p) => p.uri === open).find((p) => p.diagnostics.length === lea1.length));
    } finally {
      await client.stop();
    }
  });

  it('stops when cancelled', async () => {
    const many = mkdtempSync(join(tmpdir(), 'samenspel-many-'));
    try {
      for (let i = 0; i < 400; i++) writeFileSync(join(many, `lea-${i}.md`), lea);
      const { client } = await start(() => ({ debounceMs: 0 }));
      try {
        const reports: string[] = [];
        client.connection.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => {
          if (p.value.kind === 'report') reports.push(p.value.message!);
        });
        const { CancellationTokenSource } = await import('vscode-jsonrpc');
        const source = new CancellationTokenSource();
        const request = client.connection.sendRequest<CheckWorkspaceResult>('samenspel/checkWorkspace', { folders: [pathToFileURL(many).href], workDoneToken: 'ws-2' }, source.token);
        await until('some progress', () => (reports.length >= 3 ? true : undefined), 30000);
        source.cancel();
        const outcome = await request.then((r) => r, (e: { code?: number }) => e);
        const checked = client.published.filter((p) => p.uri.includes('samenspel-many-')).length;
        assert.ok(checked < 400, `stopped after ${checked} of 400 files`);
        if ('cancelled' in outcome) assert.equal(outcome.cancelled, true);
        else assert.equal(outcome.code, -32800, 'RequestCancelled');
      } finally {
        await client.stop();
      }
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });
});
