/**
 * The editor workflow over a real stdio session: the outline (documentSymbol), name and template completion, the
 * fix-all source action, "fix all of this kind", and the ignore actions, each followed by what the server says next.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from './support/apply';
import { TestClient } from './support/lsp-client';

const fixture = (path: string): string => readFileSync(join(__dirname, path), 'utf8');
const LEA = fixture('../examples/lea-2027-2030.md');
const CONVENANT = fixture('fixtures/realistic/convenant-ikc-noorderlicht.md');

const edits = (action: CodeAction, uri: string): TextEdit[] => action.edit!.changes![uri];

async function session(textDocument: Record<string, unknown> = {}): Promise<TestClient> {
  const client = new TestClient();
  await client.initialize({}, textDocument);
  return client;
}

describe('language server: outline', () => {
  it('returns the sections as a tree, with their class, parties, ambitions and contributions', async () => {
    const client = await session();
    try {
      const uri = 'file:///tmp/samenspel-outline/convenant.md';
      await client.open(uri, CONVENANT);
      const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((s) => s.name), ['Partijen (voorwerk)', 'Convenant Integraal Kindcentrum Noorderlicht 2026-2030']);
      assert.deepEqual(symbols[0].children!.map((c) => c.name).slice(0, 2), ['Gemeente Rivierstad', 'Stichting Openbaar Primair Onderwijs Rivierland']);
      const sections = symbols[1].children!;
      const byDetail = (d: string) => sections.find((s) => s.detail === d)!;
      assert.equal(byDetail('partijen').name, '2. Betrokken partijen');
      assert.equal(byDetail('ambitie').children!.length, 7);
      const contributions = byDetail('bijdragen');
      assert.deepEqual(contributions.children!.map((c) => c.name), ['5.1 Gemeente Rivierstad', '5.2 Stichting Openbaar Primair Onderwijs Rivierland', '5.3 Stichting Katholiek Primair Onderwijs De Waarden', '5.4 Samenwerkingsverband Passend Onderwijs Rivierland']);
      assert.match(contributions.children![0].children![0].name, /^Investeringskrediet van € 7,9 miljoen/);
      // Every child lies inside its parent, and the selection inside the range: what the Outline view needs.
      const inside = (a: DocumentSymbol['range'], b: DocumentSymbol['range']) => (a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character)) && (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.character <= b.end.character));
      const check = (s: DocumentSymbol): void => {
        assert.ok(inside(s.selectionRange, s.range), s.name);
        for (const c of s.children ?? []) {
          assert.ok(inside(c.range, s.range), `${c.name} in ${s.name}`);
          check(c);
        }
      };
      symbols.forEach(check);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: completion', () => {
  const text = ['---', 'type: convenant', '---', '# Convenant Leesplezier', '', '## Partijen', '', '- Gemeente Rivierstad (hierna: de gemeente)', '- ', '', '## Ambitie', '', 'In 2028 leest 80% op niveau.', '', '## Bijdragen', '', '| Partij | Bijdrage |', '| --- | --- |', '| Gem | € 10.000 |', ''].join('\n');
  const uri = 'file:///tmp/samenspel-complete/convenant.md';

  it('offers party and group names in a list item and a table cell of those sections, nothing elsewhere', async () => {
    const client = await session();
    try {
      await client.open(uri, text);
      const at = (line: number, character: number) => client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      const inList = await at(8, 2);
      assert.equal(inList[0].label, 'Gemeente Rivierstad');
      assert.ok(inList.some((i) => i.label === 'Gemeenteraad'), 'a group name');
      assert.ok(inList.some((i) => i.label === 'Schooldirecteuren'));
      const inCell = await at(18, 5);
      const party = inCell.find((i) => i.label === 'Gemeente Rivierstad')!;
      // Replaces what was typed in the cell.
      assert.deepEqual((party.textEdit as TextEdit).range, { start: { line: 18, character: 2 }, end: { line: 18, character: 5 } });
      assert.deepEqual(await at(12, 5), [], 'not in running text');
      assert.deepEqual(await at(7, 30), [], 'not after the name, in its description');
    } finally {
      await client.stop();
    }
  });

  it('offers the English group names in an English document', async () => {
    const client = await session();
    try {
      await client.open(uri, text.replace('type: convenant', 'type: convenant\nlanguage: en').replace('## Partijen', '## Parties'));
      const items = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 2 } });
      assert.ok(items.some((i) => i.label === 'Elected members (councillors)'), items.map((i) => i.label).join(', '));
    } finally {
      await client.stop();
    }
  });

  it('offers the document templates in an empty document (bug 6)', async () => {
    const client = await session();
    try {
      for (const [name, content] of [['empty', ''], ['blank', '\n\n'], ['dash', '-']]) {
        const doc = `file:///tmp/samenspel-complete/${name}.md`;
        await client.open(doc, content);
        const items = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc }, position: { line: 0, character: content === '-' ? 1 : 0 } });
        assert.deepEqual(items.map((i) => i.label), ['samenspel-convenant', 'samenspel-covenant-en', 'samenspel-lea', 'samenspel-lea-en', 'samenspel-ihp', 'samenspel-ihp-en', 'samenspel-plan-van-aanpak', 'samenspel-action-plan-en']);
        assert.equal(items[0].insertTextFormat, 2, 'a snippet');
        assert.match((items[0].textEdit as TextEdit).newText, /^---\ntype: convenant/);
      }
      const full = 'file:///tmp/samenspel-complete/full.md';
      await client.open(full, LEA);
      assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: full }, position: { line: 0, character: 0 } }), [], 'no templates in a document with text');
    } finally {
      await client.stop();
    }
  });
});

describe('language server: fix all and ignore', () => {
  const everything = { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } };

  it('source.fixAll.samenspel adds all missing parts; after it only fields to fill in are left', async () => {
    const client = await session();
    try {
      const uri = 'file:///tmp/samenspel-fixall/lea.md';
      await client.open(uri, LEA);
      const diagnostics = await client.diagnostics(uri);
      assert.equal(diagnostics.filter((d) => d.code === 'missing-stakeholder').length, 2);
      const noOnly = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: everything, context: { diagnostics: [] } });
      assert.ok(!noOnly.some((a) => a.kind === 'source.fixAll.samenspel'), 'not computed for a cursor move');
      const [action, ...more] = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: everything, context: { diagnostics: [], only: ['source.fixAll.samenspel'] } });
      assert.equal(more.length, 0);
      assert.equal(action.kind, 'source.fixAll.samenspel');
      assert.equal(action.title, 'Vul alle ontbrekende onderdelen aan');
      const fixed = applyEdits(LEA, edits(action, uri));
      await client.change(uri, 2, [{ text: fixed }]);
      const after = await client.diagnostics(uri, (p) => p.version === 2);
      assert.deepEqual([...new Set(after.map((d) => d.code))], ['unfilled-placeholder']);
      assert.equal(fixed.split('## Betrokkenen').length, 2, 'one new section for both groups');
      const again = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: everything, context: { diagnostics: [], only: ['source.fixAll'] } });
      assert.deepEqual(again, [], 'nothing left to fix');
    } finally {
      await client.stop();
    }
  });

  it('"fix all of this kind": computed on resolve where the client resolves edits, else at once', async () => {
    for (const resolves of [true, false]) {
      const client = await session(resolves ? { codeAction: { resolveSupport: { properties: ['edit'] } } } : {});
      try {
        const uri = 'file:///tmp/samenspel-fixkind/lea.md';
        await client.open(uri, LEA);
        const diagnostics = await client.diagnostics(uri);
        const council = diagnostics.find((d) => d.code === 'missing-stakeholder')!;
        const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: council.range, context: { diagnostics: [council] } });
        let kind = actions.find((a) => a.title === 'Los alle 2 meldingen van deze soort op (missing-stakeholder)')!;
        assert.ok(kind, actions.map((a) => a.title).join(' | '));
        if (resolves) {
          assert.equal(kind.edit, undefined, 'lazy');
          kind = await client.connection.sendRequest<CodeAction>('codeAction/resolve', kind);
        }
        const fixed = applyEdits(LEA, edits(kind, uri));
        await client.change(uri, 2, [{ text: fixed }]);
        const after = await client.diagnostics(uri, (p) => p.version === 2);
        assert.equal(after.filter((d) => d.code === 'missing-stakeholder').length, 0);
      } finally {
        await client.stop();
      }
    }
  });

  it('"Negeer hier" and "Negeer in dit bestand" insert the comment, and the next diagnostics honour it', async () => {
    const client = await session();
    try {
      const uri = 'file:///tmp/samenspel-ignore/convenant.md';
      await client.open(uri, CONVENANT);
      const before = await client.diagnostics(uri);
      const vague = before.filter((d) => d.code === 'vague-ambition');
      const target: Diagnostic = vague[0];
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
      const here = actions.find((a) => a.title === 'Negeer hier (vague-ambition)')!;
      const file = actions.find((a) => a.title === 'Negeer in dit bestand (vague-ambition)')!;
      assert.ok(here && file, actions.map((a) => a.title).join(' | '));
      assert.equal(here.kind, 'quickfix');

      const ignored = applyEdits(CONVENANT, edits(here, uri));
      await client.change(uri, 2, [{ text: ignored }]);
      const after = await client.diagnostics(uri, (p) => p.version === 2);
      // The finding is in a numbered list: a comment line inside would break the list, so disable/enable go around
      // the whole list, which silences both vague items in it; the rest stays.
      assert.match(ignored, /\n<!-- samenspel-disable vague-ambition -->\n1\. Uiterlijk/);
      assert.match(ignored, /18\.30 uur\.\n<!-- samenspel-enable vague-ambition -->\n/);
      assert.equal(after.filter((d) => d.code === 'vague-ambition').length, vague.length - 2);
      assert.equal(after.filter((d) => d.code !== 'vague-ambition').length, before.length - vague.length);

      const fileWide = applyEdits(CONVENANT, edits(file, uri));
      await client.change(uri, 3, [{ text: fileWide }]);
      const none = await client.diagnostics(uri, (p) => p.version === 3);
      assert.equal(none.filter((d) => d.code === 'vague-ambition').length, 0);
      assert.equal(none.length, before.length - vague.length);
    } finally {
      await client.stop();
    }
  });

  it('an unknown rule in a suppression comment is a warning on the comment', async () => {
    const client = await session();
    try {
      const uri = 'file:///tmp/samenspel-ignore/typo.md';
      await client.open(uri, LEA.replace('\n## ', '\n<!-- samenspel-disable-file vage-ambitie -->\n\n## '));
      const diagnostics = await client.diagnostics(uri);
      const notice = diagnostics.find((d) => /vage-ambitie/.test(String(d.message)))!;
      assert.ok(notice);
      assert.equal(notice.severity, 2);
    } finally {
      await client.stop();
    }
  });
});
