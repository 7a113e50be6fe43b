import { appendListItem, appendTableRow, appendToSection, blocksIn, findSection, insertSection, nextSibling } from '../edit';
import type { DocumentModel, Party, Section } from '../model';
import type { OffsetEdit, Rule, RuleFinding } from '../rule';
import { splitSentences } from '../sentences';
import { normalize, wordRegExp, type Span } from '../text';
import type { Language } from '../types';

/** Placeholders, squashed to letters and digits: "n.t.b." → "ntb", "In overleg (te bepalen)" → "inoverlegtebepalen". */
const PLACEHOLDERS = new Set([
  '', 'ntb', 'nnb', 'pm', 'nadertebepalen', 'nogtebepalen', 'naderintevullen', 'nogintevullen', 'inoverleg',
  'inoverlegtebepalen', 'inoverlegvasttestellen', 'volgt', 'volgtlater', 'volgtnog', 'wordtnaderbepaald',
  'wordtnaderingevuld', 'nognietbekend', 'onbekend', 'tobeagreed', 'tobedetermined', 'tobeconfirmed', 'tba', 'tbd',
  'tbc', 'x', 'xx', 'xxx', 'eur',
]);

function squash(text: string): string {
  return normalize(text.replace(/<!--[\s\S]*?-->/g, '')).replace(/[^\p{L}\p{N}]/gu, '');
}

/** True when a piece of text states nothing: empty, a dash, a placeholder such as n.t.b. or PM, or words that end in one ("inzet medewerkers n.t.b."). */
function isPlaceholder(piece: string): boolean {
  return PLACEHOLDERS.has(squash(piece.replace(/€/g, ''))) || deferredWithoutNumbers(piece);
}

/** A deferral ("in overleg", "volgt") with no amount or number beside it. */
function deferredWithoutNumbers(text: string): boolean {
  return PROSE_PLACEHOLDER.test(text) && !/\p{N}|€/u.test(text);
}

/** The whole value states nothing when every part of it (cells, or parts split by ; / ,) is a placeholder. */
function statesNothing(parts: string[]): boolean {
  return parts.flatMap((p) => p.split(/[;|]|,(?!\d)/)).every(isPlaceholder);
}

const STOP = new Set(['de', 'het', 'een', 'van', 'voor', 'en', 'the', 'of', 'for', 'and', 'a', 'an', 'b', 'v', 'bv', 'nv']);
const GENERIC = new Set(['gemeente', 'stichting', 'municipality', 'foundation', 'vereniging', 'school', 'scholen', 'onderwijs', 'primair', 'voortgezet', 'openbaar', 'openbare', 'katholiek', 'katholieke', 'christelijk', 'christelijke', 'trust', 'academy', 'council', 'city', 'schools', 'education', 'educational']);
const MUNICIPAL_WORDS = /^(de )?(gemeente|gemeentebestuur|college van b ?& ?w|college|municipality|the municipality)$/;
const EDUCATION_WORDS = /^(de )?(schoolbesturen|besturen|onderwijsbesturen|school boards|the school boards|boards)( gezamenlijk| samen| jointly| together)?$/;

function tokens(text: string): string[] {
  return normalize(text).split(' ').filter((t) => t && !STOP.has(t));
}

function acronym(name: string): string | null {
  const initials = tokens(name).map((t) => t[0]).join('');
  return initials.length >= 3 ? initials : null;
}

/** How well a label names the party: 0 = not at all. Distinctive words count; "Gemeente", "Stichting" alone do not. */
function matchScore(party: Party, label: string): number {
  const labelTokens = new Set(tokens(label));
  const partyTokens = tokens(party.name);
  const explicitAcronyms = (party.name.match(/\(([\p{Lu}\d&]{2,})\)/gu) ?? []).map((a) => normalize(a));
  if (explicitAcronyms.some((a) => labelTokens.has(a))) return 1;
  const initials = acronym(party.name);
  if (initials && labelTokens.has(initials)) return 1;
  const distinctive = partyTokens.filter((t) => !GENERIC.has(t));
  const hit = (t: string): boolean => labelTokens.has(t);
  if (distinctive.length) {
    const hits = distinctive.filter(hit).length;
    return hits ? hits / distinctive.length + partyTokens.filter(hit).length * 0.01 : 0;
  }
  return partyTokens.every(hit) ? 1 : 0;
}

