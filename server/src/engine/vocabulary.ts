/**
 * The vocabulary, read from the data files in ../vocabulary (one file per concept, Dutch and English side by side).
 * The rules, the scan and the grammar build all read those files; this module only compiles them. Both languages are
 * always matched: Dutch documents quote English names and the other way round.
 */
import anchorData from '../vocabulary/anchors.json';
import contributionData from '../vocabulary/contributions.json';
import genreData from '../vocabulary/genres.json';
import groupData from '../vocabulary/groups.json';
import hedgeData from '../vocabulary/hedges.json';
import kindData from '../vocabulary/kinds.json';
import placeholderData from '../vocabulary/placeholders.json';
import scanData from '../vocabulary/scan.json';
import sectionData from '../vocabulary/sections.json';
import type { Language } from './types';
import { findAll, matchesOf, normalize, overlaps, replaceAll, wordRegExp, type Span } from './text';

/** Dutch and English phrases of one concept. */
export interface Phrases {
  nl: string[];
  en: string[];
}

/** One alternation of both languages' patterns. */
function alternation(phrases: Phrases | string[]): string {
  const list = Array.isArray(phrases) ? phrases : [...phrases.nl, ...phrases.en];
  // A space in a phrase is any run of white space: text from a PDF breaks lines mid-phrase ("Raad van\nToezicht").
  // ".{0,60}" in a phrase may cross a line break too, but not NUL, which groupMentions puts in every blank line (see
  // withinParagraphs): a phrase stays in its paragraph. Kept short, as each pattern's size is its compile time.
  return list.map((p) => `(?:${p.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+').replace(/\.\{(\d+),(\d+)\}/g, '[^\\0]{$1,$2}')})`).join('|');
}

/** A whole-word, case-insensitive matcher for a concept; stateless (not global). */
export function wordsOf(phrases: Phrases | string[], flags = 'iu'): RegExp {
  return wordRegExp(alternation(phrases), flags);
}

/** User vocabulary is literal text: escaped, never compiled as given. */
export function literal(text: string): string {
  return text.trim().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
}

// ---------------------------------------------------------------------------------------------------------------
// Stakeholder groups

