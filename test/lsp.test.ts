import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/engine';
import { applyEdits } from './support/apply';
import { TestClient } from './support/lsp-client';

const examples = join(__dirname, '..', 'examples');
const lea = readFileSync(join(examples, 'lea-2027-2030.md'), 'utf8');
const uri = 'file:///tmp/samenspel-test/lea-2027-2030.md';

describe('language server over stdio', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.ok(init.capabilities.codeActionProvider, 'offers code actions');
    assert.ok(init.capabilities.hoverProvider, 'offers hover');
  });
  after(() => client.stop());

  it('publishes diagnostics on open, with source, code and a link to the rule docs', async () => {
    await client.open(uri, lea);
    const diagnostics = await client.diagnostics(uri, (p) => p.version === 1);
    const groups = diagnostics.filter((d) => d.code === 'missing-stakeholder').map((d) => (d.data as { group: string }).group);
    assert.deepEqual(groups.sort(), ['gemeenteraad', 'schooldirecteuren']);
    for (const d of diagnostics) {
      assert.equal(d.source, 'samenspel');
      assert.ok(d.codeDescription && existsSync(fileURLToPath(d.codeDescription.href)), `rule docs exist: ${d.codeDescription?.href}`);
    }
  });

  it('offers the lesson-citing quick-fix, which removes the finding after the change', async () => {
    const diagnostics = await client.diagnostics(uri, (p) => p.version === 1);
    const council = diagnostics.find((d) => (d.data as { group?: string }).group === 'gemeenteraad')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: council.range,
      context: { diagnostics: [council] },
    });
    const fix = actions.find((a) => a.title.startsWith('Voeg de gemeenteraad toe'));
    assert.ok(fix, `a fix for the council among ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(fix.title, /les 1: Betrek alle belanghebbenden/);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit!.changes![uri] as TextEdit[];
    // Send the edit as an editor does: as incremental range changes.
    await client.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.ok(!after.some((d) => (d.data as { group?: string }).group === 'gemeenteraad'), 'council finding is gone');
    assert.ok(after.some((d) => (d.data as { group?: string }).group === 'schooldirecteuren'), 'directors finding stays');
  });

  it('shows the lesson on hover: advice, pitfall and an attributed quote', async () => {
    const diagnostics = await client.diagnostics(uri, (p) => p.version === 2);
    const directors = diagnostics.find((d) => (d.data as { group?: string }).group === 'schooldirecteuren')!;
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: directors.range.start });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /les 1: Betrek alle belanghebbenden/);
    assert.match(value, /Valkuil/);
    assert.match(value, /„Menigmaal wordt op bestuurlijk niveau een afspraak gemaakt/);
    assert.match(value, /Succesfactor 1, valkuil/);
    assert.match(value, /Eindhoven/);
  });

  it('answers an unknown request with MethodNotFound and keeps serving', async () => {
    await assert.rejects(client.connection.sendRequest('samenspel/doesNotExist', {}), (e: { code: number }) => e.code === -32601);
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');
  });

  it('reports a binary document in one clear diagnostic instead of crashing', async () => {
    const binary = 'file:///tmp/samenspel-test/binary.md';
    await client.open(binary, 'PK\u0003\u0004\u0000\u0000 onleesbaar');
    const diagnostics = await client.diagnostics(binary);
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /binair bestand/);
  });

  it('stays silent on documents that are not partnership documents', async () => {
    const notes = 'file:///tmp/samenspel-test/notulen.md';
    await client.open(notes, readFileSync(join(examples, 'notulen-overleg.md'), 'utf8'));
    assert.deepEqual(await client.diagnostics(notes), []);
  });

  it('clears diagnostics when a document closes', async () => {
    const count = client.published.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= count);
    assert.deepEqual(cleared, []);
  });
});

describe('language server under edits that outpace it', () => {
  it('never lets a result for an older version overwrite a newer one', async () => {
    // Settings arrive slowly and are asked again after each edit, so every edit lands while the previous analysis
    // is still waiting for them.
    const client = new TestClient(() => new Promise((resolve) => setTimeout(() => resolve({ debounceMs: 0 }), 100)));
    try {
      await client.initialize();
      const doc = 'file:///tmp/samenspel-test/race.md';
      await client.open(doc, lea);
      await client.diagnostics(doc, (p) => p.version === 1);
      const texts = new Map<number, string>();
      let text = lea;
      const at = text.split('\n').findIndex((l) => l.startsWith('## ')) + 1;
      const point = { start: { line: at, character: 0 }, end: { line: at, character: 0 } };
      // Each version differs in findings: directors named, not named, council named.
      const edits = [
        { version: 2, range: point, text: 'De schoolleiders vormen de werkgroep.\n' },
        { version: 3, range: { start: point.start, end: { line: at + 1, character: 0 } }, text: '' },
        { version: 4, range: point, text: 'De gemeenteraad wordt geïnformeerd.\n' },
      ];
      for (const e of edits) {
        text = applyEdits(text, [{ range: e.range, newText: e.text }]);
        texts.set(e.version, text);
        await client.change(doc, e.version, [{ range: e.range, text: e.text }]);
        // Settings are cached per document; a configuration change makes the next analysis wait for them again.
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await new Promise((r) => setTimeout(r, 130));
      }
      await client.diagnostics(doc, (p) => p.version === 4);
      await new Promise((r) => setTimeout(r, 400));
      const published = client.published.filter((p) => p.uri === doc && p.version! >= 2);
      assert.equal(published.at(-1)!.version, 4, 'the last diagnostics are for the last version');
      for (const p of published) {
        const expected = analyze(texts.get(p.version!)!).findings.map((f) => `${f.ruleId} ${JSON.stringify(f.data)}`).sort();
        const got = p.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.data)}`).sort();
        assert.deepEqual(got, expected, `diagnostics labelled version ${p.version} describe that version`);
      }
    } finally {
      await client.stop();
    }
  });
});

