import stakeholderData from '../data/stakeholders.json';
import type { Language } from './types';
import { findAll, normalize, overlaps, wordRegExp, type Span } from './text';

export interface StakeholderGroup {
  id: string;
  /** False for groups of people (council, directors) that take part without signing as a party. */
  organisation: boolean;
  label: Record<Language, string>;
  line: Record<Language, string>;
  role: Record<Language, string>;
  patterns: RegExp[];
  excludes: RegExp[];
}

export const STAKEHOLDER_GROUPS: StakeholderGroup[] = stakeholderData.groups.map((g) => ({
  ...g,
  patterns: g.patterns.map((p) => wordRegExp(p)),
  excludes: g.excludes.map((p) => wordRegExp(p)),
}));

/** Per group, its patterns as one alternation: a document is scanned once per group, not once per synonym. */
const GROUP_SCANS = new Map(stakeholderData.groups.map((g) => [g.id, { any: wordRegExp(g.patterns.join('|')), excludes: g.excludes.length ? wordRegExp(g.excludes.join('|')) : null }]));

export const DEFAULT_REQUIRED_GROUPS: string[] = stakeholderData.requiredByDefault;

export function stakeholderGroup(id: string): StakeholderGroup | undefined {
  return STAKEHOLDER_GROUPS.find((g) => g.id === id);
}

/** Spans in `text[from, to)` where the group is named, minus look-alikes. */
export function groupMatches(group: StakeholderGroup, text: string, from = 0, to = text.length): Span[] {
  const scan = GROUP_SCANS.get(group.id)!;
  const excluded = scan.excludes ? findAll(scan.excludes, text, from, to) : [];
  return findAll(scan.any, text, from, to).filter((span) => !excluded.some((x) => overlaps(x, span)));
}

/** Document kinds, canonical id first; matched against front matter values and titles. */
const KINDS: Array<{ id: string; pattern: string }> = [
  { id: 'convenant', pattern: 'convenant\\p{L}*|covenants?' },
  { id: 'samenwerkingsovereenkomst', pattern: 'samenwerkingsovereenkomst(en)?|partnership agreements?|cooperation agreements?' },
  { id: 'intentieverklaring', pattern: 'intentieverklaring(en)?|letters? of intent|declarations? of intent' },
  { id: 'lea', pattern: 'lea|lokale educatieve agenda|local education(al)? agenda' },
  { id: 'rea', pattern: 'rea|regionale educatieve agenda|regional education(al)? agenda' },
  { id: 'ihp', pattern: 'ihp|integraal huisvestingsplan|integrated (school )?housing plan' },
  { id: 'plan van aanpak', pattern: 'plan van aanpak|plan-van-aanpak|plans? of approach|action plan' },
  { id: 'bestuursakkoord', pattern: 'bestuursakkoord|bestuurlijke? afspraken|administrative agreement' },
];
const KIND_RES = KINDS.map((k) => ({ id: k.id, re: wordRegExp(k.pattern, 'iu') }));

export function kindIn(text: string): string | null {
  let best: { id: string; at: number } | null = null;
  for (const k of KIND_RES) {
    const m = k.re.exec(text);
    if (m && (!best || m.index < best.at)) best = { id: k.id, at: m.index };
  }
  return best?.id ?? null;
}

export type SectionClass =
  | 'parties'
  | 'involvement'
  | 'ambition'
  | 'contributions'
  | 'background'
  | 'interests'
  | 'roles'
  | 'meetings'
  | 'communication'
  | 'evaluation'
  | 'signature';

/** Heading vocabulary, Dutch and English. A heading takes the class whose keyword appears first in it. */
const SECTION_PATTERNS: Array<{ cls: SectionClass; pattern: string }> = [
  { cls: 'parties', pattern: '(betrokken |deelnemende |contract)?partijen|ondertekenaars|parties|signatories|partners|wie doen (er )?mee' },
  { cls: 'involvement', pattern: 'betrokkenen|belanghebbenden|stakeholders|wie (zijn|worden) (er )?betrokken|involvement|who is involved|betrokkenheid' },
  { cls: 'ambition', pattern: 'ambitie(s)?|doel(en|stelling|stellingen)?|streefdoel(en)?|visie|wat willen we (samen )?bereiken|beoogde (resultaten|effecten)|gezamenlijke opgave|ambitions?|goals?|objectives?|aims?|vision|targets?|what (do )?we want to achieve|intended results' },
  { cls: 'contributions', pattern: 'bijdragen?|inzet|middelen|financiering|financien|financiele (afspraken|middelen)|kostenverdeling|budget|contributions?|resources|funding|financing|commitments' },
  { cls: 'background', pattern: 'aanleiding|achtergrond|inleiding|context|voorgeschiedenis|terugblik|huidige situatie|background|introduction|history' },
  { cls: 'interests', pattern: 'belangen|interests' },
  { cls: 'roles', pattern: 'rollen|taken|verantwoordelijkheden|taakverdeling|roles|responsibilities' },
  { cls: 'meetings', pattern: 'overleg\\p{L}*|governance|overlegstructuur|meetings?' },
  { cls: 'communication', pattern: 'communicatie|communication|contactpersonen|contacts' },
  { cls: 'evaluation', pattern: 'evaluatie|monitoring|evaluation|review' },
  { cls: 'signature', pattern: 'ondertekening|handtekeningen|signatures?|signed' },
];
const SECTION_RES = SECTION_PATTERNS.map((s) => ({ cls: s.cls, re: wordRegExp(s.pattern, 'iu') }));

export function classifyHeading(text: string): SectionClass | null {
  // "Artikel 3 – Bijdragen", "2.1 Doelen": numbering says nothing about the content.
  const clean = normalize(text).replace(/^(artikel|article|hoofdstuk|chapter|paragraaf|bijlage)?\s*[\d.]*\s*/, '');
  // A heading names its section in a few words; long "headings" are text or table rows that lost their layout.
  if (clean.split(' ').length > 8) return null;
  let best: { cls: SectionClass; at: number } | null = null;
  for (const s of SECTION_RES) {
    const m = s.re.exec(clean);
    if (m && (!best || m.index < best.at)) best = { cls: s.cls, at: m.index };
  }
  return best?.cls ?? null;
}

export type PartyType = 'municipal' | 'education' | 'other';

const MUNICIPAL_NAME = wordRegExp('gemeente|municipality|college van (b ?& ?w|burgemeester en wethouders)|city of|town of', 'iu');
const EDUCATION_NAME = wordRegExp(
  '\\p{L}*(onderwijs|school|scholen)\\p{L}*|primair|voortgezet|lyceum|college|colleges|academie|academy|ikc|kindcentr\\p{L}*|trust|education\\p{L}*|cvb',
  'iu',
);

export function partyType(name: string): PartyType {
  if (MUNICIPAL_NAME.test(name)) return 'municipal';
  if (EDUCATION_NAME.test(name)) return 'education';
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
