/**
 * The language server in a real editor: headless Neovim (Debian's 0.7) starts bin/samenspel-language-server.js over
 * stdio, and test/editors/nvim_test.lua checks diagnostics, hover and a quick-fix against what the engine computes.
 * CI installs neovim, so a missing `nvim` fails this test; set SAMENSPEL_SKIP_NVIM=1 to skip it locally.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, outline, type Finding, type OutlineItem } from '../../server/src/engine';
import { applyEdits } from '../support/apply';

const repo = join(__dirname, '..', '..');
const fixture = join(__dirname, 'fixtures', 'three-rules.md');
const script = join(__dirname, 'nvim_test.lua');
const server = process.env.SAMENSPEL_SERVER ?? join(repo, 'bin', 'samenspel-language-server.js');

const key = (f: Finding): string => String(f.data.group ?? f.data.party ?? '');
const expected = (f: Finding) => ({ code: f.ruleId, key: key(f), range: f.range });
/** The outline as one line, the same way nvim_test.lua writes the symbols it gets: name(child, child). */
const shape = (items: OutlineItem[]): string => items.map((i) => `${i.name}${i.children.length ? `(${shape(i.children)})` : ''}`).join(', ');

function nvimVersion(): string | null {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.error ? null : r.stdout.split('\n')[0];
}

describe('real editor: Neovim as LSP client', function () {
  let dir: string;
  before(function () {
    if (!nvimVersion()) {
      if (process.env.SAMENSPEL_SKIP_NVIM === '1') {
        console.log('      nvim is not installed and SAMENSPEL_SKIP_NVIM=1: the Neovim test was NOT run');
        this.skip();
      }
      assert.fail('nvim is not installed: apt-get install -y --no-install-recommends neovim (or set SAMENSPEL_SKIP_NVIM=1 to skip this test)');
    }
    assert.ok(existsSync(join(repo, 'dist', 'server.js')), 'dist/server.js is missing: run `node build.mjs` first');
    dir = mkdtempSync(join(tmpdir(), 'samenspel-nvim-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('shows all three rules, hovers the lessons and applies the council quick-fix', function () {
    this.timeout(60000);
    const doc = join(dir, 'three-rules.md');
    copyFileSync(fixture, doc);
    const text = readFileSync(doc, 'utf8');

    // Expectations from the engine itself, for the same path the editor opens.
    const findings = analyze(text, { path: doc }).findings;
    assert.deepEqual([...new Set(findings.map((f) => f.ruleId))].sort(), ['missing-stakeholder', 'unstated-contribution', 'vague-ambition'], 'the fixture has findings of all three rules');
    const council = findings.find((f) => f.ruleId === 'missing-stakeholder' && f.data.group === 'gemeenteraad');
    assert.ok(council, 'the fixture lacks the gemeenteraad');
    const fix = council.fixes[0];
    const fixed = applyEdits(text, fix.edits);
    const expect = {
      initial: findings.map(expected),
      hovers: findings.map((f) => ({ code: f.ruleId, key: key(f), position: f.range.start, title: f.lesson.title })),
      fix: { code: council.ruleId, key: 'gemeenteraad', title: fix.title, lines: fixed.replace(/\n$/, '').split('\n') },
      after: analyze(fixed, { path: doc }).findings.map(expected),
    };
    assert.match(fix.title, /les 1: Betrek alle belanghebbenden/);
    assert.ok(!expect.after.some((f) => f.key === 'gemeenteraad'), 'the engine itself drops the finding after the fix');
    // After the fix: "Negeer hier" on the vague ambition inserts a suppression comment that silences it.
    const vague = analyze(fixed, { path: doc }).findings.find((f) => f.ruleId === 'vague-ambition')!;
    const ignored = applyEdits(fixed, vague.ignore!.here!.edits);
    const suppress = { code: vague.ruleId, line: vague.range.start.line, title: vague.ignore!.here!.title, lines: ignored.replace(/\n$/, '').split('\n'), after: analyze(ignored, { path: doc }).findings.map(expected) };
    assert.ok(suppress.lines.some((l) => l.includes('<!-- samenspel-')), 'the fix inserts a comment');
    assert.ok(!suppress.after.some((f) => f.code === 'vague-ambition'), 'the engine silences the vague ambition');
    const symbols = shape(outline(ignored));
    assert.match(symbols, /Ambitie\(/, 'the outline has the ambition section with its ambitions');
    writeFileSync(join(dir, 'expect.json'), JSON.stringify({ ...expect, suppress, symbols }));

    const t0 = Date.now();
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`, doc], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 45000,
      env: {
        ...process.env,
        XDG_CACHE_HOME: join(dir, 'cache'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_DATA_HOME: join(dir, 'data'),
        SAMENSPEL_SERVER: server,
        SAMENSPEL_EXPECT: join(dir, 'expect.json'),
      },
    });
    const wall = Date.now() - t0;
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    const lspLog = join(dir, 'cache', 'nvim', 'lsp.log');
    const log = existsSync(lspLog) ? readFileSync(lspLog, 'utf8').split('\n').slice(-30).join('\n') : '(no lsp.log)';
    const report = `${output}\n--- nvim: exit ${r.status}${r.signal ? ` signal ${r.signal}` : ''}${r.error ? ` error ${r.error.message}` : ''}, ${wall} ms`;
    if (r.status !== 0 || !/\bPASS\s*$/.test(output)) assert.fail(`Neovim test failed:\n${report}\n--- tail of lsp.log:\n${log}`);
    console.log(report.replace(/^/gm, '      '));
  });
});
