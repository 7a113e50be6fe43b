import { strict as assert } from 'node:assert';
import { analyze, buildModel, type AnalysisResult } from '../server/src/engine';

/** What a reader sees of an analysis: findings with their ranges, notices and the scope. */
const seen = (r: AnalysisResult): string => JSON.stringify({ scope: r.scope, kind: r.kind, findings: r.findings.map((f) => [f.ruleId, f.range, f.message]), notices: r.notices });

/** The chunked, cached path (the editor's) must read a document as the whole parse (the CLI's) does. */
function assertAgree(text: string): void {
  const whole = analyze(text, { chunked: false });
  const chunked = analyze(text, { chunked: true, cache: new Map() });
  assert.equal(seen(chunked), seen(whole));
  // The model too: a heading or a blanked stretch that changes no finding here is still a different reading.
  const model = (chunked: boolean): string => {
    const m = buildModel(text, { chunked, cache: new Map() });
    return JSON.stringify({ plain: m.plain, headings: m.sections.map((s) => s.heading && [s.heading.start, s.heading.text]), blocks: m.blocks.map((b) => [b.start, b.end, b.type]) });
  };
  assert.equal(model(true), model(false));
}

const COVENANT = '---\ntype: convenant\n---\n# Convenant\n\n## Partijen\n\n- Gemeente Rivierstad\n- Stichting Kits Primair\n\n';
/** Enough paragraphs that the chunker cuts (it cuts at headings and once a chunk exceeds 16 KB). */
const filler = (n: number): string => Array.from({ length: n }, (_, i) => `## Thema ${i}\n\nPartijen willen de samenwerking versterken in de wijk ${i}.\n\n`).join('');

describe('the chunked parse and the whole parse agree (issue #11 §3)', () => {
  it('on a "---" pair after a chunk of more than 16 KB (a rule, not front matter)', () => {
    assertAgree(`${COVENANT}${'Partijen willen samen optrekken. '.repeat(600)}\n\n---\nvoetnoot: x\n---\n\n## Ambitie\n\nPartijen willen zoveel mogelijk samenwerken.\n`);
  });

  it('on a link definition inside a blockquote or a list item', () => {
    assertAgree(`${COVENANT}${filler(10)}> [ref]: https://example.org\n\n${filler(5)}Zie [ref].\n`);
    assertAgree(`${COVENANT}${filler(10)}- [ref]: https://example.org\n\n${filler(5)}Zie [ref].\n`);
  });

  it('on a lone CR before a code fence', () => {
    assertAgree(`${COVENANT}${filler(5)}Tekst\r\r\`\`\`\n\n## Ambitie\n\nPartijen willen zoveel mogelijk samenwerken.\n\n\`\`\`\n\n${filler(5)}`);
  });

  it('on front matter "closed" by "..."', () => {
    assertAgree(`---\ntype: convenant\n...\n# Convenant\n\n${filler(10)}---\n\n## Ambitie\n\nPartijen willen zoveel mogelijk samenwerken.\n`);
  });

  // Found by the fuzzer: the parser opens front matter at "---" followed by blanks, the chunker did not.
  it('on front matter opened by "---" with trailing blanks', () => {
    assertAgree('---\t\n\nAfsprakenkader samenwerking gemeente Lindewijk en schoolbesturen\n---');
    assertAgree(`--- \ntype: convenant\n---\n# Convenant\n\n${filler(10)}`);
  });

  // Found by the fuzzer: a line of no-break spaces is text to the parser, not a blank line to cut after.
  it('on a line of no-break spaces before a paragraph underlined as a heading', () => {
    assertAgree('\u00a0\nGemeente Rivierstad en p.m. draagt bij.\n…… het samenwerkingsverband.\n---');
    assertAgree(`${COVENANT}${filler(10)}\u00a0\n\nTekst van de wijk.\n---\n\n${filler(10)}`);
  });

  it('on a name followed, after a blank line, by words that would complete a phrase (a chunk ends at the blank line)', () => {
    // "Council" + "Meetings" is a false friend only within a paragraph; across the blank line the chunks never meet.
    assertAgree('\n---\ntype: convenant\npartijen:\n  - Harwick Borough Council\n\n\n# Meetings\n\n');
    assertAgree('\r\n---\r\ntype: convenant\r\npartijen:\r\n  - Harwick Borough Council\r\n\r\n# Meetings\r\n');
    const model = buildModel('# Convenant\n\nHarwick Borough Council\n\n\n# Meetings\n\n', { chunked: false });
    assert.ok(model.mentions.some((m) => m.group === 'gemeentebestuur'), 'the council is named, whatever heading follows');
    // Within a paragraph a phrase still runs across a line break, LF or CRLF ("council\nmeetings" is a false friend).
    for (const nl of ['\n', '\r\n', '\r']) {
      const soft = buildModel(`# Verslag${nl}${nl}De Borough Council${nl}meetings gaan door.${nl}`, { chunked: false });
      assert.ok(!soft.mentions.some((m) => m.group === 'gemeentebestuur'), JSON.stringify(nl));
    }
  });

  it('on a second BOM, at the start or at the start of a later line', () => {
    assertAgree('\ufeff\ufeff<!-- Gemeente Rivierstad.\n\n# Gemeente Rivierstad\n\n');
    assertAgree(`${COVENANT}${filler(10)}\ufeff<!-- Gemeente Rivierstad.\n\n${filler(10)}`);
    // Both BOMs are left out of the offsets, so a finding's range is where its text is.
    const withTwo = analyze(`\ufeff\ufeff${COVENANT}## Ambitie\n\nPartijen willen zoveel mogelijk samenwerken.\n`);
    const ambition = withTwo.findings.find((f) => f.ruleId === 'vague-ambition');
    assert.ok(ambition);
    assert.equal(ambition.range.start.character, 0);
  });

  it('without a cache too, where a large document is cut into large chunks', () => {
    const big = `${COVENANT}${filler(600)}`;
    assert.equal(seen(analyze(big)), seen(analyze(big, { chunked: false })));
  });

  it('on the examples', () => {
    for (const text of [`${COVENANT}${filler(40)}`]) assertAgree(text);
  });
});
