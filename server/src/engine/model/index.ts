/**
 * The document model the rules run over: kind, language, parties, classified sections, blocks of clean text and
 * every stakeholder mention. Built from cached chunks (./chunks), front matter (./front-matter), sections
 * (./sections) and parties (./parties).
 */
import type { SuppressionMarker } from '../suppress';
import { LineIndex, findAll, matchesOf, wordRegExp, type Span } from '../text';
import type { Notice } from '../types';
import { groupMentions, groupsWith, kindIn, languageFromValue, literal } from '../vocabulary';
import { chunkBoundaries, chunkFacts, type ChunkCache, type ChunkFacts, type PartyCandidate } from './chunks';
import { boundNesting, MAX_DEPTH } from './depth';
import { KIND_KEYS, LANGUAGE_KEYS, firstValue, readFrontMatter } from './front-matter';
import { frontMatterParties, sectionParties, withBodyAliases, withGenericAliases } from './parties';
import { assignSections, buildSections } from './sections';
import type { DocumentModel, Heading, Mention, Party } from './types';

export type * from './types';
export type { ChunkCache } from './chunks';
export { chunkBoundaries } from './chunks';

function shift<T extends { start: number; end: number }>(span: T, by: number): T {
  return { ...span, start: span.start + by, end: span.end + by };
}

export interface ModelOptions {
  cache?: ChunkCache;
  chunked?: boolean;
  /** The user's own synonyms per stakeholder group, literal text. */
  groups?: Record<string, string[]>;
}

/**
 * A pseudo-heading's depth comes from its numbering ("4.1" is 3), but it always sits under the real heading before
 * it: "**4.1 The Council** will:" under "### 4. Contributions" is a subsection, not a sibling.
 */
function nestPseudoHeadings(headings: Heading[]): Heading[] {
  let real = 0;
  return headings.map((h) => {
    if (!h.pseudo) {
      real = h.depth;
      return h;
    }
    return h.depth > real ? h : { ...h, depth: real + 1 };
  });
}

/** Short lines at the top of the text, like a letterhead: "ASHCOMBE CITY COUNCIL", "REPORT TO CABINET". */
export function headerLines(plain: string): string[] {
  return plain.slice(0, 600).split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 4).filter((l) => l.split(/\s+/).length <= 10);
}

/** Without a heading, a short first line of the text is the title ("Lokaal Educatieve Agenda Zeewolde 2025"). */
function titleOf(headings: Heading[], plain: string): Heading | null {
  const real = headings.find((h) => h.depth === 1 && !h.pseudo) ?? headings.find((h) => !h.pseudo);
  const firstText = /\S[^\r\n]*/.exec(plain);
  if (real && (!firstText || real.start <= firstText.index + 1)) return real;
  if (firstText && firstText[0].trim().split(/\s+/).length <= 14 && !/[.;,]$/.test(firstText[0].trim())) {
    const text = firstText[0].trim();
    return { start: firstText.index, end: firstText.index + text.length, depth: 1, text, pseudo: true };
  }
  return real ?? null;
}

/**
 * Builds the document model. With a cache (one per open document), the document is cut into chunks and those whose
 * text did not change are reused. Without one it is cut only into large chunks; `chunked: true` forces the fine cuts
 * and `chunked: false` one parse of the whole (the reference the tests compare the chunked paths with).
 */