export interface StakeholderGroup {
  id: string;
  /** False for groups of people (council, directors) that take part without signing as a party. */
  organisation: boolean;
  label: Record<Language, string>;
  line: Record<Language, string>;
  role: Record<Language, string>;
  /** Every pattern of the group: for testing one name. */
  any: RegExp;
  /** The patterns that are whole words; the compounds ("\\p{L}*wethouders?") are scanned for all groups at once. */
  words: RegExp;
  /** The compound heads, without their "\\p{L}*" prefix. */
  compounds: string[];
  falseFriends: RegExp | null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** "\\p{L}*wethouders?": any compound ending in the head. Each such pattern costs a scan of every word. */
const COMPOUND = '\\p{L}*';

function compileGroup(g: (typeof groupData.groups)[number], extra: string[] = []): StakeholderGroup {
  const friends = [...g.falseFriends.nl, ...g.falseFriends.en];
  const all = [...g.nl, ...g.en, ...extra.map(literal)];
  const words = all.filter((p) => !p.startsWith(COMPOUND));
  return {
    id: g.id,
    organisation: g.organisation,
    label: g.label,
    line: g.line,
    role: g.role,
    any: wordRegExp(alternation(all)),
    // Without the leading word-start look-behind, which makes the engine try every position: checked after.
    words: new RegExp(`(?:${alternation(words)})(?![\\p{L}\\p{N}])`, 'iu'),
    compounds: all.filter((p) => p.startsWith(COMPOUND)).map((p) => p.slice(COMPOUND.length)),
    falseFriends: friends.length ? wordRegExp(alternation(friends)) : null,
  };
}

export const STAKEHOLDER_GROUPS: StakeholderGroup[] = groupData.groups.map((g) => compileGroup(g));
export const DEFAULT_REQUIRED_GROUPS: string[] = groupData.requiredByDefault;
export const GROUP_IDS: string[] = groupData.groups.map((g) => g.id);

export function stakeholderGroup(id: string): StakeholderGroup | undefined {
  return STAKEHOLDER_GROUPS.find((g) => g.id === id);
}

/** The groups with the user's own synonyms (literal text) added; without any, the shared compiled ones. */
export function groupsWith(extra: Record<string, string[]>): StakeholderGroup[] {
  if (!Object.values(extra).some((list) => list.length)) return STAKEHOLDER_GROUPS;
  return groupData.groups.map((g) => (extra[g.id]?.length ? compileGroup(g, extra[g.id]) : STAKEHOLDER_GROUPS.find((s) => s.id === g.id)!));
}

/** One regex for the compound heads of all groups, a named capture per group: one scan of the words, not one per group. */
const compoundScans = new WeakMap<StakeholderGroup[], RegExp>();
function compoundScan(groups: StakeholderGroup[]): RegExp {
  let re = compoundScans.get(groups);
  if (!re) {
    const heads = groups.filter((g) => g.compounds.length).map((g) => `(?<${g.id}>${alternation(g.compounds)})`);
    re = wordRegExp(`${COMPOUND}(?:${heads.join('|')})`);
    compoundScans.set(groups, re);
  }
  return re;
}

/** Where the groups are named in `text`, minus false friends. */
/**
 * The text with the line break that ends each blank line made NUL, same length: white space in a phrase then never
 * runs across a blank line, so a phrase stays in its paragraph, and a chunk cut at a blank line reads as the whole.
 */
function withinParagraphs(text: string): string {
  // A CRLF is one line break, never a CR and then an LF. No look-behind: it would be tried at every position.
  return text.replace(/(\r\n|\r(?!\n)|\n)([ \t]*)(\r\n?|\n)/g, (_, end: string, blanks: string, next: string) => `${end}${blanks}\0${next.slice(1)}`);
}

export function groupMentions(groups: StakeholderGroup[], original: string): Array<Span & { group: string }> {
  const text = withinParagraphs(original);
  const found: Array<Span & { group: string }> = [];
  for (const g of groups) {
    // A match inside a word ("raad" in "voorraad") is dropped; findAll goes on from the next character.
    for (const span of findAll(g.words, text)) if (span.start === 0 || !WORD_CHAR.test(text[span.start - 1])) found.push({ group: g.id, ...span });
  }
  for (const m of matchesOf(compoundScan(groups), text)) {
    const id = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    if (id) found.push({ group: id, start: m.index, end: m.index + m[0].length });
  }
  const friends = new Map(groups.map((g) => [g.id, g.falseFriends ? findAll(g.falseFriends, text) : []]));
  return found.filter((m) => !friends.get(m.group)!.some((x) => overlaps(x, m)));
}

/** Spans in `text` where one group is named, minus false friends. */
function groupMatches(group: StakeholderGroup, text: string): Span[] {
  return groupMentions([group], text).map(({ start, end }) => ({ start, end }));
}

// ---------------------------------------------------------------------------------------------------------------
// Kinds and genres

const KIND_RES = kindData.kinds.map((k) => ({ id: k.id, re: wordsOf(k, 'iu') }));
const AGREEMENT = wordsOf(kindData.agreementWords, 'iu');
const GENRE = wordsOf(genreData, 'iu');
const EDUCATION_TOPIC = wordsOf(kindData.educationTopic, 'iu');

/** Whether a text is about education at all. */
export function aboutEducation(text: string): boolean {
  return EDUCATION_TOPIC.test(text);
}

/** The partnership kind a text names first (a title, a front-matter value), or null. */
export function kindIn(text: string): string | null {
  let best: { id: string; at: number } | null = null;
  for (const k of KIND_RES) {
    const m = k.re.exec(text);
    if (m && (!best || m.index < best.at)) best = { id: k.id, at: m.index };
  }
  return best?.id ?? null;
}

/** True when an unknown front-matter type still names an agreement ("raamovereenkomst", "memorandum"). */
export function namesAgreement(text: string): boolean {
  return AGREEMENT.test(text);
}

/** The genre a title or type names that only talks about partnerships (minutes, newsletter, annual report …). */
export function genreIn(text: string): string | null {
  return GENRE.exec(text)?.[0].toLowerCase() ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

export type SectionClass =
  | 'parties'
  | 'involvement'
  | 'ambition'
  | 'contributions'
  | 'background'
  | 'method'
  | 'interests'
  | 'roles'
  | 'meetings'
  | 'communication'
  | 'evaluation'
  | 'signature';

const SECTION_RES = sectionData.sections.map((s) => ({ cls: s.class as SectionClass, strong: !!s.strong, weak: !!(s as { weak?: boolean }).weak, re: wordsOf(s, 'iu'), whole: new RegExp(`^(?:${alternation(s)})$`, 'iu') }));

/** "Artikel 3 –", "2.3", "Hoofdstuk 4:", "B." say where a section is, not what it is about. */
function stripNumbering(text: string): string {
  return text.replace(/^\s*((artikel|article|art\.|hoofdstuk|chapter|paragraaf|section|clause|bijlage|annex|schedule|thema|theme|deel|part)(?!\p{L})\s*)?(\p{N}+[a-z]?(\.\p{N}+)*\.?|[ivxlc]+\.|[a-z][.)])?\s*[-–—:.)]?\s*/iu, '');
}

