import { appendListItem, appendTableRow, appendToSection, blocksIn, findSection, findSections, insertSection, nextSibling } from '../edit';
import type { DocumentModel, Party, Section } from '../model';
import type { OffsetEdit, Rule, RuleFinding } from '../rule';
import { splitSentences } from '../sentences';
import { excerpt, normalize, replaceAll, wordRegExp, type Span } from '../text';
import type { Language } from '../types';
import { ALL_EDUCATION, ALL_PARTIES, deferredValue, EMPTY_CONTRIBUTION, FIELD, literal, statesConcrete, valueText } from '../vocabulary';

type Messages = Record<Language, {
  noSection: (parties: string) => string;
  andOthers: (count: number) => string;
  noSectionFix: string;
  placeholder: (party: string, shown: string) => string;
  placeholderFix: (party: string) => string;
  missing: (party: string) => string;
  addFix: (party: string) => string;
  nothing: string;
  heading: string;
  table: string[];
  prompts: { money: string; staff: string; facilities: string; other: string };
}>;

const MESSAGES: Messages = {
  nl: {
    noSection: (parties) => `Het document zegt van geen enkele partij wat zij bijdraagt (geld, personeel, faciliteiten): ${parties}. Voeg een sectie Bijdragen toe.`,
    andOthers: (count) => ` en ${count} andere`,
    noSectionFix: 'Voeg een sectie Bijdragen toe met een rij per partij',
    placeholder: (party, shown) => `De bijdrage van ${party} is nog niet ingevuld (${shown}). Maak concreet wat ${party} inbrengt: geld, personeel of faciliteiten.`,
    placeholderFix: (party) => `Vervang de plaatshouders voor ${party} door invulvelden`,
    missing: (party) => `${party} ontbreekt bij de bijdragen. Beschrijf wat ${party} inbrengt: geld, personeel of faciliteiten.`,
    addFix: (party) => `Voeg de bijdrage van ${party} toe`,
    nothing: 'niets concreets',
    heading: 'Bijdragen',
    table: ['Partij', 'Financieel', 'Personeel', 'Faciliteiten'],
    prompts: { money: '[bedrag]', staff: '[fte of uren]', facilities: '[ruimte of voorziening]', other: '[bijdrage]' },
  },
  en: {
    noSection: (parties) => `The document does not say what any party contributes (money, staff, facilities): ${parties}. Add a Contributions section.`,
    andOthers: (count) => ` and ${count} others`,
    noSectionFix: 'Add a Contributions section with a row per party',
    placeholder: (party, shown) => `The contribution of ${party} is not filled in (${shown}). State what ${party} brings in: money, staff or facilities.`,
    placeholderFix: (party) => `Replace the placeholders for ${party} with fields to fill in`,
    missing: (party) => `${party} is missing from the contributions. State what ${party} brings in: money, staff or facilities.`,
    addFix: (party) => `Add the contribution of ${party}`,
    nothing: 'nothing concrete',
    heading: 'Contributions',
    table: ['Party', 'Financial', 'Staff', 'Facilities'],
    prompts: { money: '[amount]', staff: '[FTE or hours]', facilities: '[premises or services]', other: '[contribution]' },
  },
};

/** A piece of text that only defers: "n.t.b.", "PM", "-", "volgt na de begroting", "nader te bepalen in …". */
function defers(text: string): boolean {
  const squashed = valueText(text).replace(/[^\p{L}\p{N}€£]/gu, '');
  return !squashed || /^(x+|eur|€|£|nvt)$/iu.test(squashed) || deferredValue(text);
}

/** "5.4 Diocese of Ashcombe: contribution TBC." names its party, then its value. */
const LABELLED = /^(?:\p{N}+(?:\.\p{N}+)*\.?(?=(\s+))\1)?(?<label>[^:\n]{2,80}?)(?=(\s*))\3:\s/u;
/**
 * "Gemeente X: …", "Gemeente X – …", also with the separator on the next line: a list item's label, then its value.
 * The white space before the separator is taken whole (`(?=(\s*))\2`, an atomic group), so a long run of it is not
 * retried at every label length.
 */