export function buildModel(text: string, options: ModelOptions = {}): DocumentModel {
  const index = new LineIndex(text);
  // What the parser reads: the text with lines nested too deep to parse blanked (same offsets).
  const { text: parsed, hidden } = boundNesting(text);
  // Without a cache there is nothing to reuse, and a few large chunks parse faster than many small ones.
  // micromark drops a BOM at the start of what it parses and counts its offsets without it, so the chunks start after
  // every leading one ("\ufeff\ufeff" from two tools that each added one).
  const bom = /^\ufeff*/.exec(parsed)![0].length;
  const cuts = (options.chunked === false ? [0] : chunkBoundaries(parsed.slice(bom), !options.cache && options.chunked !== true)).map((cut) => cut + bom);
  const previous = options.cache ? new Map(options.cache) : undefined;
  options.cache?.clear();

  const plainParts: string[] = bom ? [' '.repeat(bom)] : [];
  const headings: Heading[] = [];
  const rawBlocks: ChunkFacts['blocks'] = [];
  const candidates: PartyCandidate[] = [];
  const chunkMentions: Mention[] = [];
  const markers: SuppressionMarker[] = [];
  const topBlocks: Span[] = [];
  let yaml: ChunkFacts['yaml'] = null;
  const votes = { nl: 0, en: 0 };
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i];
    const chunk = parsed.slice(at, cuts[i + 1] ?? text.length);
    let facts = previous?.get(chunk);
    if (!facts) facts = chunkFacts(chunk);
    options.cache?.set(chunk, facts);
    plainParts.push(facts.plain);
    for (const h of facts.headings) headings.push(shift(h, at));
    for (const b of facts.blocks) {
      rawBlocks.push({
        ...shift(b, at),
        listItem: b.listItem && { item: shift(b.listItem.item, at), list: shift(b.listItem.list, at) },
        lead: b.lead && shift(b.lead, at),
        table: b.table && { ...b.table, cells: b.table.cells.map((c) => shift(c, at)), tableSpan: shift(b.table.tableSpan, at) },
      });
    }
    for (const c of facts.partyCandidates) candidates.push(shift(c, at));
    for (const m of facts.mentions) chunkMentions.push(shift(m, at));
    for (const m of facts.markers) markers.push(shift(m, at));
    for (const b of facts.topBlocks) topBlocks.push(shift(b, at));
    if (i === 0) yaml = facts.yaml && shift(facts.yaml, at);
    votes.nl += facts.votes.nl;
    votes.en += facts.votes.en;
  }
  const plain = plainParts.join('');
  const notices: Notice[] = hidden.map((span) => ({ message: DEPTH_NOTICE, range: index.range(span.start, span.end) }));
  const frontMatter = readFrontMatter(yaml, index, notices);

  const sections = buildSections(nestPseudoHeadings(headings), text.length);
  const blocks = assignSections(rawBlocks, sections);
  const title = titleOf(headings, plain);

  const kindValue = frontMatter ? firstValue(frontMatter.data, KIND_KEYS) : undefined;
  // Only the kinds Samenspel knows count: `type: jaarverslag` or `type: post` is front matter of something else.
  const fmKind = typeof kindValue === 'string' ? kindIn(kindValue) : null;
  // "OFFICIAL / MEMORANDUM OF UNDERSTANDING", "Gemeente Stroomwolde / Huisvestingsplan OBS De Meander": the kind may
  // stand on a short line under a letterhead rather than in the first one.
  const titleKind = (title ? kindIn(title.text) : null) ?? headerLines(plain).filter((l) => !/[:,.;]$|:\s/.test(l)).map(kindIn).find(Boolean) ?? null;

  const languageValue = frontMatter ? firstValue(frontMatter.data, LANGUAGE_KEYS) : undefined;
  const language = languageFromValue(languageValue) ?? (votes.en > votes.nl ? 'en' : 'nl');

  const groups = groupsWith(options.groups ?? {});
  // The user's synonyms can span anything, so they are matched on the whole text; the built-in ones per chunk.
  const extended = groups.filter((g) => options.groups?.[g.id]?.length);
  const vocabularyMentions = extended.length ? groupMentions(extended, plain).filter((m) => !chunkMentions.some((o) => o.start === m.start && o.group === m.group)) : [];
  const parties: Party[] = withGenericAliases(withBodyAliases(frontMatterParties(text, frontMatter, groups) ?? sectionParties(candidates, sections, groups), plain));
  const mentions = [...chunkMentions, ...vocabularyMentions, ...partyMentions(parties), ...schoolNameMentions(parties, plain)].sort((a, b) => a.start - b.start);

  return {
    text,
    index,
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    plain,
    frontMatter,
    kind: fmKind || titleKind,
    kindSource: fmKind ? 'front-matter' : titleKind ? 'title' : null,
    declaredType: typeof kindValue === 'string' ? kindValue : null,
    language,
    title,
    sections,
    blocks,
    parties,
    mentions,
    notices,
    markers,
    topBlocks,
  };
}

const DEPTH_NOTICE = `Deze regels zijn dieper dan ${MAX_DEPTH} niveaus genest (lijsten of citaten) en worden niet gecontroleerd; de rest van het document wel. / These lines are nested deeper than ${MAX_DEPTH} levels (lists or quotes) and are not checked; the rest of the document is.`;

/** A school itself ("Basisschool De Kiem", "obs De Regenboog") signs through its director; its board is another body. */
const ONE_SCHOOL = /^(openbare |christelijke |katholieke )?(basisschool|school|obs|cbs|rkbs|pcbs|sbo|kindcentrum|ikc)\s/iu;

/** A declared party names its group even when its name has no keyword ("Lucas Onderwijs", "Gemeente X"). */
function partyMentions(parties: Party[]): Mention[] {
  return parties.flatMap((party): Mention[] => {
    if (party.type === 'municipal') return [{ group: 'gemeentebestuur', start: party.start, end: party.end }];
    if (party.type === 'education' && !ONE_SCHOOL.test(party.name)) return [{ group: 'schoolbesturen', start: party.start, end: party.end }];
    return [];
  });
}

/** "basisschool De Vlonder", "obs Het Anker": the names the text gives its schools. */
const SCHOOL_NAME = /(?<![\p{L}])(?:basisschool|school|obs|cbs|rkbs|pcbs|sbo|kindcentrum|ikc)\s+((?:(?:De|Het|'t|Sint|St\.?)\s+)?\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+)?)/u;

/** "de directeur van De Kiem" names a school director when De Kiem is a school: a party, or named as one. */
const DIRECTOR_OF = /(directeur|directie|director|head ?teacher|head) (van|of) /i;

function schoolNameMentions(parties: Party[], plain: string): Mention[] {
  // Most documents never say "de directeur van …": then there is nothing to look up.
  if (!DIRECTOR_OF.test(plain)) return [];
  const names = [
    ...parties.filter((p) => ONE_SCHOOL.test(p.name)).flatMap((p) => [p.name, p.name.replace(ONE_SCHOOL, '')]),
    ...matchesOf(SCHOOL_NAME, plain).map((m) => m[1]),
  ];
  if (!names.length) return [];
  const re = wordRegExp(`(de |het |the )?(directeur|directie|director|head ?teacher|head) (van|of) (de |het |the )?(${[...new Set(names)].map(literal).join('|')})`);
  return findAll(re, plain).map((span) => ({ group: 'schooldirecteuren', ...span }));
}
