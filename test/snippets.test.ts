import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, scopeReason } from '../server/src/engine';

const dir = join(__dirname, '..', 'snippets');
const snippets = JSON.parse(readFileSync(join(dir, 'markdown.json'), 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[]; description: string }>;

/** What the writer gets after pressing Esc: every tab stop left at its default, mirrors filled from the first. */
function leaveDefaults(body: string): string {
  const defaults = new Map<string, string>();
  return body.replace(/\$\{(\d+)(?::((?:[^{}]|\{[^{}]*\})*?)|\|([^|]*)\|)\}|\$(\d+)/g, (_m, n: string, def?: string, choice?: string, bare?: string) => {
    if (bare) return defaults.get(bare) ?? '';
    const value = def ?? choice?.split(',')[0] ?? '';
    if (!defaults.has(n)) defaults.set(n, value);
    return value;
  });
}

const wholeDocuments = Object.values(snippets).filter((s) => /^---/.test(leaveDefaults(([] as string[]).concat(s.body).join('\n'))));

describe('snippets', () => {
  it('has a whole-document snippet per kind, in Dutch and English', () => {
    const prefixes = wholeDocuments.flatMap((s) => ([] as string[]).concat(s.prefix));
    for (const p of ['samenspel-convenant', 'samenspel-lea', 'samenspel-ihp', 'samenspel-plan-van-aanpak', 'samenspel-covenant-en', 'samenspel-lea-en', 'samenspel-ihp-en', 'samenspel-action-plan-en']) {
      assert.ok(prefixes.includes(p), p);
    }
  });

  for (const snippet of wholeDocuments) {
    const prefix = ([] as string[]).concat(snippet.prefix)[0];
    it(`${prefix}: left with its placeholders, every party's contribution shows as unstated, every field as still to fill in, and nothing else`, () => {
      const text = leaveDefaults(([] as string[]).concat(snippet.body).join('\n'));
      const result = analyze(text);
      assert.ok(result.analysed);
      const parties = result.findings.filter((f) => f.ruleId === 'unstated-contribution').map((f) => f.data.party);
      assert.ok(parties.length >= 3, `unstated: ${parties}`);
      // Every [field] of the template is reported: as an open spot, or inside a contribution already reported.
      const lines = text.split('\n');
      const reported = (line: number, at: number): boolean =>
        result.findings.some((f) => (f.range.start.line < line || (f.range.start.line === line && f.range.start.character <= at)) && (f.range.end.line > line || (f.range.end.line === line && f.range.end.character > at)));
      lines.forEach((line, i) => {
        for (const m of line.matchAll(/\[[^\]\n]+\](?![(:])/g)) assert.ok(reported(i, m.index), `line ${i + 1}: ${m[0]} is not reported`);
      });
      assert.deepEqual(result.findings.filter((f) => f.ruleId !== 'unstated-contribution' && f.ruleId !== 'unfilled-placeholder').map((f) => f.message), []);
    });
  }

  for (const file of readdirSync(join(dir, 'filled-examples')).filter((f) => f.endsWith('.md'))) {
    it(`${file}: filled in with real values, passes the checker`, () => {
      const result = analyze(readFileSync(join(dir, 'filled-examples', file), 'utf8'));
      assert.ok(result.analysed, scopeReason(result.scope));
      assert.deepEqual(result.findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
    });
  }

  it('snippets and filled examples are generated from one source and up to date', () => {
    execFileSync(process.execPath, [join(dir, 'build-snippets.mjs'), '--check'], { stdio: 'pipe' });
  });
});
