/**
 * A fixed sample of the fuzzer (`npm run fuzz` runs 100,000 cases with any seed), the linearity check at small sizes,
 * and the inputs the fuzzer found, kept as regressions.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/engine';
import { checkLinearity, LINEARITY_SHAPES } from './fuzz/linearity';
import { checkChunked, checkDocument, documentProperties, failureReport, optionsFor } from './fuzz/properties';
import { loadSeeds } from './fuzz/seeds';

const SEED = 20261201;
/** Cases per property: a few hundred in all, so the sample stays a few seconds on a loaded machine. */
const SAMPLE = 100;

describe('fuzz sample: properties that hold on every document', () => {
  const { seeds, missing } = loadSeeds();
  for (const m of missing) it.skip(`seeds from ${m} (missing)`);
  for (const p of documentProperties(seeds)) {
    it(p.name, function () {
      this.timeout(60_000);
      const details = p.check({ numRuns: SAMPLE, seed: SEED });
      assert.ok(!details.failed, failureReport(details, `FUZZ_SEED={seed} FUZZ_PATH={path} npm run fuzz`));
      assert.equal(details.numRuns, SAMPLE);
    });
  }
});

describe('analysis time stays linear in input size (time per KB at 64 KB over that at 8 KB)', () => {
  for (const shape of LINEARITY_SHAPES) {
    it(shape.name, function () {
      this.timeout(60_000);
      const r = checkLinearity(shape, 8_192, 65_536, 4, false);
      assert.ok(r.ok, r.summary);
    });
  }
});

describe('inputs the fuzzer found', () => {
  it('a BOM does not shift the ranges: micromark counts offsets without it', () => {
    const text = 'Partij\r\n---\r\n\r\n**Partijen**\r\n\r\n';
    const plain = analyze(text, optionsFor('forced'));
    const withBom = analyze(`\ufeff${text}`, optionsFor('forced'));
    assert.ok(plain.findings.length > 0);
    // The BOM is one character on line 0; every range here lies below it, so none may move.
    assert.deepEqual(
      withBom.findings.map((f) => f.range),
      plain.findings.map((f) => f.range),
    );
    checkDocument(`\ufeff${text}`, 'forced');
    checkChunked(`\ufeff---\ntype: convenant\n\npartijen: [Gemeente A]\n---\n\n# Convenant\n\nTekst.\n`, 'default', []);
  });

  it('adjacent hedges are removed by one edit, not two that overlap on the space between them', () => {
    const text = '# Ambitie\n\nZoveel mogelijk waar mogelijk kinderen lezen elke dag.\n';
    checkDocument(text, 'forced');
    checkDocument('# Doelen\n\nas much as possible waar mogelijk.\n\n', 'forced');
    const vague = analyze(text, optionsFor('forced')).findings.find((f) => f.ruleId === 'vague-ambition');
    const remove = vague?.fixes.find((f) => /^(Schrap|Remove) /.test(f.title));
    assert.deepEqual(remove?.edits.map((e) => e.newText), ['K']);
  });

  it('a numbered title in an ordered list ends before the CR of its CRLF, not between CR and LF', () => {
    // The heading's range ended at character 12 of "2. Partijen", which has 11.
    const text = '# Convenant\r\n\r\n1. Ambitie\r\nWe lezen meer.\r\n2. Partijen\r\nDe gemeente en het schoolbestuur.\r\n';
    checkDocument(text, 'forced');
    const { findings } = analyze(text, optionsFor('forced'));
    assert.ok(findings.some((f) => f.range.end.line === 4 && f.range.end.character === 11));
  });
});
