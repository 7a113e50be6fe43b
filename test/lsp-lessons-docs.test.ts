/**
 * Issue 10, bugs 1 and 5 over stdio: rule documentation links that a client can open read-only, the extension's own
 * help pages never checked, and a hover that names its lesson once and cites what a reader can find.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LESSONS } from '../server/src/engine';
import { TestClient } from './support/lsp-client';

const root = join(__dirname, '..');
const lea = readFileSync(join(root, 'examples', 'lea-2027-2030.md'), 'utf8');
const english = readFileSync(join(root, 'examples', 'covenant-english.md'), 'utf8');

async function hoverAt(client: TestClient, uri: string, position: { line: number; character: number }): Promise<string> {
  const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position });
  return (hover.contents as MarkupContent).value;
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('language server: rule docs and the hover lesson', function () {
  this.timeout(20000);

  describe('a client without command links (Neovim and others)', () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient();
      await client.initialize();
    });
    after(() => client.stop());

    it('links each finding to its rule page as a file that exists', async () => {
      const uri = 'file:///tmp/samenspel-docs-test/lea.md';
      await client.open(uri, lea);
      const diagnostics = await client.diagnostics(uri);
      assert.ok(diagnostics.length > 0);
      for (const d of diagnostics.filter((x) => x.code)) assert.ok(existsSync(fileURLToPath(d.codeDescription!.href)), d.codeDescription!.href);
    });

    it('never checks its own rule documentation, though it is full of example findings', async () => {
      const page = join(root, 'docs', 'rules', 'missing-stakeholder.md');
      const uri = pathToFileURL(page).href;
      await client.open(uri, readFileSync(page, 'utf8'));
      assert.deepEqual(await client.diagnostics(uri), []);
      const scan = await client.connection.sendRequest<{ analysed: boolean; scope: { code: string } }>('samenspel/scan', { textDocument: { uri } });
      assert.deepEqual([scan.analysed, scan.scope.code], [false, 'own-files']);
    });

    it('names the lesson once in the hover, not in the message the editor shows above it', async () => {
      const uri = 'file:///tmp/samenspel-docs-test/lea.md';
      const diagnostics = await client.diagnostics(uri);
      const council = diagnostics.find((d) => (d.data as { group?: string }).group === 'gemeenteraad')!;
      assert.doesNotMatch(String(council.message), /les 1/);
      // Two findings (council and directors) share this spot and lesson 1.
      assert.equal(diagnostics.filter((d) => d.range.start.line === council.range.start.line).length, 2);
      const value = await hoverAt(client, uri, council.range.start);
      assert.equal(count(value, 'les 1: Betrek alle belanghebbenden'), 1, value);
      assert.equal(count(value, 'Laat iedere partij die een rol speelt'), 1, 'the advice once');
      assert.ok(value.length < 2200, `short: ${value.length} characters`);
    });

    it('cites publication, factor or municipality and speaker, never line numbers of the text extraction', async () => {
      const uri = 'file:///tmp/samenspel-docs-test/lea.md';
      const [first] = await client.diagnostics(uri);
      const value = await hoverAt(client, uri, first.range.start);
      assert.doesNotMatch(value, /regels? \d|lines? \d/);
      assert.match(value, /Berenschot, Samenwerking gemeente en onderwijs – lessen uit de lokale praktijk \(2018\)/);
      assert.match(value, /— Succesfactor 1, valkuil/);
      assert.match(value, /— Carla van den Heijkant, voorzitter College van Bestuur SKPO, Eindhoven/);
      const page = await client.connection.sendRequest<{ markdown: string }>('samenspel/lesson', { textDocument: { uri }, position: first.range.start });
      assert.doesNotMatch(page.markdown, /regels? \d/);
      assert.match(page.markdown, /Het document noemt de gemeenteraad nergens/);
    });

    it('gives an English document the Dutch quote verbatim with an English gloss labelled as a translation', async () => {
      const uri = 'file:///tmp/samenspel-docs-test/covenant.md';
      await client.open(uri, english);
      const [first] = (await client.diagnostics(uri)).filter((d) => d.code);
      const value = await hoverAt(client, uri, first.range.start);
      const dutch = LESSONS.flatMap((l) => l.quotes).filter((q) => value.includes(`> „${q.text}”`));
      assert.ok(dutch.length > 0, value);
      for (const q of dutch) {
        assert.ok(value.includes(`*In English (our translation, not a quote):* ${q.gloss.en}`), `gloss of "${q.text.slice(0, 40)}…"`);
        assert.ok(!value.includes(`„${q.gloss.en}`), 'a gloss is never shown as a quote');
      }
      assert.match(value, /Source: Berenschot/);
    });
  });

  describe('a client that opens rule docs itself (VS Code)', () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient();
      await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { ruleDocs: 'command' } });
      await client.connection.sendNotification('initialized', {});
    });
    after(() => client.stop());

    it('links to the command that opens the page read-only, in Problems and in the hover', async () => {
      const uri = 'file:///tmp/samenspel-docs-test/lea.md';
      await client.open(uri, lea);
      const [first] = await client.diagnostics(uri);
      const href = first.codeDescription!.href;
      assert.ok(href.startsWith('command:samenspel.openRuleDocs?'), href);
      assert.deepEqual(JSON.parse(decodeURIComponent(href.split('?')[1])), ['missing-stakeholder']);
      const value = await hoverAt(client, uri, first.range.start);
      assert.ok(value.includes(`](${href})`), 'the hover links the same way');
    });
  });
});

describe('lesson data: glosses', () => {
  it('gives every quote an English gloss that is not the Dutch text', () => {
    for (const q of LESSONS.flatMap((l) => l.quotes)) {
      assert.ok(q.gloss.en.length > 20 && q.gloss.en !== q.text, q.text);
    }
  });
});