const ITEM_LABEL = /^(?<label>[^:\n]{2,80}?)(?=(\s*))\2(?::|(?<=\s)[–—]\s|(?<= )- )/u;

/**
 * A label and the value after it, each trimmed, with where the value starts: the label pattern is anchored and
 * bounded, and the value is the rest of the text. One pattern for both (`\s*(…)\s*$` around a lazy value) retried
 * every split of a run of spaces, quadratic in its length.
 */
function labelled(text: string, label: RegExp): { label: string; value: string; valueAt: number } | null {
  const lead = text.length - text.trimStart().length;
  const m = label.exec(text.slice(lead));
  if (!m) return null;
  const rest = text.slice(lead + m[0].length);
  const value = rest.trim();
  return { label: m.groups!.label.trimEnd(), value, valueAt: lead + m[0].length + rest.length - rest.trimStart().length };
}

/** What a stretch of text says about a contribution: something concrete, only fields to fill in, a deferral, or nothing. */
type Statement = 'concrete' | 'field' | 'deferred' | 'empty';

function judge(text: string): Statement {
  const hasField = FIELD.test(text);
  // Text from a PDF breaks words at the line end ("beschik-\n baar"): join them again before reading.
  const clean = replaceAll(FIELD, text, ' ').replace(/(\p{L})-[ \t]*\r?\n[ \t]*(?=\p{Ll})/gu, '$1');
  let deferred = false;
  for (const s of splitSentences(clean)) {
    const sentence = clean.slice(s.start, s.end);
    // "Nader te bepalen in de realisatieovereenkomst", "volgt na de begroting": a deferral with more words.
    if (defers(sentence)) {
      deferred = true;
      continue;
    }
    if (statesConcrete(sentence) && !onlyEmpty(sentence)) return 'concrete';
  }
  if (hasField) return 'field';
  return deferred || defers(text) ? 'deferred' : 'empty';
}

/** An empty verb ("ondersteunt", "denkt mee") with no amount, staff or building of its own. */
function onlyEmpty(sentence: string): boolean {
  if (!EMPTY_CONTRIBUTION.test(sentence)) return false;
  const rest = replaceAll(EMPTY_CONTRIBUTION, sentence, ' ');
  return !statesConcrete(rest);
}

interface Entry {
  /** The text itself, where a placeholder in it stands. */
  span?: Span;
  /** Who it is about: a table's first cell, a list item's label, a subsection's heading; null for running text. */
  label: string | null;
  text: string;
  anchor: Span;
  /** Placeholders in it, with their column, to turn into fields to fill in. */
  placeholders: Array<Span & { header: string }>;
}

const STOP = new Set(['de', 'het', 'een', 'van', 'voor', 'en', 'the', 'of', 'for', 'and', 'a', 'an', 'b', 'v', 'bv', 'nv', 'te']);
const GENERIC = new Set(['gemeente', 'stichting', 'municipality', 'foundation', 'vereniging', 'school', 'scholen', 'onderwijs', 'primair', 'voortgezet', 'openbaar', 'openbare', 'katholiek', 'katholieke', 'christelijk', 'christelijke', 'trust', 'academy', 'council', 'city', 'county', 'borough', 'schools', 'education', 'educational', 'bestuur', 'basisschool', 'kindcentrum', 'kinderopvang', 'samenwerkingsverband', 'passend', 'po', 'vo']);

/** A pure memo: the same cell or name is split once per check, not once per party it is compared with. */
const tokenMemo = new Map<string, string[]>();
function tokens(text: string): string[] {
  let out = tokenMemo.get(text);
  if (!out) {
    if (tokenMemo.size > 4096) tokenMemo.clear();
    out = normalize(text).split(' ').filter((t) => t && !STOP.has(t));
    tokenMemo.set(text, out);
  }
  return out;
}

