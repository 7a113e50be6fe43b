/**
 * The parties to the agreement, as documents name them: front matter, a parties section in any heading style, a
 * prose list ("Partijen: A, B en C") or numbered clauses, with the aliases the text defines for them.
 */
import { cutAtParenthesis, matchesOf, normalize, withoutClosingParenthesis } from '../text';
import { classifyHeading, partyType, type StakeholderGroup } from '../vocabulary';
import type { PartyCandidate } from './chunks';
import { NAME_KEYS, PARTY_KEYS, firstValue } from './front-matter';
import type { FrontMatter, Party, Section } from './types';

const ALIAS_PATTERNS = [
  // "hierna te noemen: de gemeente", "hierna: SKO", "hierna te noemen 'het schoolbestuur'"
  /hierna(?:\s+(?:te\s+)?(?:noemen|genoemd))?\s*:?\s*["'„“‘]?((?:de |het )?[^"'”’;,.()\n]{2,60})/iu,
  // "hereinafter referred to as 'the Council'", "(the Trust)"
  /here(?:in)?after(?:\s+(?:referred\s+to\s+as|called))?\s*:?\s*["'“‘]?((?:the )?[^"'”’;,.()\n]{2,60})/iu,
  // An abbreviation in parentheses: "(SKO)", "(OBO Zeewolde)", "('the Trust')"
  /\(\s*["'“‘]?((?:the |de |het )?[\p{Lu}][\p{L}\p{N}&-]{1,20}(?:\s[\p{Lu}\p{N}][\p{L}\p{N}&-]{0,20}){0,2})["'”’]?\s*\)/u,
  // Quoted names inside parentheses: (the "Trust" or "SADAT"), ('de Stichting')
  /\([^()]{0,40}?["“‘]([^"”’()]{2,30})["”’](?:[^()"“]{0,12}["“‘]([^"”’()]{2,30})["”’])?[^()]{0,20}\)/u,
];

/** Aliases the text defines for a party. */
export function aliasesIn(context: string): string[] {
  const out: string[] = [];
  for (const re of ALIAS_PATTERNS) {
    for (const m of matchesOf(re, context)) for (const found of [m[1], m[2]].filter(Boolean)) {
      const alias = found.replace(/(?<!\s)\s+(?:en|and|of|or|die|dat|which|who)\s.*$/iu, '').replace(/^(?:te noemen|genoemd)\s*:?\s*/iu, '').trim();
      if (alias && alias.split(/\s+/).length <= 5 && !out.includes(alias)) out.push(alias);
    }
  }
  return out;
}

const ORGANISATION = /stichting|vereniging|gemeente|bestuur|school|scholen|onderwijs|college|kindcentr|ikc|opvang|samenwerkingsverband|trust|council|academy|diocese|authority|foundation|bibliotheek|library|ggd|welzijn|zorg|jeugd|provincie|organisatie|groep|centrum|centre|b\.?v\.?|n\.?v\.?/iu;

const CLAUSE_VERB = /(?<![\p{L}])(hebben|heeft|is|zijn|wordt|worden|zal|zullen|kan|kunnen|will|has|have|are|shall|agree|agrees|komen|verklaren)(?![\p{L}])/iu;

/** A candidate reads as a party's name: a proper name or an organisation, and no group of people or sentence. */
function plausiblePartyName(name: string, groups: StakeholderGroup[]): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10 || (/[.!?]$/.test(name) && words.length > 4) || !/\p{L}{2}/u.test(name)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(name) && !ORGANISATION.test(name)) return false;
  // A section name ("Overwegingen", "RESPONSIBILITIES") or a clause with a verb is no party.
  if (classifyHeading(name, true) || CLAUSE_VERB.test(name)) return false;
  // "IN AANMERKING NEMENDE", "KOMEN OVEREEN ALS VOLGT": capitals that shout a clause, not a name.
  if (words.length > 1 && name === name.toUpperCase() && /\p{L}{4}/u.test(name) && !ORGANISATION.test(name)) return false;
  // Council and directors take part, but do not sign: they are no party to the agreement.
  return !groups.some((g) => {
    if (g.organisation) return false;
    const m = g.any.exec(name);
    return m !== null && m.index === 0 && m[0].length >= name.length - 1;
  });
}

/** Runs of spaces and stops are matched from their start only ((?<!\s)), not retried from each of their characters. */
function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').split(/,|(?<!\s)\s+(?:as|acting as|in its capacity as)\s+/u)[0].replace(/^(de|het|the)\s+/i, '').replace(/[*_`]/g, '').replace(/(?<![;:,.\s])[;:,.\s]+$/, '').trim();
}

export function frontMatterParties(text: string, frontMatter: FrontMatter | null, groups: StakeholderGroup[]): Party[] | null {
  if (!frontMatter) return null;
  const value = firstValue(frontMatter.data, PARTY_KEYS);
  if (!Array.isArray(value)) return null;
  const parties: Party[] = [];
  let searchFrom = frontMatter.start;
  for (const entry of value) {
    let name: unknown = entry;
    let extra: string[] = [];
    if (entry && typeof entry === 'object') {
      name = firstValue(entry as Record<string, unknown>, NAME_KEYS);
      const alias = firstValue(entry as Record<string, unknown>, ['alias', 'aliassen', 'aliases', 'afkorting', 'abbreviation', 'kort', 'short']);
      extra = (Array.isArray(alias) ? alias : [alias]).filter((a): a is string => typeof a === 'string');
    }
    if (typeof name !== 'string' || !name.trim()) continue;
    const full = name.trim();
    const at = text.indexOf(full, searchFrom);
    const inside = at >= 0 && at < frontMatter.end;
    if (inside) searchFrom = at + full.length;
    const display = withoutClosingParenthesis(full);
    const aliases = [...aliasesIn(full), ...extra];
    parties.push({ name: display, aliases, type: partyType([display, ...aliases], groups), origin: 'front-matter', start: inside ? at : frontMatter.start, end: inside ? at + full.length : frontMatter.start + 3 });
  }
  return parties;
}

/** The parties named in the first parties section that names any, else in a prose list anywhere. */
export function sectionParties(candidates: PartyCandidate[], sections: Section[], groups: StakeholderGroup[]): Party[] {
  for (const section of sections.filter((s) => s.cls === 'parties' && s.heading && s.parent?.cls !== 'parties')) {
    const found = collect(candidates.filter((c) => c.start >= section.start && c.start < section.end), 'section', groups);
    if (found.length) return found;
  }
  return collect(candidates.filter((c) => c.prose), 'prose', groups);
}

function collect(candidates: PartyCandidate[], origin: Party['origin'], groups: StakeholderGroup[]): Party[] {
  const found: Party[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const name = cleanName(cutAtParenthesis(c.name));
    const key = normalize(name);
    if (!plausiblePartyName(name, groups) || seen.has(key)) continue;
    seen.add(key);
    const aliases = aliasesIn(c.context).filter((a) => normalize(a) !== key);
    found.push({ name, aliases, type: partyType([name, ...aliases], groups), origin, start: c.start, end: c.end });
  }
  return found;
}

/** Aliases a document defines where it first spells a party out: "St Aidan's … Trust (the "Trust" or "SADAT")". */
export function withBodyAliases(parties: Party[], plain: string): Party[] {
  const lower = plain.toLowerCase();
  const names = new NameIndex(parties.map((p) => p.name.toLowerCase()));
  return parties.map((p) => {
    const own = p.name.toLowerCase();
    const at = names.first(lower, own);
    if (at < 0) return p;
    const rest = plain.slice(at + p.name.length, at + p.name.length + 300);
    // The clause ends at a stop, a blank line, the next list item, or where the next party is spelled out.
    const stop = rest.search(/;|\.\s|\n\s*\n|\n\s*([-*+•]|\(?\p{N}+[.)])\s/u);
    const other = names.earliestOther(rest.toLowerCase(), own, stop < 0 ? rest.length : stop);
    const ends = [stop, other].filter((i) => i >= 0);
    const clause = rest.slice(0, ends.length ? Math.min(...ends) : rest.length);
    const found = aliasesIn(clause).filter((a) => !p.aliases.includes(a) && normalize(a) !== normalize(p.name));
    return found.length ? { ...p, aliases: [...p.aliases, ...found] } : p;
  });
}

/**
 * Where party names stand in a text, with the cost of one look per position and name length rather than one search
 * per name: with thousands of parties (a 20,000-row table under Partijen), a search of the text for every party's
 * name and of every clause for every other name was quadratic. Finds the same positions as indexOf does.
 */
class NameIndex {
  private readonly counts = new Map<string, number>();
  private readonly lengths: number[];
  /** Where each name first stands in the text it was asked about last, filled in one pass. */
  private firsts: Map<string, number> | null = null;
  private firstsOf = '';

  constructor(names: string[]) {
    for (const n of names) if (n) this.counts.set(n, (this.counts.get(n) ?? 0) + 1);
    this.lengths = [...new Set([...this.counts.keys()].map((n) => n.length))].sort((a, b) => a - b);
  }

  /**
   * `text.indexOf(name)`. With many names of few lengths, one pass over the text finds every name's first place at
   * once (a look per position and length); a few names are cheaper searched one by one.
   */
  first(text: string, name: string): number {
    if (this.counts.size <= 16 * this.lengths.length) return text.indexOf(name);
    if (!this.firsts || this.firstsOf !== text) {
      this.firsts = new Map();
      this.firstsOf = text;
      for (let i = 0; i < text.length && this.firsts.size < this.counts.size; i++) {
        for (const length of this.lengths) {
          if (i + length > text.length) break;
          const candidate = text.slice(i, i + length);
          if (this.counts.has(candidate) && !this.firsts.has(candidate)) this.firsts.set(candidate, i);
        }
      }
    }
    return this.firsts.get(name) ?? -1;
  }

  /** The first place in `text[0, limit)` where another party's name starts (and ends within `text`), or -1. */
  earliestOther(text: string, own: string, limit: number): number {
    for (let i = 0; i < Math.min(limit, text.length); i++) {
      for (const length of this.lengths) {
        if (i + length > text.length) break;
        const candidate = text.slice(i, i + length);
        const count = this.counts.get(candidate);
        if (count && (candidate !== own || count > 1)) return i;
      }
    }
    return -1;
  }
}

/** "de gemeente" is the one municipal party, "the trust" the one education party: usable aliases when unambiguous. */
export function withGenericAliases(parties: Party[]): Party[] {
  const municipal = parties.filter((p) => p.type === 'municipal');
  const education = parties.filter((p) => p.type === 'education');
  return parties.map((p) => {
    const generic: string[] = [];
    if (p.type === 'municipal' && municipal.length === 1) generic.push('de gemeente', 'gemeente', 'the council', 'the local authority', 'het college');
    if (p.type === 'education' && education.length === 1) generic.push('het schoolbestuur', 'the trust', 'the governing body');
    return generic.length ? { ...p, aliases: [...p.aliases, ...generic.filter((g) => !p.aliases.includes(g))] } : p;
  });
}
