import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, scopeReason } from '../server/src/engine';
import { compare, parseExpectations } from './support/expectations';

const root = join(__dirname, 'fixtures');

describe('fixture documents with inline expectations', () => {
  for (const dir of readdirSync(root).sort()) {
    describe(dir, () => {
      for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).sort()) {
        it(file, () => {
          const text = readFileSync(join(root, dir, file), 'utf8');
          const result = analyze(text, { path: join(root, dir, file) });
          const { missing, unexpected } = compare(result.findings, parseExpectations(text));
          assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] }, `${file}: ${scopeReason(result.scope)}`);
        });
      }
    });
  }
});
