import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_BIN } from './support/lsp-client';

/** The stdout of a server over stdio cut into JSON-RPC frames; throws on any byte that is not part of one. */
function frames(stdout: Buffer): Array<{ method?: string; params?: { message?: string } }> {
  const messages = [];
  let at = 0;
  while (at < stdout.length) {
    const head = stdout.indexOf('\r\n\r\n', at);
    const header = /^Content-Length: (\d+)$/.exec(stdout.subarray(at, head).toString('ascii'));
    assert.ok(head > 0 && header, `not a JSON-RPC frame at byte ${at}: ${JSON.stringify(stdout.subarray(at, at + 60).toString())}`);
    const start = head + 4;
    messages.push(JSON.parse(stdout.subarray(start, start + Number(header[1])).toString('utf8')));
    at = start + Number(header[1]);
  }
  return messages;
}

describe('language server stdout over stdio', function () {
  this.timeout(20000);

  it('carries only JSON-RPC, also when code in the server prints with console.*: messages become window/logMessage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-stdout-'));
    // Runs inside the server process, after it has connected: as a dependency printing a warning would.
    const preload = join(dir, 'print.cjs');
    writeFileSync(preload, "setTimeout(() => { console.log('hallo van console.log'); console.info('info'); console.warn('warn'); console.dir({ a: 1 }); console.table([{ a: 1 }]); console.count(); console.time('t'); console.timeEnd('t'); }, 300);\n");
    try {
      const server = spawn(process.execPath, ['--require', preload, SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      server.stdout.on('data', (d: Buffer) => out.push(d));
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
      server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      server.kill();
      const messages = frames(Buffer.concat(out));
      const logged = messages.filter((m) => m.method === 'window/logMessage').map((m) => m.params?.message);
      assert.ok(logged.includes('hallo van console.log'), `console.log reaches the client's log: ${JSON.stringify(logged)}`);
      assert.ok(logged.includes('warn'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends console output to stderr once the client stops reading, instead of failing over and over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-stdout-'));
    // The first message fails to reach the closed stdout; those after it must reach stderr.
    const preload = join(dir, 'print.cjs');
    writeFileSync(preload, "setTimeout(() => console.log('eins'), 400); setTimeout(() => console.log('zwei'), 800); setTimeout(() => console.error('drei'), 1000);\n");
    try {
      const server = spawn(process.execPath, ['--require', preload, SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // The client goes away from stdout but keeps stdin open: the server stays up.
      server.stdout.destroy();
      await new Promise((resolve) => setTimeout(resolve, 1600));
      assert.equal(server.exitCode, null, `the server is still running: ${stderr}`);
      server.kill();
      assert.match(stderr, /zwei/);
      assert.match(stderr, /drei/);
      // Each failed log message is reported once, not again and again.
      assert.ok((stderr.match(/Sending log message failed/g) ?? []).length <= 2, stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