interface Matcher {
  party: Party;
  /** Its party's place in the list of parties. */
  order: number;
  /** Whole names and aliases, matched as phrases: compiled when first needed (see phraseIn). */
  phrases: RegExp | null;
  names: string[];
  /** The same, lower-case with white space squashed: a text that contains none of them cannot match the phrases. */
  squashed: string[];
  /** Words of its name no other party shares ("Zeewolde" is no evidence when the municipality and a board share it). */
  distinctive: string[];
}

/**
 * The matchers of all parties, in their order, and indexed so that a text is compared only with the parties it may
 * name, not with all of them (a table of 20,000 parties compared every row with every party):
 * - by key: a name as a phrase (see phraseIn) is in a text only when each of its parts is, so the name's rarest part
 *   is looked up; a distinctive word is in one party's name only, so it is its own key;
 * - by token: a label scores for a party (see labelScore) only when all its words are in the party's name, so the
 *   parties with the label's rarest word are enough, besides those found by key.
 */
interface Matchers {
  list: Matcher[];
  byKey: Map<string, Matcher[]>;
  byToken: Map<string, Matcher[]>;
  /** Matchers with a name that has no parts to look up: compared with every text. */
  always: Matcher[];
}

/** A text's words as the index knows them: normalised and split at "&" and "/" too, which a name may stand beside. */
function parts(text: string): string[] {
  return normalize(text).split(/[ &/]+/).filter(Boolean);
}

function addTo(index: Map<string, Matcher[]>, key: string, m: Matcher): void {
  const at = index.get(key);
  if (!at) index.set(key, [m]);
  else if (at.at(-1) !== m) at.push(m);
}

function matchers(parties: Party[]): Matchers {
  const tokenCount = new Map<string, number>();
  for (const p of parties) for (const t of new Set(tokens(p.name))) tokenCount.set(t, (tokenCount.get(t) ?? 0) + 1);
  const list = parties.map((party, order): Matcher => {
    const initials = tokens(party.name).map((t) => t[0]).join('');
    // The name without its article ("gemeente Zeewolde"); aliases as written ("de gemeente", "the trust").
    const names = [party.name.replace(/^(de|het|the)\s+/i, ''), ...party.aliases, ...(initials.length >= 3 ? [initials] : [])];
    return {
      party,
      order,
      phrases: null,
      names,
      squashed: names.map(squash),
      distinctive: tokens(party.name).filter((t) => !GENERIC.has(t) && t.length > 2 && tokenCount.get(t) === 1),
    };
  });
  const partCount = new Map<string, number>();
  const nameParts = list.map((m) => m.names.map(parts));
  for (const names of nameParts) for (const p of new Set(names.flat())) partCount.set(p, (partCount.get(p) ?? 0) + 1);
  const byKey = new Map<string, Matcher[]>();
  const byToken = new Map<string, Matcher[]>();
  const always: Matcher[] = [];
  list.forEach((m, i) => {
    for (const name of nameParts[i]) {
      if (!name.length) always.push(m);
      else addTo(byKey, name.reduce((a, b) => (partCount.get(b)! < partCount.get(a)! ? b : a)), m);
    }
    for (const t of m.distinctive) addTo(byKey, t, m);
    for (const t of new Set(tokens(m.party.name))) addTo(byToken, t, m);
  });
  return { list, byKey, byToken, always: [...new Set(always)] };
}

/** The matchers found under some keys, and those always compared, in the parties' order. */
function lookUp(all: Matchers, keys: Iterable<string>, extra: Matcher[] = []): Matcher[] {
  const found = new Set<Matcher>([...all.always, ...extra]);
  for (const k of keys) for (const m of all.byKey.get(k) ?? []) found.add(m);
  return found.size === all.list.length ? all.list : [...found].sort((a, b) => a.order - b.order);
}

const squash = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Whether the text names one of the party's names as a phrase. A plain substring test comes first and the regex is
 * compiled only when it passes: compiling one per party cost 2 ms each, 10 s for 5,000 parties.
 */
function phraseIn(m: Matcher, text: string, squashed = squash(text)): boolean {
  if (!m.squashed.some((n) => squashed.includes(n))) return false;
  m.phrases ??= wordRegExp(m.names.map(literal).join('|'), 'iu');
  return m.phrases.test(text);
}

