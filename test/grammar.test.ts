import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '..');
const tool = join(repo, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');

describe('TextMate grammar (vscode-tmgrammar-test)', () => {
  for (const file of readdirSync(join(__dirname, 'grammar')).filter((f) => f.endsWith('.test.md'))) {
    it(file, () => {
      const r = spawnSync(process.execPath, [tool, '--config', 'test/grammar/grammars.json', `test/grammar/${file}`], { cwd: repo, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout + r.stderr);
    });
  }

  it('the grammar JSON is generated from its readable source and up to date', () => {
    const r = spawnSync(process.execPath, [join(repo, 'syntaxes', 'build-injection-grammar.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