interface Entry {
  label: string;
  /** What the entry says the party contributes, in parts (table cells). */
  parts: string[];
  /** Where a finding about this entry goes. */
  anchor: Span;
  /** The placeholders in it, with the column they stand in, to replace with fields to fill in. */
  placeholders: Array<Span & { header: string }>;
  /** Running text that may name several parties: matched by containment, not by best match. */
  prose: boolean;
  /** Judged sentence by sentence (prose, subsections) rather than cell by cell. */
  text: boolean;
}

const PROSE_PLACEHOLDER = /\b(n\.?t\.?b\.?|nader te bepalen|nog te bepalen|volgt( later| nog)?|wordt (nog )?nader (bepaald|ingevuld)|in overleg( te bepalen)?|to be (agreed|determined|confirmed)|tbd|tba)\b/i;
/** Running text states a contribution only when it names something concrete: an amount, hours, a building, staff. */
const CONCRETE = wordRegExp(
  '\\p{N}+([.,]\\p{N}+)?\\s*(%|procent|euro|mln|miljoen|fte|uur|uren|m²|m2|lokalen|medewerkers|leerkrachten|dagdelen|plaatsen|hours|staff)|€|fte|uur|uren|m²|m2|\\p{L}*(gebouw|lokaal|lokalen|ruimte|zaal|personeel|leider|leiders|coördinator|coordinator|begeleider\\p{L}*|huisvesting|subsidie|budget|middelen|onderhoudsgelden)|financier\\p{L}*|betaal\\p{L}*|betaalt|stel(t|len) .{0,60}beschikbaar|hours?|building|premises|rooms?|staff|funds?|funding|budget|pays?|provides?',
);

/** A field to fill in, such as [bedrag]: left open on purpose (our own fixes insert them), so not reported again. */
const PROMPT = /\[[^\]\n]+\]/;

function statesNothingIn(entry: Entry): boolean {
  if (!entry.text) return statesNothing(entry.parts);
  // Every sentence is a placeholder ("Nader te bepalen.") or names nothing concrete ("Het bestuur besluit in april.").
  return entry.parts
    .flatMap((part) => splitSentences(part).map((s) => part.slice(s.start, s.end)))
    .every((sentence) => !PROMPT.test(sentence) && (deferredWithoutNumbers(sentence) || !testRe(CONCRETE, sentence)));
}

