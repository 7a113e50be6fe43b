import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './support/lsp-client';

const lea = readFileSync(join(__dirname, '..', 'examples', 'lea-2027-2030.md'), 'utf8');
const base = 'file:///tmp/samenspel-misuse';

/** What the diagnostics say, without the version: to compare an edited document with a fresh open of its text. */
const summary = (diagnostics: Diagnostic[]): string => JSON.stringify(diagnostics.map((d) => [d.code, d.range, d.message]));

/** Nothing escaped a handler: the server logs those to stderr as "uncaught" or "unhandled". */
function assertNoEscapes(client: TestClient): void {
  assert.doesNotMatch(client.stderr, /samenspel: (uncaught|unhandled)/, client.stderr);
  assert.equal(client.process.exitCode, null, 'still running');
}

/** The diagnostics of a fresh open of `text`: what an edited document must end up with. */
async function fresh(client: TestClient, name: string, text: string): Promise<string> {
  const uri = `${base}/fresh-${name}.md`;
  await client.open(uri, text);
  return summary(await client.diagnostics(uri));
}

/** Waits until nothing more is published for `uri` for a while, then returns the last set. */
async function settled(client: TestClient, uri: string, quietMs = 600): Promise<{ version?: number; diagnostics: Diagnostic[] }> {
  let count = -1;
  while (count !== client.published.length) {
    count = client.published.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
  return client.published.filter((p) => p.uri === uri).at(-1)!;
}

describe('language server misuse over stdio', function () {
  this.timeout(60000);
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient();
    await client.initialize();
  });
  afterEach(() => client.stop());

  it('answers requests for a document it never saw, and notifications for it do no harm', async () => {
    const unknown = `${base}/never-opened.md`;
    const position = { line: 0, character: 0 };
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position }), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    assert.equal(await client.connection.sendRequest('samenspel/scan', { textDocument: { uri: unknown } }), null);
    assert.equal(await client.connection.sendRequest('samenspel/lesson', { textDocument: { uri: unknown }, position }), null);
    await client.change(unknown, 2, [{ text: 'x' }]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: unknown } });
    const uri = `${base}/after-unknown.md`;
    await client.open(uri, lea);
    assert.ok((await client.diagnostics(uri)).length > 0, 'still checks documents');
    assertNoEscapes(client);
  });

  it('survives negative and far out-of-range positions in requests', async () => {
    const uri = `${base}/positions.md`;
    await client.open(uri, lea);
    await client.diagnostics(uri);
    const positions = [
      { line: -1, character: -5 },
      { line: 1e6, character: 1e6 },
      { line: 0, character: -1 },
      { line: 2 ** 31, character: 0 },
    ];
    for (const position of positions) {
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri }, position }],
        ['samenspel/lesson', { textDocument: { uri }, position }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: { line: 1e6, character: 0 } }, context: { diagnostics: [] } }],
      ] as const) {
        // An answer, or a protocol error: never a crash or silence.
        await client.connection.sendRequest(method, params).catch((error: { code?: number }) => assert.equal(typeof error.code, 'number'));
      }
    }
    assertNoEscapes(client);
  });

  it('applies incremental edits beyond the end and publishes for the text that results', async () => {
    const uri = `${base}/beyond.md`;
    await client.open(uri, lea);
    await client.diagnostics(uri, (p) => p.version === 1);
    const far = { line: 10000, character: 500 };
    const changes = [
      { range: { start: far, end: far }, text: '\n\nDe gemeenteraad en de schooldirecteuren zijn betrokken.\n' },
      { range: { start: { line: 3, character: 400 }, end: { line: 99999, character: 0 } }, text: '' },
      { range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: '' },
    ];
    const expected = TextDocument.update(TextDocument.create(uri, 'markdown', 1, lea), changes, 2).getText();
    await client.change(uri, 2, changes);
    const got = summary(await client.diagnostics(uri, (p) => p.version === 2));
    assert.equal(got, await fresh(client, 'beyond', expected));
    assertNoEscapes(client);
  });

  it('follows versions going backwards: the last set belongs to the last edit', async () => {
    const uri = `${base}/backwards.md`;
    await client.open(uri, lea, 10);
    await client.diagnostics(uri, (p) => p.version === 10);
    const text = `${lea}\nDe gemeenteraad is betrokken.\n`;
    await client.change(uri, 3, [{ text }]);
    const last = await settled(client, uri);
    assert.equal(last.version, 3);
    assert.equal(summary(last.diagnostics), await fresh(client, 'backwards', text));
    assertNoEscapes(client);
  });

  it('after 1,000 rapid edits publishes last for the last version, with the findings of a fresh open', async () => {
    const uri = `${base}/rapid.md`;
    await client.open(uri, lea);
    await client.diagnostics(uri, (p) => p.version === 1);
    let document = TextDocument.create(uri, 'markdown', 1, lea);
    const sends: Array<Promise<void>> = [];
    for (let version = 2; version <= 1001; version++) {
      // Type a sentence about the council and delete parts of it again, as a writer does.
      const end = document.positionAt(document.getText().length);
      const change = version % 3 === 0 ? { range: { start: document.positionAt(document.getText().length - 1), end }, text: '' } : { range: { start: end, end }, text: version % 50 === 0 ? '\nDe gemeenteraad. ' : 'x' };
      document = TextDocument.update(document, [change], version);
      sends.push(client.change(uri, version, [change]));
    }
    await Promise.all(sends);
    await client.diagnostics(uri, (p) => p.version === 1001, 30000);
    const last = await settled(client, uri);
    assert.equal(last.version, 1001, 'nothing older is published after the last version');
    assert.equal(summary(last.diagnostics), await fresh(client, 'rapid', document.getText()));
    assertNoEscapes(client);
  });

  it('honours $/cancelRequest: a cancelled request is answered or cancelled, and the server keeps serving', async () => {
    const uri = `${base}/cancel.md`;
    await client.open(uri, lea);
    const diagnostics = await client.diagnostics(uri);
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostics[0].range.start }, source.token);
      source.cancel();
      await request.catch((error: { code?: number }) => assert.equal(error.code, -32800, 'RequestCancelled'));
    }
    // A cancellation for a request that does not exist.
    await client.connection.sendNotification('$/cancelRequest', { id: 987654 });
    const hover = await client.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: diagnostics[0].range.start });
    assert.ok(hover?.contents, 'answers after cancellations');
    assertNoEscapes(client);
  });

  it('answers requests after shutdown with an error, and exits with 0 on exit', async () => {
    const uri = `${base}/shutdown.md`;
    await client.open(uri, lea);
    await client.diagnostics(uri);
    await client.connection.sendRequest('shutdown');
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), (e: { code: number }) => typeof e.code === 'number');
    await client.change(uri, 2, [{ text: 'x' }]);
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', resolve));
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 0);
    assert.doesNotMatch(client.stderr, /samenspel: (uncaught|unhandled)/, client.stderr);
  });

  it('exits with 1 on exit without shutdown', async () => {
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', resolve));
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 1);
  });
});