/** Whether the text names the party: by name or alias, or by a word of its name no other party has. */
function names(m: Matcher, text: string, words: Set<string>, squashed: string): boolean {
  return m.distinctive.some((t) => words.has(t)) || phraseIn(m, text, squashed);
}

/** The parties a text names; its words are split once, not once per party. */
function namedIn(all: Matchers, text: string): Party[] {
  const words = new Set(tokens(text));
  const squashed = squash(text);
  return lookUp(all, [...words, ...parts(text)]).filter((m) => names(m, text, words, squashed)).map((m) => m.party);
}

const GENERIC_WEIGHT = 0.3;
const PARTY_COLUMN = /^(partij|partijen|partij\(en\)|party|parties|partner|partners|wie|door wie|organisatie|who)\b/i;

/** How well a label ("Kits Primair", "Openbaar Primair Onderwijs Rivierland", "SKO") names a party: 0 = not at all. */
function labelScore(m: Matcher, label: string): number {
  if (phraseIn(m, label)) return 2;
  const words = tokens(label);
  if (!words.length) return 0;
  const ownTokens = tokens(m.party.name);
  const own = new Set(ownTokens);
  const weight = (t: string): number => (GENERIC.has(t) ? GENERIC_WEIGHT : 1);
  const hits = words.filter((t) => own.has(t));
  // A word only this party has ("Kits"), or a label that is a part of its name ("Samenwerkingsverband",
  // "Openbaar Primair Onderwijs Rivierland"); a place name that parties share ("Provincie Rivierland") is neither.
  if (!hits.some((t) => m.distinctive.includes(t)) && hits.length < words.length) return 0;
  // How much of the label it explains, and, to break ties, how much of its own name the label says.
  const ofLabel = hits.reduce((n, t) => n + weight(t), 0) / words.reduce((n, t) => n + weight(t), 0);
  const ofName = hits.reduce((n, t) => n + weight(t), 0) / ownTokens.reduce((n, t) => n + weight(t), 0);
  return ofLabel + ofName / 2;
}

function bestFor(all: Matchers, label: string): Party[] {
  const words = tokens(label);
  const rarest = words.map((w) => all.byToken.get(w) ?? []).reduce<Matcher[] | null>((a, b) => (a && a.length <= b.length ? a : b), null);
  const scored = lookUp(all, [...words, ...parts(label)], rarest ?? []).map((m) => ({ m, score: labelScore(m, label) })).filter((s) => s.score > 0);
  const best = Math.max(0, ...scored.map((s) => s.score));
  return best > 0 ? scored.filter((s) => s.score === best).map((s) => s.m.party) : [];
}

/** "Veldmere en Oosterzand", "SKO, OBO": a label that names several parties, in parts. */
function labelParts(label: string): string[] {
  return label.split(/(?:(?<!\s)\s+)?(?:,|&|\/|\s(?:en|and)\s)\s*/u).filter((p) => p.trim());
}