function testRe(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

const trimCell = (text: string) => (cell: Span): Span => {
  let { start, end } = cell;
  while (start < end && /[\s|]/.test(text[start])) start++;
  while (end > start && /[\s|]/.test(text[end - 1])) end--;
  return { start, end };
};

function entries(model: DocumentModel, top: Section): Entry[] {
  const out: Entry[] = [];
  const text = model.plain;
  const seenItems = new Set<number>();
  const headers = new Map<number, string[]>();
  for (const block of blocksIn(model, top, true)) {
    if (block.table) {
      const cells = block.table.cells.map(trimCell(text));
      if (block.table.header) {
        headers.set(block.table.tableSpan.start, cells.map((c) => text.slice(c.start, c.end)));
        continue;
      }
      const [first, ...rest] = cells;
      if (!first) continue;
      const header = headers.get(block.table.tableSpan.start) ?? [];
      out.push({
        label: text.slice(first.start, first.end),
        parts: rest.map((c) => text.slice(c.start, c.end)),
        anchor: { start: block.start, end: block.end },
        placeholders: rest
          .map((c, i) => ({ ...c, header: header[i + 1] ?? '' }))
          .filter((c) => isPlaceholder(text.slice(c.start, c.end))),
        prose: false,
        text: false,
      });
    } else if (block.listItem && !seenItems.has(block.listItem.item.start)) {
      seenItems.add(block.listItem.item.start);
      const itemText = text.slice(block.start, block.listItem.item.end);
      const anchor = { start: block.start, end: model.index.lineEnd(block.start) };
      const m = /^\s*(\*\*|__)?([^:*_\n–—]+?)(\*\*|__)?\s*(:|–|—| - )\s*([\s\S]*?)\s*$/u.exec(itemText);
      if (m) {
        const valueStart = block.start + itemText.trimEnd().length - m[5].length;
        out.push({
          label: m[2],
          parts: [m[5]],
          anchor,
          placeholders: isPlaceholder(m[5]) ? [{ start: valueStart, end: valueStart + m[5].length, header: '' }] : [],
          prose: false,
          text: false,
        });
      } else {
        out.push({ label: itemText, parts: [itemText], anchor, placeholders: [], prose: true, text: true });
      }
    } else if (block.type === 'paragraph' && !block.listItem) {
      for (const s of splitSentences(block.text, block.start)) {
        const sentence = text.slice(s.start, s.end);
        out.push({ label: sentence, parts: [sentence], anchor: s, placeholders: [], prose: true, text: true });
      }
    }
  }
  // A subsection per party: "### Gemeente Rivierstad" followed by what it brings in.
  for (const sub of model.sections.filter((s) => s.parent === top)) {
    const body = blocksIn(model, sub).filter((b) => !b.table?.header);
    out.push({
      label: sub.heading!.text,
      parts: body.length ? body.map((b) => text.slice(b.start, b.end)) : [''],
      anchor: { start: sub.heading!.start, end: sub.heading!.end },
      placeholders: body.filter((b) => isPlaceholder(text.slice(b.start, b.end))).map((b) => ({ ...trimCell(text)(b), header: '' })),
      prose: false,
      text: true,
    });
  }
  return out;
}

/** Assigns entries to parties: labels go to the best-matching party, running text to every party it names. */
function entriesByParty(model: DocumentModel, all: Entry[]): Map<Party, Entry[]> {
  const byParty = new Map<Party, Entry[]>(model.parties.map((p) => [p, []]));
  const municipal = model.parties.filter((p) => p.type === 'municipal');
  const education = model.parties.filter((p) => p.type === 'education');
  for (const entry of all) {
    const label = normalize(entry.label);
    if (!entry.prose && MUNICIPAL_WORDS.test(label) && municipal.length === 1) {
      byParty.get(municipal[0])!.push(entry);
      continue;
    }
    if (!entry.prose && EDUCATION_WORDS.test(label)) {
      for (const p of education) byParty.get(p)!.push(entry);
      continue;
    }
    const scored = model.parties.map((p) => ({ p, score: matchScore(p, entry.label) })).filter((s) => s.score > 0);
    if (entry.prose) for (const s of scored) byParty.get(s.p)!.push(entry);
    else if (scored.length) byParty.get(scored.reduce((a, b) => (b.score > a.score ? b : a)).p)!.push(entry);
  }
  return byParty;
}

const PROMPTS: Array<{ re: RegExp; nl: string; en: string }> = [
  { re: /financ|geld|budget|bedrag|euro|kosten|money|funding|amount/, nl: '[bedrag]', en: '[amount]' },
  { re: /personeel|fte|uren|mensen|capaciteit|staff|people|hours/, nl: '[fte of uren]', en: '[FTE or hours]' },
  { re: /faciliteit|huisvesting|ruimte|gebouw|locatie|facilit|premises|accommodation|building/, nl: '[ruimte of voorziening]', en: '[premises or services]' },
];

function prompt(header: string, lang: Language): string {
  const h = normalize(header);
  return PROMPTS.find((p) => p.re.test(h))?.[lang] ?? (lang === 'nl' ? '[bijdrage]' : '[contribution]');
}

const TABLE_HEADER: Record<Language, string[]> = {
  nl: ['Partij', 'Financieel', 'Personeel', 'Faciliteiten'],
  en: ['Party', 'Financial', 'Staff', 'Facilities'],
};

function newTable(parties: Party[], lang: Language): string {
  const header = TABLE_HEADER[lang];
  const rows = parties.map((p) => `| ${[p.name, ...header.slice(1).map((h) => prompt(h, lang))].join(' | ')} |`);
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows].join('\n');
}

