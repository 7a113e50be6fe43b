import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, scopeReason } from '../server/src/engine';
import { compare, compareAsReader, describeExpectation, describeFinding, parseExpectations, parseScopeLabel } from './support/expectations';

const root = join(__dirname, 'fixtures');

/**
 * Our own fixtures say exactly where each finding sits. Outsiders' documents (outsider-r*, folded in after their
 * round was scored) say what a reader finds, not where a document-level finding is anchored: they are compared as a
 * reader counts findings. Both say whether the document is checked at all when they carry an expect-scope label.
 */
describe('fixture documents with inline expectations', () => {
  for (const dir of readdirSync(root).sort()) {
    const asReader = dir.startsWith('outsider-r');
    describe(dir, () => {
      for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).sort()) {
        it(file, () => {
          const text = readFileSync(join(root, dir, file), 'utf8');
          const result = analyze(text, { path: join(root, dir, file) });
          const scope = parseScopeLabel(text);
          if (scope) assert.equal(result.analysed, scope === 'in', `expect-scope ${scope}: ${scopeReason(result.scope)}`);
          const expectations = parseExpectations(text);
          const { missing, unexpected } = asReader
            ? (({ missing: m, unexpected: u }) => ({ missing: m.map(describeExpectation), unexpected: u.map(describeFinding) }))(compareAsReader(result.findings, expectations))
            : compare(result.findings, expectations);
          assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] }, `${file}: ${scopeReason(result.scope)}`);
        });
      }
    });
  }
});