/** The parties an entry is about: a label goes to its best match, running text to every party it names. */
function creditedTo(entry: Entry, all: Matchers): Party[] {
  const about = entry.label ?? entry.text;
  if (ALL_PARTIES.test(about)) return all.list.map((m) => m.party);
  if (entry.label !== null) {
    const whole = bestFor(all, about);
    if (whole.length) return whole;
    const parts = labelParts(about).flatMap((part) => bestFor(all, part));
    if (parts.length) return [...new Set(parts)];
  } else {
    const named = namedIn(all, about);
    if (named.length) return named;
  }
  if (ALL_EDUCATION.test(about)) return all.list.filter((m) => m.party.type === 'education').map((m) => m.party);
  return [];
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The entries of one contributions section: rows, items, sentences, and per-party subsections. */
function entries(model: DocumentModel, top: Section, all: Matchers): Array<Entry & { parties: Party[] }> {
  const out: Array<Entry & { parties: Party[] }> = [];
  const text = model.plain;
  const headers = new Map<number, string[]>();
  const sectionParties = (s: Section): Party[] => (s.heading ? namedIn(all, s.heading.text) : []);
  const seenItems = new Set<number>();
  let leadIn: Party[] | null = null;
  for (const section of model.sections.filter((s) => s.start >= top.start && s.end <= top.end && s.heading)) {
    // A subsection or article per party ("### Gemeente Rivierstad", "Artikel 5 Verplichtingen van de gemeente").
    const own = sectionParties(section);
    const inherited = own.length ? own : section === top ? [] : sectionParties(section.parent ?? top);
    // What a party's own subsection says is reported on its heading, where the reader looks for the party.
    const headingAnchor = own.length && section !== top ? { start: section.heading!.start, end: section.heading!.end } : null;
    leadIn = null;
    // In a party's own subsection the text is about that party, whatever else it names ("uit het budget jeugdhulp").
    const push = (entry: Entry, fallback: Party[]): void => {
      const credited = headingAnchor && entry.label === null ? [] : creditedTo(entry, all);
      out.push({ ...entry, span: entry.span ?? entry.anchor, anchor: headingAnchor ?? entry.anchor, parties: credited.length ? credited : fallback });
    };
    const ownBlocks = blocksIn(model, section, true);
    for (const block of ownBlocks) {
      if (block.table) {
        const cells = block.table.cellTexts;
        if (block.table.header) {
          headers.set(block.table.tableSpan.start, cells);
          continue;
        }
        const header = headers.get(block.table.tableSpan.start) ?? [];
        // The column that says who: "Partij", "Partij(en)", "Party"; else the first.
        const who = Math.max(0, header.findIndex((h) => PARTY_COLUMN.test(h.trim())));
        // A column per party: | Onderdeel | Gemeente | Stichting X |
        const columnParties = header.map((h, i) => (i > 0 ? namedIn(all, h) : []));
        const placeholders = block.table.cells.slice(1).map((c, i) => ({ ...trimmed(text, c), header: header[i + 1] ?? '' })).filter((c) => defers(text.slice(c.start, c.end)));
        if (columnParties.some((p) => p.length)) {
          cells.forEach((cell, i) => {
            if (i > 0 && columnParties[i].length) out.push({ label: header[i], text: cell, anchor: { start: block.start, end: block.end }, placeholders: placeholders.filter((p) => p.header === header[i]), parties: columnParties[i] });
          });
          continue;
        }
        push({ label: cells[who] ?? '', text: cells.filter((_, i) => i !== who).join(' ; '), anchor: { start: block.start, end: block.end }, placeholders }, inherited);
        leadIn = null;
      } else if (block.listItem && !seenItems.has(block.listItem.item.start)) {
        seenItems.add(block.listItem.item.start);
        const itemText = text.slice(block.start, block.listItem.item.end);
        const anchor = { start: block.start, end: model.index.lineEnd(block.start) };
        const item = { start: block.start, end: block.listItem.item.end };
        const m = labelled(itemText, ITEM_LABEL);
        if (m && tokens(m.label).length <= 8) {
          const valueStart = block.start + m.valueAt;
          push({ label: m.label, text: m.value, span: item, anchor, placeholders: defers(m.value) ? [{ start: valueStart, end: valueStart + m.value.length, header: '' }] : [] }, leadIn ?? inherited);
        } else push({ label: null, text: itemText, span: item, anchor, placeholders: defers(itemText) ? [{ ...trimmed(text, { start: block.start, end: block.end }), header: '' }] : [] }, leadIn ?? inherited);
      } else if (block.type === 'paragraph' && !block.listItem) {
        // Sentence by sentence; a sentence that names nobody ("Zij levert ook …") continues the one before.
        let previous = inherited;
        // "5.1 The Council will:" leads in to the list that follows: the items are its contributions.
        if (/:\s*$/.test(block.text)) {
          const credited = creditedTo({ label: null, text: block.text, anchor: block, placeholders: [] }, all);
          leadIn = credited.length && !ALL_PARTIES.test(block.text) ? credited : null;
          continue;
        }
        leadIn = null;
        for (const s of splitSentences(block.text, block.start)) {
          const sentence = text.slice(s.start, s.end);
          const l = labelled(sentence, LABELLED);
          const value = l?.value ? { start: s.start + l.valueAt, end: s.start + l.valueAt + l.value.length } : s;
          const entry: Entry = { label: l?.value && tokens(l.label).length <= 8 ? l.label : null, text: l?.value ? l.value : sentence, span: s, anchor: headingAnchor ?? s, placeholders: defers(text.slice(value.start, value.end)) ? [{ ...value, header: '' }] : [] };
          const credited = headingAnchor && entry.label === null ? [] : creditedTo(entry, all);
          if (credited.length) previous = credited;
          out.push({ ...entry, parties: credited.length ? credited : previous });
        }
      }
    }
    if (section !== top && own.length && !ownBlocks.length) {
      out.push({ label: section.heading!.text, text: '', anchor: { start: section.heading!.start, end: section.heading!.end }, placeholders: [], parties: own });
    }
  }
  return out;
}

/** Sentences outside any contributions section that state what a named party brings in. */
function proseContributions(model: DocumentModel, all: Matchers): Set<Party> {
  const found = new Set<Party>();
  for (const block of model.blocks) {
    if (block.type === 'heading' || block.section.cls === 'background' || block.table?.header) continue;
    for (const s of splitSentences(block.text, block.start)) {
      const sentence = model.plain.slice(s.start, s.end);
      if (judge(sentence) !== 'concrete') continue;
      for (const p of creditedTo({ label: null, text: sentence, anchor: s, placeholders: [] }, all)) found.add(p);
    }
  }
  return found;
}

function prompt(header: string, lang: Language): string {
  const h = normalize(header);
  const p = MESSAGES[lang].prompts;
  if (/financ|geld|budget|bedrag|euro|kosten|money|funding|amount/.test(h)) return p.money;
  if (/personeel|fte|uren|mensen|capaciteit|staff|people|hours/.test(h)) return p.staff;
  if (/faciliteit|huisvesting|ruimte|gebouw|locatie|facilit|premises|accommodation|building/.test(h)) return p.facilities;
  return p.other;
}

function newTable(parties: Party[], lang: Language): string {
  const header = MESSAGES[lang].table;
  const rows = parties.map((p) => `| ${[p.name, ...header.slice(1).map((h) => prompt(h, lang))].join(' | ')} |`);
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows].join('\n');
}

