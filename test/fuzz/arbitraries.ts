/**
 * Documents for the fuzzer: Markdown built from the structures partnership documents use (front matter, headings,
 * party lists, contribution tables, quotes, fences, placeholders), and real documents cut and mutated.
 */
import fc from 'fast-check';
import type { Seed } from './seeds';

/** Words the rules react to, so generated text reaches the rules, not only the parser. */
const WORDS = [
  'Gemeente Rivierstad', 'Stichting Kits Primair', 'de wethouder', 'het schoolbestuur', 'schoolbesturen', 'de gemeenteraad',
  'schooldirecteuren', 'leraren', 'ouders', 'kinderopvang', 'het samenwerkingsverband', 'jeugdhulp', 'leerlingen', 'GGD',
  'Harwick Borough Council', 'the Trust', 'parents', 'teachers', 'pupils', 'hierna te noemen: SKO', 'vertegenwoordigd door',
  'convenant', 'LEA', 'IHP', 'plan van aanpak', 'memorandum of understanding', 'notulen', 'nieuwsbrief',
  'zoveel mogelijk', 'zo snel mogelijk', 'waar mogelijk', 'versterken', 'verbeteren', 'streven naar', 'inzetten op',
  'as much as possible', 'improve', 'strengthen', 'in 2027', 'vóór 1 augustus 2028', '95%', '€ 40.000', '€ 5', '2 fte',
  '4 uur per week', 'twee keer per jaar', 'each term', 'levert', 'draagt bij met', 'contributes', 'Bijdrage:',
  'aanspreekpunt', 'contactpersoon', 'rol', 'taak', 'verantwoordelijk', 'belang', 'overleg', 'informeren elkaar vooraf',
  'de', 'het', 'een', 'en', 'of', 'and', 'the', 'met', 'voor', 'door', 'in', 'op', 'van', 'alle', 'kinderen', 'school',
];
const PLACEHOLDERS = ['[bedrag]', '[naam]', '[Naam]', '[Welke bijdrage?]', '[x]', '[ ]', '[', ']', 'n.t.b.', 'N.T.B.', 'nader te bepalen', 'PM', 'p.m.', '……', '...', '…', '<invullen>', 'TBD', 'volgt', 'XXX', '___'];
/** Characters that break naive offset arithmetic: surrogate pairs, joiners, combining marks, odd spaces. */
const ODD = ['é', 'ë', '€', '😀', '👩‍👩‍👧', '🏫', '𝔘', 'e\u0301', '\u00a0', '\u200b', '\u2028', '’', '–', '—', '\t', 'ß', 'İ', '\ud800', '\udc00', '\u0000', '\ufeff'];
const SECTION_TITLES = [
  'Partijen', 'Ondergetekenden', 'Ambitie', 'Gezamenlijke ambitie', 'Doelen', 'Bijdragen', 'Bijdragen van partijen', 'Inzet van partijen',
  'Rollen en taken', 'Overleg', 'Communicatie', 'Belangen', 'Betrokkenheid', 'Looptijd', 'Financiën', 'Parties', 'Ambition', 'Contributions',
  'Roles', 'Meetings', 'Inleiding', 'Bijlage',
];
const PARTIES = ['Gemeente Rivierstad', 'Stichting Kits Primair', 'Kinderopvang Humanitas', 'Samenwerkingsverband PO Rivierland', 'GGD Gelderland', 'Bibliotheek Rivierland', 'Basisschool De Kiem', 'obs Het Anker', 'Harwick Borough Council', 'Oakfield Academy Trust', 'ouders', 'leerlingen', 'de gemeenteraad'];

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

/** Text of a few words: vocabulary, placeholders, odd characters and random strings. */
const phrase = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...WORDS), weight: 8 },
      { arbitrary: fc.constantFrom(...PLACEHOLDERS), weight: 2 },
      { arbitrary: fc.constantFrom(...ODD), weight: 1 },
      { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 1 },
      { arbitrary: fc.constantFrom('**', '*', '_', '`', '|', ':', ';', ',', '.', '!', '?', '(', ')', '<', '>', '#', '\\', '&amp;', '<br>'), weight: 1 },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((words) => words.join(' '));

