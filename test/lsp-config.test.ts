import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './support/lsp-client';

// Reports missing-stakeholder, vague-ambition and unstated-contribution: each setting shows in its diagnostics.
const doc = readFileSync(join(__dirname, '..', 'examples', 'samenwerkingsovereenkomst-zonder-frontmatter.md'), 'utf8');
const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;

interface Registration {
  method: string;
  registerOptions?: { watchers?: Array<{ globPattern: string }> };
}

/** Starts a session as VS Code does: watched-files registration, and Workspace Trust in the initialization options. */
async function start(editorSettings: Record<string, unknown>, initializationOptions?: Record<string, unknown>): Promise<{ client: TestClient; registrations: Registration[] }> {
  const client = new TestClient(() => ({ debounceMs: 0, ...editorSettings }));
  const registrations: Registration[] = [];
  client.connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    initializationOptions,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await client.connection.sendNotification('initialized', {});
  return { client, registrations };
}

const levelOf = (diagnostics: Diagnostic[], rule: string): number[] => diagnostics.filter((d) => d.code === rule).map((d) => d.severity!);
const countBefore = (client: TestClient): number => client.published.length;
/** Diagnostics for `uri` published after the first `from` notifications. */
async function publishedAfter(client: TestClient, uri: string, from: number, accept: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
  return client.diagnostics(uri, (p) => client.published.indexOf(p) >= from && accept(p.diagnostics));
}