function addEntry(model: DocumentModel, section: Section, party: Party, lang: Language): OffsetEdit {
  const [, ...kinds] = MESSAGES[lang].table;
  const line = `**${party.name}**: ${kinds.map((k) => `${k.toLowerCase()} ${prompt(k, lang)}`).join(', ')}`;
  const row = appendTableRow(model, section, (columns, header) => [party.name, ...header.slice(1, columns).map((h) => prompt(h, lang))]);
  if (row) return row;
  const item = appendListItem(model, section, line);
  if (item) return item;
  if (model.sections.some((s) => s.parent === section)) {
    const body = kinds.map((k) => `- ${k}: ${prompt(k, lang)}`).join('\n');
    return insertSection(model, party.name, body, nextSibling(model, section), section.heading!.depth + 1);
  }
  return appendToSection(model, section, `- ${line}`);
}

/** How many parties a message names, and its data lists, before "and N others". */
const NAMED_IN_MESSAGE = 5;
const NAMED_IN_DATA = 20;

const CITATION = { quote: 2, examples: [{ lesson: 'example-haarlemmermeer', quote: 1 }, { lesson: 'example-nijmegen', quote: 1 }] };

export const unstatedContribution: Rule = {
  id: 'unstated-contribution',
  lesson: 'factor-2',
  seeAlso: ['example-haarlemmermeer', 'example-nijmegen', 'example-terneuzen', 'example-leiden'],
  defaultSeverity: 'warning',
  docs: {
    summary: {
      nl: 'Meldt een partij waarvan niet staat wat zij bijdraagt: geld, personeel of faciliteiten.',
      en: 'Reports a party whose contribution (money, staff or facilities) is not stated.',
    },
    details: {
      nl: 'Voor elke partij (uit de front matter `partijen`, anders uit de sectie Partijen, De ondergetekenden, Ondertekenaars of Betrokken partijen in elke kopstijl, of uit een regel "Partijen: A, B en C") zoekt de regel haar bijdrage in de secties Bijdragen, Inzet, Middelen, Financiering, Taken en bijdragen of Verplichtingen van …: een tabelrij of -kolom, een lijstitem, een artikel of subsectie per partij, of een zin die de partij noemt. Een korte naam, een afkorting, een alias ("hierna te noemen: SKO") en "de schoolbesturen" of "alle partijen" tellen ook; een plaatsnaam die twee partijen delen niet. Geld, personeel en faciliteiten in woorden tellen ("zet twee vakleerkrachten in", "stelt twee lokalen beschikbaar"); "denkt mee", "ondersteunt waar nodig", "is betrokken" en uitstel ("n.t.b.", "PM", "volgt na de begroting", "nader te bepalen in …") niet. Heeft geen enkele partij een bijdrage, dan is er één melding voor het document. Een bijdrage met alleen invulvelden ([bedrag]) meldt unfilled-placeholder.',
      en: 'For each party (from the front matter `parties`, else from the Parties, Signatories or Partners section in any heading style, or a line "Parties: A, B and C") the rule looks for its contribution in the Contributions, Commitments, Resources, Funding or Responsibilities of the partners sections: a table row or column, a list item, an article or subsection per party, or a sentence naming the party. Short names, acronyms, aliases ("hereinafter the Trust"), "the schools" and "all parties" count too; a place name two parties share does not. Money, staff and facilities in words count; "supports where needed", "is involved" and deferrals (TBD, PM, to be agreed …) do not. When no party states anything, there is one finding for the document. A contribution of fill-in fields only ([amount]) is reported by unfilled-placeholder.',
    },
    why: {
      nl: 'Succesfactor 2 raadt aan om al bij de ambitie te verwoorden welke bijdragen de verschillende partijen leveren (financieel, personeel, faciliteiten), zodat het later geen verrassing is als er om een bijdrage gevraagd wordt. Haarlemmermeer maakte duidelijke afspraken over wie wat waaraan bijdraagt; in Nijmegen financierde de gemeente het gebouw en zorgden de scholen voor personeel.',
      en: 'Success factor 2 advises stating, already at the ambition stage, which contribution each party makes (financial, staff, facilities), so that a request for a contribution is no surprise later. Haarlemmermeer made clear agreements on who contributes what; in Nijmegen the municipality paid for the building and the schools provided the staff.',
    },
    examples: [
      {
        title: { nl: 'Bijdrage nog niet bepaald', en: 'Contribution not yet agreed' },
        reports: true,
        markdown: [
          '---', 'type: convenant', 'partijen:', '  - Gemeente Rivierstad', '  - Stichting Kits Primair', '---', '# Convenant', '',
          '## Betrokkenen', '', 'Het college van B&W, de schoolbesturen, de gemeenteraad (stelt het budget vast) en de schooldirecteuren (voeren uit) zijn betrokken.', '', 
          '## Bijdragen', '', '| Partij | Financieel | Personeel | Faciliteiten |', '| --- | --- | --- | --- |',
          '| Gemeente Rivierstad | € 300.000 per jaar | 0,5 fte projectleider | - |', '| Stichting Kits Primair | n.t.b. | PM | - |', '',
        ].join('\n'),
      },
      {
        title: { nl: 'Elke partij noemt haar bijdrage', en: 'Every party states its contribution' },
        reports: false,
        markdown: [
          '---', 'type: convenant', 'partijen:', '  - Gemeente Rivierstad', '  - Stichting Kits Primair', '---', '# Convenant', '',
          '## Betrokkenen', '', 'Het college van B&W, de schoolbesturen, de gemeenteraad (stelt het budget vast) en de schooldirecteuren (voeren uit) zijn betrokken.', '', 
          '## Bijdragen', '', '| Partij | Financieel | Personeel | Faciliteiten |', '| --- | --- | --- | --- |',
          '| Gemeente Rivierstad | € 300.000 per jaar | 0,5 fte projectleider | - |', '| Kits Primair | € 40.000 uit onderhoudsgelden | 2 intern begeleiders, 4 uur per week | lokaal voor de peutergroep |', '',
        ].join('\n'),
      },
    ],
  },
  check({ model, lang }) {
    if (!model.parties.length) return [];
    const m = MESSAGES[lang];
    const all = matchers(model.parties);
    const sections = findSections(model, 'contributions');
    const findings: RuleFinding[] = [];
    const anchorOf = (): Span => {
      const heading = findSection(model, 'parties', 'involvement')?.heading ?? model.title;
      return heading ? { start: heading.start, end: heading.end } : { start: 0, end: model.index.lineEnd(0) };
    };

    if (!sections.length) {
      const stated = proseContributions(model, all);
      const missing = model.parties.filter((p) => !stated.has(p));
      if (!missing.length) return [];
      const after = findSection(model, 'ambition') ?? findSection(model, 'parties', 'involvement');
      const section = (parties: Party[]): RuleFinding['fixes'] => [
        { action: m.noSectionFix, edits: [insertSection(model, m.heading, newTable(parties, lang), after ? nextSibling(model, after) : undefined)], preferred: true },
      ];
      // Nothing stated by anyone is one problem of the document, not one per party: a row for every party.
      // The message names a few parties, not a list of thousands that would travel with every diagnostic.
      const names = model.parties.map((p) => p.name);
      const named = names.slice(0, NAMED_IN_MESSAGE).join(', ') + (names.length > NAMED_IN_MESSAGE ? m.andOthers(names.length - NAMED_IN_MESSAGE) : '');
      if (!stated.size) return [{ ...anchorOf(), message: m.noSection(named), data: { reason: 'no-section', parties: names.slice(0, NAMED_IN_DATA), partyCount: names.length }, fixes: section(model.parties), ...CITATION }];
      // A party's own fix adds its row, and rows for those who state something elsewhere: once the section exists,
      // it is where the contributions are read. Not a row for every other missing party: each finding carrying the
      // whole table made the fixes of a thousand parties 70 MB.
      return missing.map((party) => ({ ...anchorOf(), message: m.missing(party.name), data: { party: party.name, reason: 'missing' }, fixes: section(model.parties.filter((p) => p === party || stated.has(p))), ...CITATION }));
    }

    const top = sections[0];
    const found = sections.flatMap((s) => entries(model, s, all));
    for (const party of model.parties) {
      const own = found.filter((e) => e.parties.includes(party));
      const verdicts = own.map((e) => judge(e.text));
      if (verdicts.includes('concrete')) continue;
      // Fields to fill in are work in progress: unfilled-placeholder reports them, once.
      if (verdicts.includes('field')) continue;
      const entry = own.find((e) => e.placeholders.length) ?? own.find((e) => e.label !== null) ?? own[0];
      if (entry) {
        const shown = excerpt(entry.text.trim().replace(/(?:(?<!\s)\s+)?;\s*;?/g, ', ').replace(/^,\s*|,\s*$/g, '')) || m.nothing;
        const fix = entry.placeholders.length
          ? { action: m.placeholderFix(party.name), edits: entry.placeholders.map((p) => ({ start: p.start, end: p.end, newText: prompt(p.header, lang) })), preferred: true }
          : { action: m.addFix(party.name), edits: [addEntry(model, top, party, lang)], preferred: true };
        const covers = own.map((e) => e.span ?? e.anchor);
        findings.push({ start: entry.anchor.start, end: entry.anchor.end, message: m.placeholder(party.name, shown), data: { party: party.name, reason: 'placeholder' }, fixes: [fix], covers, ...CITATION });
        continue;
      }
      findings.push({
        start: top.heading!.start,
        end: top.heading!.end,
        message: m.missing(party.name),
        data: { party: party.name, reason: 'missing' },
        fixes: [{ action: m.addFix(party.name), edits: [addEntry(model, top, party, lang)], preferred: true }],
        ...CITATION,
      });
    }
    return findings;
  },
};
