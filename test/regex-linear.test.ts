import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { compiledPatterns } from '../server/src/engine/vocabulary';
import { growthOf, sourceRegExps } from './support/regex-growth';

/**
 * Every regex of the engine is linear-time (issue #11 §2): on its worst input, 100 × the text may take at most
 * LIMIT × the time (linear is about 100 ×; quadratic 10,000 ×). Generous: on two cores shared with other work
 * (load average 7), plainly linear patterns such as /\s/ measured up to 476 ×. A quadratic pattern is caught earlier,
 * from 1 KB to 10 KB (or 200 to 2,000 characters), where it grows 100 × and the bound is LIMIT / 25 = 40 ×.
 */
const LIMIT = 1000;
const STEP_LIMIT = LIMIT / 25;
const ENGINE = join(__dirname, '..', 'server', 'src', 'engine');

describe('every engine regex is linear-time on its worst input', function () {
  this.timeout(120_000);
  const patterns = [...sourceRegExps(ENGINE), ...compiledPatterns().map((p) => ({ name: `vocabulary ${p.name}`, re: p.re }))];

  it('finds the regexes of the source and the vocabulary', () => {
    assert.ok(patterns.length > 100, `only ${patterns.length} regexes found`);
  });

  it('would catch a quadratic pattern (the old sentence splitter)', () => {
    const growth = growthOf(/[.!?]+(?=\s+["'„“‘(\p{Lu}\p{N}€])|[.!?]+(?=\s*$)/u, LIMIT);
    assert.ok(growth.largeSize < 1_000_000 && growth.ratio > STEP_LIMIT, `ratio only ${growth.ratio.toFixed(0)} on ${growth.input}`);
  });

  for (const { name, re } of patterns) {
    it(name, () => {
      const g = growthOf(re, LIMIT);
      const bound = g.largeSize === 1_000_000 ? LIMIT : STEP_LIMIT;
      const from = `${g.largeSize === 1_000_000 ? 10_000 : g.largeSize / 10} characters`;
      assert.ok(g.ratio <= bound, `${g.largeSize} characters take ${g.ratio.toFixed(0)} × the time of ${from} (${g.small.toFixed(2)} ms → ${g.large.toFixed(1)} ms) on ${g.input}`);
    });
  }
});
