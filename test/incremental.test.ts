import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, buildModel, type ChunkCache } from '../server/src/engine';

const folders = [join(__dirname, '..', 'examples'), ...['realistic', 'outsider'].map((d) => join(__dirname, 'fixtures', d))];
const docs = folders.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8')));

/** The model as the rules see it, without the object identities that differ between two builds. */
function essentials(text: string, options: Parameters<typeof buildModel>[1]) {
  const m = buildModel(text, options);
  return {
    plain: m.plain,
    kind: m.kind,
    language: m.language,
    sections: m.sections.map((s) => ({ start: s.start, end: s.end, cls: s.cls, heading: s.heading })),
    blocks: m.blocks.map(({ section, ...b }) => ({ ...b, section: section.start })),
    parties: m.parties,
    mentions: m.mentions,
  };
}

/** Pieces that stress the chunk cuts: blank lines, headings, fences, comments, list markers, table pipes. */
const PIECES = ['\n', '\n\n', '# ', '## Bijdragen\n\n', '- ', '1. ', '| a | b |\n', '```\n', '~~~', '<!--', '-->', '[x]: http://x\n', '---\n', '  ', 'a', 'raad', 'zoveel mogelijk', '€ 5', 'n.t.b.', 'schoolleiders', '\r\n', '> '];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })),
});

/** Documents where cutting at the wrong place changes the structure. */
const TRAPS: Record<string, string> = {
  'loose list': '# Convenant\n\n## Partijen\n\n- Gemeente A\n\n- Stichting B\n\n1. een\n\n2. twee\n',
  'heading inside a fence': '# Plan\n\n```\n\n# geen kop\n\n```\n\n## Ambitie\n\nTekst.\n',
  'comment over blank lines': '# Plan\n\n<!-- begin\n\n## geen kop\n\n-->\n\n## Ambitie\n',
  'front matter with a YAML comment': '---\ntype: convenant\n\n# opmerking\n\npartijen: [Gemeente A]\n---\n\n# Convenant\n',
  'reference definitions': '# Plan\n\nZie [de bijlage][b].\n\n## Bijlage\n\n[b]: https://example.org\n',
  'lazy quote and indented code': '# Plan\n\n> citaat\nloopt door\n\n    code\n\n    meer code\nTekst\n',
  'windows line ends': '# Plan\r\n\r\n- a\r\n\r\n- b\r\n\r\n## Ambitie\r\n',
};

describe('chunks cut only where Markdown starts a new block', () => {
  for (const [name, text] of Object.entries(TRAPS)) {
    it(name, () => assert.deepEqual(essentials(text, { cache: new Map() }), essentials(text, { chunked: false })));
  }
});

describe('incremental analysis equals a full re-analysis', () => {
  it('for random edit sequences on the examples: same model, same findings, same ranges, same fixes', function () {
    this.timeout(180_000);
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (docIndex, edits) => {
        let text = docs[docIndex];
        const cache: ChunkCache = new Map();
        analyze(text, { cache });
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          const incremental = analyze(text, { cache });
          const whole = analyze(text, { chunked: false });
          assert.deepEqual(incremental, whole);
          assert.deepEqual(essentials(text, { cache: new Map() }), essentials(text, { chunked: false }));
        }
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });
});