function addEntry(model: DocumentModel, section: Section, party: Party, lang: Language): OffsetEdit {
  const [, ...kinds] = TABLE_HEADER[lang];
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
      nl: 'Voor elke partij (uit de front matter `partijen`, anders uit de sectie Partijen: lijstitems, tabelrijen of vetgedrukte namen) zoekt de regel haar bijdrage in de sectie Bijdragen, Inzet, Middelen of Financiering: een tabelrij, een lijstitem, een eigen subsectie of een zin die de partij noemt. Een korte naam ("Rivierstad" voor "Gemeente Rivierstad"), een afkorting ("SOPOR") en "de schoolbesturen" voor alle schoolbesturen samen tellen ook. De regel meldt de partij als ze ontbreekt of als er alleen een plaatshouder staat: n.t.b., PM, nader te bepalen, in overleg (te bepalen), volgt, to be agreed, TBD, een lege cel of "-". Invulvelden tussen haken, zoals [bedrag], zijn bewust opengelaten en worden in de editor gemarkeerd; deze regel telt ze als ingevuld.',
      en: 'For each party (from the front matter `parties`, else from the Parties section: list items, table rows or bold names) the rule looks for its contribution in the Contributions, Resources or Funding section: a table row, a list item, a subsection of its own, or a sentence naming the party. A short name, an acronym, and "the school boards" for all boards together count too. The rule reports a party that is missing or has only a placeholder: TBD, to be agreed, PM, n.t.b., an empty cell or "-". Bracketed prompts such as [amount] are left open on purpose and highlighted in the editor; this rule counts them as filled in.',
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
    const nl = lang === 'nl';
    const top = findSection(model, 'contributions');
    const findings: RuleFinding[] = [];
    const citation = { quote: 2, examples: [{ lesson: 'example-haarlemmermeer', quote: 1 }, { lesson: 'example-nijmegen', quote: 1 }] };

    if (!top) {
      const anchor = findSection(model, 'parties', 'involvement')?.heading ?? model.title;
      const after = findSection(model, 'ambition') ?? findSection(model, 'parties', 'involvement');
      const heading = nl ? 'Bijdragen' : 'Contributions';
      const edit = insertSection(model, heading, newTable(model.parties, lang), after ? nextSibling(model, after) : undefined);
      for (const party of model.parties) {
        findings.push({
          start: anchor?.start ?? 0,
          end: anchor?.end ?? model.index.lineEnd(0),
          message: nl
            ? `Het document zegt niet wat ${party.name} bijdraagt (geld, personeel, faciliteiten). Voeg een sectie Bijdragen toe.`
            : `The document does not say what ${party.name} contributes (money, staff, facilities). Add a Contributions section.`,
          data: { party: party.name, reason: 'no-section' },
          fixes: [{ action: nl ? 'Voeg een sectie Bijdragen toe met een rij per partij' : 'Add a Contributions section with a row per party', edits: [edit], preferred: true }],
          ...citation,
        });
      }
      return findings;
    }

    const byParty = entriesByParty(model, entries(model, top));
    for (const party of model.parties) {
      const found = byParty.get(party) ?? [];
      if (found.some((e) => !statesNothingIn(e))) continue;
      const entry = found.find((e) => !e.prose) ?? found[0];
      if (entry) {
        const shown = entry.parts.map((p) => p.trim()).filter((p) => p && p !== '|').join(', ') || (nl ? 'niets' : 'nothing');
        const fix = entry.placeholders.length
          ? {
              action: nl ? `Vervang de plaatshouders voor ${party.name} door invulvelden` : `Replace the placeholders for ${party.name} with fields to fill in`,
              edits: entry.placeholders.map((p) => ({ start: p.start, end: p.end, newText: prompt(p.header, lang) })),
              preferred: true,
            }
          : { action: nl ? `Voeg de bijdrage van ${party.name} toe` : `Add the contribution of ${party.name}`, edits: [addEntry(model, top, party, lang)], preferred: true };
        findings.push({
          start: entry.anchor.start,
          end: entry.anchor.end,
          message: nl
            ? `De bijdrage van ${party.name} is nog niet ingevuld (${shown}). Maak concreet wat ${party.name} inbrengt: geld, personeel of faciliteiten.`
            : `The contribution of ${party.name} is not filled in (${shown}). State what ${party.name} brings in: money, staff or facilities.`,
          data: { party: party.name, reason: 'placeholder' },
          fixes: [fix],
          ...citation,
        });
        continue;
      }
      findings.push({
        start: top.heading!.start,
        end: top.heading!.end,
        message: nl
          ? `${party.name} ontbreekt bij de bijdragen. Beschrijf wat ${party.name} inbrengt: geld, personeel of faciliteiten.`
          : `${party.name} is missing from the contributions. State what ${party.name} brings in: money, staff or facilities.`,
        data: { party: party.name, reason: 'missing' },
        fixes: [{ action: nl ? `Voeg ${party.name} toe aan de bijdragen` : `Add ${party.name} to the contributions`, edits: [addEntry(model, top, party, lang)], preferred: true }],
        ...citation,
      });
    }
    return findings;
  },
};