const sentence = fc.tuple(phrase, fc.constantFrom('.', '.', '!', '?', ':', '', ';', '...')).map(([p, end]) => p + end);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).chain((s) => fc.constantFrom(s.join(' '), s.join('\n')));

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constantFrom(...SECTION_TITLES), phrase), fc.constantFrom('', ' #', ' ##')).map(([depth, title, close]) => `${'#'.repeat(depth)} ${title}${close}`);
/** A paragraph that does a heading's work: bold, numbered or an article. */
const pseudoHeading = fc.tuple(fc.constantFrom(...SECTION_TITLES), fc.constantFrom('**{}**', '**{}**:', 'Artikel 4 – {}', '2.3 {}', '{}:', '4. {}')).map(([t, form]) => form.replace('{}', t));
const partyItem = fc.tuple(fc.oneof(fc.constantFrom(...PARTIES), phrase), fc.option(fc.oneof(fc.constantFrom(...PLACEHOLDERS), phrase), { nil: undefined }), fc.constantFrom(': ', ' – ', ' (', ', ')).map(([name, what, sep]) => (what === undefined ? name : `${name}${sep}${what}`));
const list = fc
  .tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '•   ', 'a) ', '- [ ] '), fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(partyItem, paragraph)), { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([marker, items, loose]) => items.map(([depth, text], i) => `${'  '.repeat(depth)}${/^\d/.test(marker) ? `${i + 1}${marker.slice(1)}` : marker}${text}`).join(loose ? '\n\n' : '\n'));
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(fc.oneof(fc.constantFrom(...PARTIES), fc.constantFrom(...PLACEHOLDERS), phrase), { minLength: 0, maxLength: 5 }), { maxLength: 6 }), fc.boolean())
  .map(([columns, rows, pipes]) => {
    const header = ['Partij', 'Bijdrage', 'Streefwaarde', 'Streefjaar'].slice(0, columns);
    const line = (cells: string[]): string => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  });
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````', '```md', '    '), fc.oneof(paragraph, heading, fc.constant('---\ntype: convenant\n---')), fc.boolean()).map(([open, body, closed]) =>
  open === '    ' ? body.split('\n').map((l) => `    ${l}`).join('\n') : `${open}\n${body}${closed ? `\n${open.replace(/md$/, '')}` : ''}`,
);
const comment = fc.tuple(fc.oneof(paragraph, heading), fc.boolean()).map(([body, closed]) => `<!-- ${body}${closed ? ' -->' : ''}`);
const definition = fc.tuple(fc.constantFrom('', '  ', '> ', '- '), fc.constantFrom('b', 'bijlage', '1')).map(([prefix, label]) => `${prefix}[${label}]: https://example.org/${label}`);
const frontMatter = fc
  .tuple(
    fc.constantFrom('convenant', 'lea', 'ihp', 'plan van aanpak', 'notulen', 'jaarverslag', 'samenwerkingsovereenkomst', '[type]', ''),
    fc.array(fc.constantFrom(...PARTIES), { maxLength: 4 }),
    fc.constantFrom('---', '...', ''),
    fc.constantFrom('', 'taal: en\n', 'language: nl\n', '\ttaal: nl\n', 'partijen: Gemeente X\n', 'partijen: 3\n', 'a: &a [1]\nb: *a\n', 'titel: "open\n'),
  )
  .map(([type, parties, close, extra]) => `---\ntype: ${type}\n${extra}${parties.length ? `partijen:\n${parties.map((p) => `  - ${p}`).join('\n')}\n` : ''}${close}`);

const quoted = <T extends string>(arb: fc.Arbitrary<T>): fc.Arbitrary<string> => arb.map((text) => text.split('\n').map((l) => `> ${l}`).join('\n'));

export const block: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: heading, weight: 4 },
  { arbitrary: paragraph, weight: 6 },
  { arbitrary: list, weight: 4 },
  { arbitrary: table, weight: 2 },
  { arbitrary: pseudoHeading, weight: 2 },
  { arbitrary: fence, weight: 1 },
  { arbitrary: comment, weight: 1 },
  { arbitrary: definition, weight: 1 },
  { arbitrary: quoted(fc.oneof(paragraph, list, heading)), weight: 1 },
  { arbitrary: fc.constantFrom('---', '***', '___', '<div>', '</div>', '<br>', '', ' '), weight: 1 },
);

/** Replaces every line break with the given ones in turn: all LF, all CRLF, all CR, or a mix. */
export function withLineEnds(text: string, ends: readonly string[]): string {
  if (!ends.length) return text;
  let i = 0;
  return text.replace(/\r\n|\r|\n/g, () => ends[i++ % ends.length]);
}

