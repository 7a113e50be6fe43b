import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { SERVER_BIN } from './support/lsp-client';

/** One JSON-RPC message, framed as the protocol says. */
const frame = (message: object): Buffer => {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};
const initialize = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

interface Outcome {
  /** The exit code, or null when the server is still running after the wait. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Sends raw bytes to a fresh server over stdio and waits until it exits or `waitMs` passes. */
function send(bytes: Buffer, waitMs = 4000): Promise<Outcome> {
  return new Promise((resolve) => {
    const server = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    server.stdout.on('data', (d) => (stdout += d));
    server.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      server.removeAllListeners('exit');
      server.kill();
      resolve({ code: null, stdout, stderr });
    }, waitMs);
    server.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    server.stdin.write(bytes);
  });
}

describe('language server with broken JSON-RPC framing (raw bytes over stdio)', function () {
  this.timeout(30000);

  const fatal: Array<[string, Buffer]> = [
    ['a Content-Length that is no number', Buffer.concat([Buffer.from('Content-Length: abc\r\n\r\n{}'), initialize])],
    ['a negative Content-Length', Buffer.concat([Buffer.from('Content-Length: -5\r\n\r\n{"x":1}'), initialize])],
    ['a too-short Content-Length', Buffer.concat([Buffer.from('Content-Length: 10\r\n\r\n'), initialize.subarray(initialize.indexOf('{')), initialize])],
    ['a header without Content-Length', Buffer.concat([Buffer.from('Content-Type: application/json\r\n\r\n{}'), initialize])],
    ['a Content-Length no message can have', Buffer.from('Content-Length: 99999999999\r\n\r\n{}')],
  ];
  for (const [name, bytes] of fatal) {
    it(`logs ${name} on stderr and exits with code 1, writing nothing to stdout`, async () => {
      const outcome = await send(bytes);
      assert.equal(outcome.code, 1, `exits instead of hanging; stderr: ${outcome.stderr}`);
      assert.match(outcome.stderr, /samenspel: broken JSON-RPC framing/);
      assert.doesNotMatch(outcome.stdout, /"result"/, 'the broken stream is not half-answered');
    });
  }

  it('logs a well-framed message that is not JSON, and stays usable: the next request is answered', async () => {
    const outcome = await send(Buffer.concat([Buffer.from('Content-Length: 5\r\n\r\n{oops'), initialize]), 3000);
    assert.equal(outcome.code, null, `still running; stderr: ${outcome.stderr}`);
    assert.match(outcome.stderr, /samenspel: ignored a message that is not valid JSON/);
    assert.match(outcome.stdout, /^Content-Length: \d+\r\n\r\n\{"jsonrpc":"2\.0","id":1,"result":\{"capabilities"/);
  });

  it('exits when the editor closes the stream without shutdown', async () => {
    const outcome = await new Promise<number | null>((resolve) => {
      const server = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      server.on('exit', resolve);
      server.stdin.end(initialize);
    });
    assert.equal(outcome, 1);
  });
});