describe('language server with garbage answers to workspace/configuration', function () {
  this.timeout(60000);
  const garbage: Array<[string, unknown]> = [
    ['a string', 'garbage'],
    ['a number', 42],
    ['null', null],
    ['a list', [1, 2, 3]],
    ['wrong types and prototype keys', { rules: 5, toString: 1, constructor: { x: 1 }, scope: 'everything', debounceMs: 'soon' }],
    ['rules: {toString: true}', { rules: { toString: true }, debounceMs: 0 }],
    ['a debounce of 1e9 ms', { debounceMs: 1e9 }],
  ];
  for (const [name, answer] of garbage) {
    it(`with ${name}: warns, keeps checking with the defaults, and re-checks after an edit`, async () => {
      const client = new TestClient(() => answer);
      try {
        await client.initialize();
        const uri = `${base}/garbage.md`;
        await client.open(uri, lea);
        const first = await client.diagnostics(uri, (p) => p.version === 1);
        assert.ok(first.some((d) => d.code === 'missing-stakeholder'), 'the checker is not switched off');
        await client.change(uri, 2, [{ text: `${lea}\nDe gemeenteraad en de schooldirecteuren zijn betrokken.\n` }]);
        // The default wait, never a debounce of 1e9 ms.
        const second = await client.diagnostics(uri, (p) => p.version === 2, 8000);
        assert.ok(!second.some((d) => d.code === 'missing-stakeholder'));
        if (answer !== null) assert.ok(client.messages.some((m) => /instellingen genegeerd/.test(m)), `a warning: ${client.messages.join(' | ')}`);
        assertNoEscapes(client);
      } finally {
        await client.stop();
      }
    });
  }

  it('with an error or a non-list as the whole answer: defaults, and a log line', async () => {
    const replies: Array<() => unknown> = [() => Promise.reject(new Error('nope')), () => 'not a list', () => null];
    for (const reply of replies) {
      const client = new TestClient();
      try {
        client.connection.onRequest('workspace/configuration', reply);
        await client.initialize();
        const uri = `${base}/broken-answer.md`;
        await client.open(uri, lea);
        assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'missing-stakeholder'));
        assertNoEscapes(client);
      } finally {
        await client.stop();
      }
    }
  });
});
