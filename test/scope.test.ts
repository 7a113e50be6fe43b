import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultSettings, scopeReason } from '../server/src/engine';

const coalition = readFileSync(join(__dirname, '..', '..', 'shared', 'corpus', 'real', 'coalitieakkoord-2021-2025.md'), 'utf8');
const lea = readFileSync(join(__dirname, '..', 'examples', 'lea-2027-2030.md'), 'utf8');
const withoutFrontMatter = lea.replace(/^---[\s\S]*?---\n/, '');

describe('which documents are analysed', () => {
  it('leaves the national coalition agreement alone: real policy prose, but no partnership document', () => {
    const result = analyze(coalition, { path: '/docs/coalitieakkoord-2021-2025.md' });
    assert.equal(result.analysed, false, scopeReason(result.scope));
    assert.deepEqual(result.findings, []);
  });

  it('analyses any path matched by scope.include, and none matched by scope.exclude', () => {
    const settings = defaultSettings();
    settings.scope.include = ['**/akkoorden/**'];
    assert.equal(analyze(coalition, { path: '/docs/akkoorden/coalitie.md', settings }).analysed, true);
    settings.scope.exclude = ['archief/**', '*.concept.md'];
    assert.equal(analyze(lea, { path: '/work/archief/lea.md', settings }).analysed, false);
    assert.equal(analyze(lea, { path: '/work/lea.concept.md', settings }).analysed, false);
    assert.equal(analyze(lea, { path: '/work/lea.md', settings }).analysed, true);
  });

  it('auto-detects a partnership document without front matter, unless auto-detection is off', () => {
    assert.equal(analyze(withoutFrontMatter).analysed, true, scopeReason(analyze(withoutFrontMatter).scope));
    const settings = defaultSettings();
    settings.scope.autoDetect = false;
    assert.equal(analyze(withoutFrontMatter, { settings }).analysed, false);
  });

  it('keeps checking when the front matter is broken, and says so', () => {
    const broken = lea.replace(/^---\n/, '---\npartijen: [Gemeente Rivierstad\n');
    const result = analyze(broken);
    assert.equal(result.notices.length, 1);
    assert.match(result.notices[0].message, /Front matter kan niet worden gelezen/);
    assert.equal(result.analysed, true, 'the title still says it is an LEA');
    assert.ok(result.findings.some((f) => f.ruleId === 'missing-stakeholder'));
  });

  it('survives any input: empty, only front matter, unclosed constructs, control characters', () => {
    for (const text of ['', '---\ntype: convenant\n---', '---\ntype: convenant\n', '# Convenant\n\n| a |\n|---|\n| b', '```\nunclosed', '<!-- unclosed', '\r\n\r\n# LEA\r\n', '# Convenant\u0007\u001b']) {
      assert.doesNotThrow(() => analyze(text), JSON.stringify(text));
    }
  });
});