const headingMemo = new Map<string, SectionClass | null>();
/**
 * The class of a heading, or null. Long "headings" are text that lost its layout and classify as nothing. With
 * `whole`, only a text that is nothing but a section name classifies ("De ondergetekenden", "Visie").
 */
export function classifyHeading(text: string, whole = false): SectionClass | null {
  // Headings come back on every keystroke: a pure memo keeps the model cheap.
  const key = `${whole ? 1 : 0}${text}`;
  const known = headingMemo.get(key);
  if (known !== undefined) return known;
  if (headingMemo.size > 8192) headingMemo.clear();
  const found = classify(text, whole);
  headingMemo.set(key, found);
  return found;
}

function classify(text: string, whole: boolean): SectionClass | null {
  const clean = normalize(stripNumbering(text));
  if (!clean || clean.split(' ').length > 8) return null;
  let best: { cls: SectionClass; at: number; rank: number } | null = null;
  for (const s of SECTION_RES) {
    const m = whole ? s.whole.exec(clean) : s.re.exec(clean);
    if (!m) continue;
    // Strong classes win wherever they match, weak ones only alone; among equals the earliest match wins.
    const rank = s.strong ? 2 : s.weak ? 0 : 1;
    if (!best || rank > best.rank || (rank === best.rank && m.index < best.at)) best = { cls: s.cls, at: m.index, rank };
  }
  return best?.cls ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Placeholders, hedges, anchors, contributions, scan words

/** A fill-in field such as [bedrag], …… or XX: not whole-word, the field marks itself. */
export const FIELD = new RegExp(placeholderData.fields.map((p) => `(?:${p})`).join('|'), 'u');
/** Words that put a value off: n.t.b., PM, nader te bepalen, to be agreed. */
export const DEFERRAL = wordsOf(placeholderData.deferrals);
/** A cell that only defers its value: "TBC", "n.t.b.", "PM". */
export const DEFERRAL_ONLY = new RegExp(`^(?:${DEFERRAL.source})[.;,]?$`, 'iu');
/** What a value says once its fields and a clause number in front ("5.4", which is no amount) are left out. */
export function valueText(text: string): string {
  return replaceAll(FIELD, text, '').replace(/^\s*\p{N}+(\.\p{N}+)*\.?\s+/u, '');
}
/** A value that puts itself off: a deferral ("n.t.b.", "PM", "volgt na de begroting") and no number beside it. */
export function deferredValue(text: string): boolean {
  const value = valueText(text);
  return DEFERRAL.test(value) && !/\p{N}/u.test(value);
}

/** Deferrals that leave a spot open even in running text ("de bijdrage is nader te bepalen"). */
export const PROSE_DEFERRAL = wordsOf(placeholderData.inProse);

export const HEDGE_REMOVABLE = wordsOf(hedgeData.removable);
export const HEDGE_VERB = wordsOf(hedgeData.verbs);

const A = anchorData;
const NUMBER = A.number;
const NUMBER_WORD = alternation(A.numberWords);
const UNIT = alternation(A.units);
const CURRENCY = alternation(A.currency);
export const ANCHOR_QUANTITY = new RegExp(
  [
    // € 300.000, 95%, 0,5 fte, 4 uur, 12 keer; number words too ("twee keer", "tien procent"). A number is read from
    // its first digit, not also from each part after a "." or ",": "1.1.1.1…" would be rescanned from every part.
    `(?:${CURRENCY})\\s?${NUMBER}`,
    `(?<![\\p{L}\\p{N}]|\\p{N}[.,])(?:${NUMBER}|${NUMBER_WORD})\\s?(?:${UNIT})(?![\\p{L}\\p{N}])`,
    // "ten minste 12", "minder dan vijf", "van 14 naar 7".
    `(?<![\\p{L}\\p{N}])(?:${alternation(A.comparisons)})\\s(?:${NUMBER}|${NUMBER_WORD})(?![\\p{L}])`,
    `(?<![\\p{L}\\p{N}])(?:${alternation(A.changeVerbs)})(?![\\p{L}\\p{N}])`,
  ].join('|'),
  'iu',
);
/** A digit number; whether it anchors depends on what surrounds it (see EXISTING_COUNT and YEAR). */
export const DIGITS = new RegExp(`(?<![\\p{L}\\p{N}.,])${NUMBER}(?![\\p{L}\\p{N}])`, 'u');
export const YEAR = /^(19|20)\d{2}$/;
export const DATE = wordsOf(A.dates);
export const FREQUENCY = wordsOf(A.frequencies);
export const BENCHMARK = wordsOf(A.benchmarks);
export const EXISTING_COUNT = wordsOf(A.existing);
export const DELIVERABLE = wordsOf(A.deliverableNouns);
export const CREATION = wordsOf(A.creationVerbs);
/** Who can make a deliverable: the parties, in general words; the document's own party names are added by the rule. */
export const ACTOR = wordsOf(A.actors);
/** "Dit akkoord bundelt …", "This MoU sets out …": about the document, not an ambition. */
export const META_STATEMENT = wordsOf(A.metaStatements);
/** "tegelijk met het gebouw", "bij de opening": a deliverable tied to a moment. */
export const RELATIVE_TIMING = wordsOf(A.relativeTiming);

const AMOUNT = wordsOf(contributionData.amounts);
const MONEY_VERB = wordsOf(contributionData.moneyVerbs);
const PROVIDES = wordsOf(contributionData.provides);
const RESOURCE = wordsOf(contributionData.resources);
const NEGATION = wordsOf(contributionData.negations);

/** A sentence states something concrete: an amount, money it pays, or a resource it provides. */
export function statesConcrete(sentence: string): boolean {
  if (AMOUNT.test(sentence)) return true;
  if (NEGATION.test(sentence)) return false;
  return MONEY_VERB.test(sentence) || (PROVIDES.test(sentence) && RESOURCE.test(sentence));
}
export const EMPTY_CONTRIBUTION = wordsOf(contributionData.empty);
/** "de schoolbesturen", "the schools", "alle partijen": a row or sentence for several parties at once. */
export const ALL_EDUCATION = wordsOf(contributionData.allEducation);
export const ALL_PARTIES = wordsOf(contributionData.allParties);

export const SCAN_WORDS = {
  interests: wordsOf(scanData.interests),
  continuity: wordsOf(scanData.continuity),
  contacts: wordsOf(scanData.contacts),
  reporting: wordsOf(scanData.reporting),
  beforePublic: wordsOf(scanData.beforePublic),
  beforeWords: wordsOf(scanData.beforeWords),
  roles: wordsOf(scanData.roles),
  meetings: wordsOf(scanData.meetingWords),
};

// ---------------------------------------------------------------------------------------------------------------
// Party types and language

export type PartyType = 'municipal' | 'education' | 'other';

const MUNICIPAL_NAME = wordRegExp('gemeente|municipality|college van (b ?& ?w|burgemeester en wethouders)|city of|town of|(city|county|borough|district|metropolitan|town) council|local authority|\\p{L}+ council', 'iu');
const MUNICIPAL_START = /^\s*(de |the )?(gemeente|municipality|college van (b|burgemeester)|city of|town of|\p{L}+ (city |county |borough |district |metropolitan |town )?council)(?!\p{L})/iu;
const OTHER_ORGANISATION = /^\s*(de |het |the )?(samenwerkingsverband|swv|kinderopvang|peuteropvang|opvang|bibliothe|library|pabo|hogeschool|ggd|jeugd|welzijn|wijkteam|sportbedrijf|woningcorporatie)/iu;
const EDUCATION_NAME = wordRegExp(
  '\\p{L}*(onderwijs|school|scholen|scholengroep|schoolbestuur)\\p{L}*|primair|voortgezet|lyceum|college|colleges|academie|academy|academies|ikc|kindcentr\\p{L}*|kindcentra|trust|education\\p{L}*|cvb|bevoegd gezag|governing body|governors|diocese|diocesan|po|vo',
  'iu',
);

/** Markdown syntax that may stand inside a phrase ("**gemeente**raad", "[het college](…)"): no phrase has it. */
const MARKUP = /[*_~#|<>[\]`\\]/g;

/**
 * Whether a text may name a municipality or a school board anywhere: in the words of those groups (with the user's
 * own names), a compound of any group, or a word that makes a party municipal or educational. Run on the raw text
 * before anything is parsed, it errs towards yes: false friends still count, and so does text a reader does not see.
 */
export function maySayWhoIsInvolved(text: string, groups: StakeholderGroup[]): boolean {
  const names = (t: string): boolean =>
    groups.some((g) => (g.id === 'gemeentebestuur' || g.id === 'schoolbesturen') && g.words.test(t)) || compoundScan(groups).test(t) || MUNICIPAL_NAME.test(t) || EDUCATION_NAME.test(t);
  // This runs on every keystroke of a document without front matter: the raw text first, where a partnership
  // document names a side within its first lines, and only without a hit a copy with the syntax blanked.
  return names(text) || names(text.replace(MARKUP, ' '));
}

/** What a declared party is, from its names (name and aliases) and the groups, with the user's own names added. */
export function partyType(names: string[], groups: StakeholderGroup[] = STAKEHOLDER_GROUPS): PartyType {
  // A samenwerkingsverband, childcare or teacher training names "onderwijs" but is no school board.
  if (names.some((n) => OTHER_ORGANISATION.test(n))) return 'other';
  const named = (id: string): boolean => names.some((n) => groupMatches(groups.find((g) => g.id === id)!, n).length > 0);
  // "Gemeente Zeewolde" is the municipality; "Stichting Openbaar Onderwijs Gemeente Zeewolde" is a school board.
  if (names.some((n) => MUNICIPAL_START.test(n))) return 'municipal';
  if (names.some((n) => EDUCATION_NAME.test(n)) || named('schoolbesturen')) return 'education';
  if (names.some((n) => MUNICIPAL_NAME.test(n)) || named('gemeentebestuur')) return 'municipal';
  return 'other';
}

const DUTCH_WORDS = new Set('de het een en van is dat wij we voor met op zijn naar te om ook bij worden wordt door niet als aan deze partijen gemeente onderwijs'.split(' '));
const ENGLISH_WORDS = new Set('the and of to is that we for with on are will be by not as at this parties municipality education school'.split(' '));

/** Counts of common Dutch and English words: summed over a document, they tell its language. */
export function languageVotes(text: string): { nl: number; en: number } {
  let nl = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (DUTCH_WORDS.has(word)) nl++;
    if (ENGLISH_WORDS.has(word)) en++;
  }
  return { nl, en };
}

export function languageFromValue(value: unknown): Language | null {
  if (typeof value !== 'string') return null;
  const v = normalize(value);
  if (/^(nl|nld|dut|nederlands|dutch)/.test(v)) return 'nl';
  if (/^(en|eng|engels|english)/.test(v)) return 'en';
  return null;
}

/**
 * Every pattern this module compiles from the vocabulary, exported or not, for the test that times each regex of
 * the engine on its worst input (test/regex-linear.test.ts).
 */
export function compiledPatterns(): Array<{ name: string; re: RegExp }> {
  const named = (name: string, re: RegExp | null): Array<{ name: string; re: RegExp }> => (re ? [{ name, re }] : []);
  return [
    ...STAKEHOLDER_GROUPS.flatMap((g) => [...named(`${g.id}.any`, g.any), ...named(`${g.id}.words`, g.words), ...named(`${g.id}.falseFriends`, g.falseFriends)]),
    ...named('compound heads', compoundScan(STAKEHOLDER_GROUPS)),
    ...KIND_RES.map((k) => ({ name: `kind ${k.id}`, re: k.re })),
    ...SECTION_RES.flatMap((s) => [...named(`section ${s.cls}`, s.re), ...named(`section ${s.cls} whole`, s.whole)]),
    ...Object.entries(SCAN_WORDS).map(([key, re]) => ({ name: `scan ${key}`, re })),
    ...Object.entries({
      AGREEMENT, GENRE, EDUCATION_TOPIC, FIELD, DEFERRAL, DEFERRAL_ONLY, PROSE_DEFERRAL, HEDGE_REMOVABLE, HEDGE_VERB, ANCHOR_QUANTITY, DIGITS, DATE, FREQUENCY,
      BENCHMARK, EXISTING_COUNT, DELIVERABLE, CREATION, ACTOR, META_STATEMENT, RELATIVE_TIMING, AMOUNT, MONEY_VERB, PROVIDES, RESOURCE, NEGATION,
      EMPTY_CONTRIBUTION, ALL_EDUCATION, ALL_PARTIES, MUNICIPAL_NAME, EDUCATION_NAME,
    }).map(([name, re]) => ({ name, re })),
  ];
}