describe('language server: project configuration, watched files and Workspace Trust', function () {
  this.timeout(60000);
  let root: string;
  let project: string;
  let docUri: string;
  let clients: TestClient[] = [];
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'samenspel-project-'));
    project = join(root, 'project');
    mkdirSync(join(project, 'sub'), { recursive: true });
    docUri = pathToFileURL(join(project, 'sub', 'overeenkomst.md')).href;
  });
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    clients = [];
    rmSync(root, { recursive: true, force: true });
  });
  const session = async (editor: Record<string, unknown>, options?: Record<string, unknown>): Promise<{ client: TestClient; registrations: Registration[] }> => {
    const started = await start(editor, options);
    clients.push(started.client);
    return started;
  };

  it('applies the nearest project file over the editor settings: what it sets wins, the rest comes from the editor', async () => {
    writeFileSync(join(project, '.samenspel.yaml'), 'rules:\n  missing-stakeholder: error\n');
    const { client } = await session({ rules: { 'missing-stakeholder': 'hint', 'vague-ambition': 'off' } });
    await client.open(docUri, doc);
    const diagnostics = await client.diagnostics(docUri);
    assert.deepEqual([...new Set(levelOf(diagnostics, 'missing-stakeholder'))], [ERROR], 'the project file wins over the editor');
    assert.deepEqual(levelOf(diagnostics, 'vague-ambition'), [], 'what the project file leaves out comes from the editor');
    assert.deepEqual([...new Set(levelOf(diagnostics, 'unstated-contribution'))], [WARNING], 'the default where neither sets it');

    // A nearer .samenspel.json wins over the one further up.
    writeFileSync(join(project, 'sub', '.samenspel.json'), '{ "rules": { "missing-stakeholder": "information" } }\n');
    const other = pathToFileURL(join(project, 'sub', 'tweede.md')).href;
    const from = countBefore(client);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(project, 'sub', '.samenspel.json')).href, type: 1 }] });
    await client.open(other, doc);
    assert.deepEqual([...new Set(levelOf(await publishedAfter(client, other, from), 'missing-stakeholder'))], [INFORMATION]);
  });

  it('puts a diagnostic on each offending key of a broken project file, uses the defaults, and follows the file as it changes', async () => {
    const config = join(project, '.samenspel.yaml');
    const configUri = pathToFileURL(config).href;
    writeFileSync(config, '# yaml-language-server: $schema=../schemas/samenspel.schema.json\nruels:\n  missing-stakeholder: off\nrules:\n  toString: true\n  vague-ambition: loud\ndebounceMs: 1000000000\n');
    const { client, registrations } = await session({});
    await client.open(docUri, doc);
    const diagnostics = await client.diagnostics(docUri);
    assert.deepEqual([...new Set(levelOf(diagnostics, 'missing-stakeholder'))], [WARNING], 'the defaults apply, nothing is switched off');
    assert.ok(levelOf(diagnostics, 'vague-ambition').length > 0);

    const onConfig = await client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    const at = (line: number): Diagnostic | undefined => onConfig.find((d) => d.range.start.line === line);
    assert.equal(onConfig.length, 4, JSON.stringify(onConfig.map((d) => d.message)));
    assert.match(String(at(1)!.message), /"ruels".*did you mean "rules"/);
    assert.deepEqual(at(1)!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, 'the range is the key');
    assert.match(String(at(4)!.message), /"rules\.toString"/);
    assert.deepEqual(at(4)!.range.start, { line: 4, character: 2 });
    assert.match(String(at(5)!.message), /"loud"/);
    assert.match(String(at(6)!.message), /"debounceMs".*5000/);
    for (const d of onConfig) assert.equal(d.source, 'samenspel');

    // The server asked to watch the project files.
    const watchers = registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').flatMap((r) => r.registerOptions?.watchers ?? []);
    assert.ok(watchers.some((w) => w.globPattern.includes('.samenspel.yaml') && w.globPattern.includes('.samenspel.json')), JSON.stringify(watchers));

    // Fixed on disk: its diagnostics clear, and the open document is checked again with it.
    writeFileSync(config, 'rules:\n  missing-stakeholder: off\n');
    let from = countBefore(client);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    assert.deepEqual(await publishedAfter(client, configUri, from), []);
    assert.deepEqual(levelOf(await publishedAfter(client, docUri, from), 'missing-stakeholder'), []);

    // A YAML syntax error: one diagnostic where it is, and the defaults.
    writeFileSync(config, 'rules: [unclosed\n');
    from = countBefore(client);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const syntax = await publishedAfter(client, configUri, from);
    assert.equal(syntax.length, 1);
    assert.match(String(syntax[0].message), /YAML/);
    assert.ok(levelOf(await publishedAfter(client, docUri, from), 'missing-stakeholder').length > 0);

    // Deleted: no diagnostics left on it.
    unlinkSync(config);
    from = countBefore(client);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    assert.deepEqual(await publishedAfter(client, configUri, from), []);
  });

  it('ignores the project file in an untrusted workspace, and applies it once trust is granted', async () => {
    writeFileSync(join(project, '.samenspel.yaml'), 'rules:\n  missing-stakeholder: error\n  unstated-contribution: off\nruels: {}\n');
    const { client } = await session({ rules: { 'vague-ambition': 'off' } }, { workspaceTrusted: false });
    await client.open(docUri, doc);
    const untrusted = await client.diagnostics(docUri);
    assert.deepEqual([...new Set(levelOf(untrusted, 'missing-stakeholder'))], [WARNING], 'not the project file');
    assert.ok(levelOf(untrusted, 'unstated-contribution').length > 0, 'not the project file');
    assert.deepEqual(levelOf(untrusted, 'vague-ambition'), [], 'the user settings do apply');
    assert.ok(!client.published.some((p) => p.uri.endsWith('.samenspel.yaml')), 'an untrusted project file is not even read');
    assert.ok(!client.messages.some((m) => /ruels/.test(m)));

    const from = countBefore(client);
    await client.connection.sendNotification('samenspel/workspaceTrusted');
    const trusted = await publishedAfter(client, docUri, from);
    assert.deepEqual([...new Set(levelOf(trusted, 'missing-stakeholder'))], [ERROR]);
    assert.deepEqual(levelOf(trusted, 'unstated-contribution'), []);
  });

  it('keeps vocabulary words from a project file literal: ".*" is no pattern that matches everything', async () => {
    const missing = async (words: string[]): Promise<string[]> => {
      writeFileSync(join(project, '.samenspel.json'), JSON.stringify({ vocabulary: { groups: { schooldirecteuren: words } } }));
      const { client } = await session({});
      await client.open(docUri, doc);
      return (await client.diagnostics(docUri)).filter((d) => d.code === 'missing-stakeholder').map((d) => (d.data as { group: string }).group);
    };
    // As regexes these would match any text (and the last would not compile); as literal text they match nothing here.
    assert.ok((await missing(['.*', '(a+)+$', '[x', '\\w+'])).includes('schooldirecteuren'));
    // The words do count: one that is in the text names the group.
    assert.ok(!(await missing(['Kits Primair'])).includes('schooldirecteuren'));
  });

  it('declines backtracking and overlong globs from the editor settings with a warning, and checks at once', async () => {
    const { client } = await session({ scope: { exclude: ['*(*([a-z-]))z', 'x'.repeat(65536), '**/archief/**'] } });
    const uri = pathToFileURL(join(project, 'sub', 'a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y.md')).href;
    await client.open(uri, doc);
    assert.ok((await client.diagnostics(uri, () => true, 15000)).length > 0, 'checked, not excluded and not hung');
    assert.ok(client.messages.some((m) => /extglob/.test(m) && /65536/.test(m)), client.messages.join(' | '));
  });

  it('gives a 50 MB document one information diagnostic instead of analysis', async () => {
    const { client } = await session({});
    const uri = pathToFileURL(join(project, 'groot.md')).href;
    const line = 'De gemeente en het schoolbestuur werken samen aan goed onderwijs voor ieder kind. '.repeat(12) + '\n';
    await client.open(uri, line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const diagnostics = await client.diagnostics(uri, () => true, 30000);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, INFORMATION);
    assert.match(String(diagnostics[0].message), /50 MB.*2 MB.*maxFileSizeKB/);
    assert.equal(await client.connection.sendRequest('samenspel/scan', { textDocument: { uri } }), null);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } }), null);

    // A lower limit in the project file applies to an ordinary document.
    writeFileSync(join(project, '.samenspel.yaml'), 'maxFileSizeKB: 1\n');
    const from = countBefore(client);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(project, '.samenspel.yaml')).href, type: 1 }] });
    await client.open(docUri, doc);
    const small = await publishedAfter(client, docUri, from);
    assert.equal(small.length, 1);
    assert.equal(small[0].severity, INFORMATION);
  });
});