/** A Markdown document built from the structures above, with any line ends and sometimes a BOM. */
export const generatedDocument: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.option(frontMatter, { nil: '' }), fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n')), { maxLength: 12 }), fc.oneof(fc.constant([]), fc.array(lineEnd, { minLength: 1, maxLength: 4 })))
  .map(([bom, fm, blocks, ends]) => withLineEnds(`${bom ? '\ufeff' : ''}${fm ? `${fm}\n\n` : ''}${blocks.map(([b, sep]) => b + sep).join('')}`, ends));

/** One change to a document, at a relative place so it fits any length. */
export interface Mutation {
  kind: 'insert-line' | 'delete-line' | 'duplicate-line' | 'swap-lines' | 'insert-text' | 'delete-text' | 'splice';
  at: number;
  other: number;
  length: number;
  text: string;
}

/** What a mutation inserts: Markdown syntax that changes the structure around it, or a whole block. */
const PIECES = ['\n', '\n\n', '\r', '\r\n', '# ', '## Bijdragen', '- ', '1. ', '> ', '|', '| a | b |', '```', '~~~', '<!--', '-->', '---', '...', '[b]: http://x', '**', '  ', '\t', '[', ']', '\ufeff'];

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('insert-line', 'delete-line', 'duplicate-line', 'swap-lines', 'insert-text', 'delete-text', 'splice'),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  other: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  length: fc.integer({ min: 1, max: 60 }),
  text: fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 3 }, { arbitrary: fc.constantFrom(...PLACEHOLDERS, ...ODD), weight: 1 }, { arbitrary: block, weight: 2 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }),
});

/** Applies a mutation; a splice inserts `donor` (another document's lines) at a line boundary. */
export function mutate(text: string, m: Mutation, donor = ''): string {
  const lines = text.split('\n');
  const i = Math.floor(m.at * lines.length);
  const j = Math.floor(m.other * lines.length);
  const offset = Math.floor(m.at * (text.length + 1));
  switch (m.kind) {
    case 'insert-line':
      lines.splice(i, 0, m.text);
      return lines.join('\n');
    case 'delete-line':
      lines.splice(i, Math.max(1, Math.floor(m.length / 20)));
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(i, 0, ...lines.slice(i, i + Math.max(1, Math.floor(m.length / 10))));
      return lines.join('\n');
    case 'swap-lines':
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    case 'insert-text':
      return text.slice(0, offset) + m.text + text.slice(offset);
    case 'delete-text':
      return text.slice(0, offset) + text.slice(offset + m.length);
    case 'splice':
      lines.splice(i, 0, donor || m.text);
      return lines.join('\n');
  }
}

/** `count` lines of a document from a relative place: a window keeps a 150 KB corpus file affordable per case. */
export function window(text: string, from: number, count: number): string {
  const lines = text.split('\n');
  const start = Math.floor(from * Math.max(0, lines.length - count));
  return lines.slice(start, start + count).join('\n');
}

/** A real document, whole or a window of it, mutated a few times, sometimes spliced with another one. */
export function mutatedSeed(seeds: Seed[]): fc.Arbitrary<string> {
  const pick = fc.nat({ max: seeds.length - 1 });
  const part = fc.tuple(pick, fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof({ arbitrary: fc.integer({ min: 1, max: 40 }), weight: 15 }, { arbitrary: fc.constant(Number.MAX_SAFE_INTEGER), weight: 1 }));
  return fc
    .tuple(part, fc.array(fc.tuple(mutation, part), { maxLength: 6 }), fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, { arbitrary: fc.array(lineEnd, { minLength: 1, maxLength: 3 }), weight: 1 }))
    .map(([[seed, from, count], mutations, ends]) => {
      let text = window(seeds[seed].text, from, count);
      for (const [m, [donor, donorFrom, donorCount]] of mutations) text = mutate(text, m, m.kind === 'splice' ? window(seeds[donor].text, donorFrom, Math.min(donorCount, 30)) : '');
      return withLineEnds(text, ends);
    });
}

/** Any document: generated or mutated from a seed, about half each. */
export function anyDocument(seeds: Seed[]): fc.Arbitrary<string> {
  return seeds.length ? fc.oneof(generatedDocument, mutatedSeed(seeds)) : generatedDocument;
}