describe('language server settings', () => {
  it('applies rule levels from workspace/configuration and reports broken ones without failing', async () => {
    const client = new TestClient(() => ({ debounceMs: 0, rules: { 'missing-stakeholder': 'error', 'vague-ambition': 'loud' } }));
    try {
      await client.initialize();
      const doc = 'file:///tmp/samenspel-test/ihp.md';
      const text = readFileSync(join(examples, 'ihp-vage-ambities.md'), 'utf8') + '\n';
      await client.open(doc, text);
      const diagnostics = await client.diagnostics(doc);
      const expected = analyze(text).findings.filter((f) => f.ruleId === 'vague-ambition').length;
      assert.ok(expected > 0);
      assert.equal(diagnostics.filter((d) => d.code === 'vague-ambition').length, expected, 'a broken level falls back to the default');
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(client.messages.some((m) => /vague-ambition/.test(m) && /loud/.test(m)), `warned about the bad level: ${client.messages}`);
    } finally {
      await client.stop();
    }
  });

  it('honours a rule switched off', async () => {
    const client = new TestClient(() => ({ debounceMs: 0, rules: { 'missing-stakeholder': 'off' } }));
    try {
      await client.initialize();
      const doc = 'file:///tmp/samenspel-test/lea.md';
      await client.open(doc, lea);
      assert.deepEqual((await client.diagnostics(doc)).filter((d) => d.code === 'missing-stakeholder'), []);
    } finally {
      await client.stop();
    }
  });
});

// The edit helper is shared with the fix tests; make sure it agrees with the server's view of ranges.
describe('edits', () => {
  it('applies LSP edits to text', () => {
    assert.equal(applyEdits('ab\ncd', [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, newText: 'X' }]), 'ab\ncXd');
  });
});

describe('custom requests for the VS Code commands', () => {
  it('samenspel/lesson returns the lesson under the cursor; samenspel/scan rates the six factors', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const doc = 'file:///tmp/samenspel-test/lea-scan.md';
      await client.open(doc, lea);
      const diagnostics = await client.diagnostics(doc);
      const lesson = await client.connection.sendRequest<{ markdown: string } | null>('samenspel/lesson', { textDocument: { uri: doc }, position: diagnostics[0].range.start });
      assert.match(lesson!.markdown, /les 1: Betrek alle belanghebbenden/);
      assert.match(lesson!.markdown, /— Succesfactor 1, valkuil/, 'quotes cite what a reader can find');
      assert.equal(await client.connection.sendRequest('samenspel/lesson', { textDocument: { uri: doc }, position: { line: 0, character: 0 } }), null);
      const scan = await client.connection.sendRequest<{ items: Array<{ factor: number; status: string; locations: unknown[] }> }>('samenspel/scan', { textDocument: { uri: doc } });
      assert.deepEqual(scan.items.map((i) => i.factor), [1, 2, 3, 4, 5, 6]);
      assert.equal(scan.items[0].status, 'red', 'two groups missing');
      assert.ok(scan.items[0].locations.length >= 3, 'links to the parties heading and both findings');
    } finally {
      await client.stop();
    }
  });
});

describe('quick-fixes that insert fields to fill in', () => {
  const council = async (workspace: Record<string, unknown>): Promise<CodeAction> => {
    const client = new TestClient();
    try {
      await client.initialize(workspace);
      await client.open(uri, lea);
      const diagnostics = await client.diagnostics(uri, (p) => p.version === 1);
      const finding = diagnostics.find((d) => (d.data as { group?: string }).group === 'gemeenteraad')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
      return actions.find((a) => a.title.startsWith('Voeg de gemeenteraad toe'))!;
    } finally {
      client.stop();
    }
  };

  it('select the first field as a snippet tab stop where the client supports snippet edits', async () => {
    const fix = await council({ workspaceEdit: { snippetEditSupport: true, documentChanges: true } });
    const change = fix.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: Array<{ snippet?: { value: string }; newText?: string }> };
    assert.equal(change.textDocument.version, 1);
    const snippet = change.edits.find((e) => e.snippet)!.snippet!.value;
    assert.match(snippet, /\$\{1:\[rol, bv\. [^\]]+\]\}/);
    // Without the tab-stop markup, the snippet inserts exactly the plain fix.
    const plain = (await council({})).edit!.changes![uri] as TextEdit[];
    assert.equal(snippet.replace(/\$\{\d+:((?:\\.|[^}])*)\}/g, '$1').replace(/\\([$}\\])/g, '$1'), plain[0].newText);
  });

  it('stay plain text edits for a client without snippet edits', async () => {
    const fix = await council({});
    assert.ok(fix.edit!.changes![uri], 'a plain change');
    assert.equal(fix.edit!.documentChanges, undefined);
  });
});
