import type { Block, DocumentModel } from '../model';
import type { OffsetEdit, Rule, RuleFinding } from '../rule';
import { splitSentences } from '../sentences';
import { findAll, overlaps, wordRegExp, type Span } from '../text';
import type { Language } from '../types';
import {
  ACTOR,
  ANCHOR_QUANTITY,
  BENCHMARK,
  CREATION,
  DEFERRAL_ONLY,
  DATE,
  DELIVERABLE,
  DIGITS,
  EXISTING_COUNT,
  FIELD,
  FREQUENCY,
  HEDGE_REMOVABLE,
  HEDGE_VERB,
  META_STATEMENT,
  PROSE_DEFERRAL,
  RELATIVE_TIMING,
  SCAN_WORDS,
  YEAR,
} from '../vocabulary';

type Messages = Record<Language, {
  vagueWith: (words: string) => string;
  vague: string;
  measurable: string;
  placeholder: string;
  remove: (words: string) => string;
  and: string;
  quote: (w: string) => string;
}>;

const MESSAGES: Messages = {
  nl: {
    vagueWith: (words) => `Vage ambitie: ${words} zonder meetbaar doel. Maak concreet wat er wanneer bereikt is (aantal, percentage, bedrag of datum).`,
    vague: 'Vage ambitie: er staat niet in wanneer ze gehaald is. Maak concreet wat er wanneer bereikt is (aantal, percentage, bedrag of datum).',
    measurable: 'Maak de ambitie meetbaar',
    placeholder: ' (meetbaar: van [nulmeting] naar [streefwaarde] vóór [datum])',
    remove: (words) => `Schrap ${words}`,
    and: 'en',
    quote: (w) => `„${w}”`,
  },
  en: {
    vagueWith: (words) => `Vague ambition: ${words} with no measurable target. Say what will be achieved by when (number, percentage, amount or date).`,
    vague: 'Vague ambition: nothing says when it has been met. Say what will be achieved by when (number, percentage, amount or date).',
    measurable: 'Make the ambition measurable',
    placeholder: ' (measurable: from [baseline] to [target] by [date])',
    remove: (words) => `Remove ${words}`,
    and: 'and',
    quote: (w) => `“${w}”`,
  },
};

/** Outside an ambition section, a sentence is an ambition when it says what the parties want or aim for. */
const AMBITION_STATEMENT = wordRegExp(
  'willen|wil|stre(e|ve)(f|n|ft)|beogen|beoogt|werken (samen )?aan|zetten (ons |zich )?in (op|voor)|inzetten op|moet .{0,60} worden|ambi(e|ë)ren|ambitie is|onze ambitie|de ambitie|doel(stelling)? is|hebben als doel|met als doel|gaan voor|we want|wants? to|aims? to|our (goal|aim|ambition|vision)|the (goal|aim|ambition) is|strive|seeks? to|intend to|is committed to|are committed to',
  'iu',
);
const PAST_TENSE = wordRegExp(
  'was|waren|werd|werden|had|hadden|wilde|wilden|streefde|streefden|bleek|bleken|kwam|kwamen|deden|gingen|ging|zagen|is gebleken|(heeft|hebben) (aangegeven|laten weten|toegezegd)|were|did|wanted|aimed|used to|destijds|toen|in de afgelopen|afgelopen jaren|in the past|last year',
  'iu',
);
/** Doing, not aiming: actions and method ("De gemeente organiseert", "Partijen stellen op") are no ambition. */
const GOAL_COLUMN = /^(doel|doelen|doelstelling|ambitie|ambities|resultaat|resultaten|beoogd (resultaat|effect)|beoogde (resultaten|effecten)|streefdoel|goal|goals|aim|aims|objective|objectives|outcome|outcomes|target|targets|intended outcome|what we want to achieve|wat willen we bereiken)\b/i;

/** "Doel 1:", "2.", "a)", "(3)" label a sentence; their numbers measure nothing. */
function withoutLabel(text: string): string {
  return text.replace(/^\s*(\(?\p{N}+(\.\p{N}+)*[.):]?(?=\s)|\(?\p{L}[.)]|(artikel|article|clause|doel|ambitie|speerpunt|thema|opgave|spoor|aim|goal|objective|priority|outcome)\s+\p{N}+[a-z]?\s*[.:–-]?)\s*/iu, '');
}

/** A number measures something unless it counts what exists, numbers an article, or is a year outside a date. */
function measuringNumber(text: string): boolean {
  const existing = findAll(EXISTING_COUNT, text);
  const dates = findAll(DATE, text);
  for (const n of findAll(DIGITS, text)) {
    if (existing.some((e) => overlaps(e, n))) continue;
    if (YEAR.test(text.slice(n.start, n.end)) && !dates.some((d) => overlaps(d, n))) continue;
    return true;
  }
  return false;
}

/** What makes an ambition checkable: a quantity, a date or frequency, a benchmark, or a deliverable that is made. */
export function isAnchored(sentence: string, actors: string[] = []): boolean {
  const text = withoutLabel(sentence);
  // Cheap tests first: most sentences are settled by one of these or fail them all.
  if (DATE.test(text) || FREQUENCY.test(text) || BENCHMARK.test(text)) return true;
  // "van 0 tot 18 jaar" reads as a quantity, but an age range or a count of what exists measures nothing.
  if (ANCHOR_QUANTITY.test(text)) {
    const existing = findAll(EXISTING_COUNT, text);
    if (findAll(ANCHOR_QUANTITY, text).some((q) => !existing.some((e) => overlaps(e, q)))) return true;
  }
  if (/\p{N}/u.test(text) && measuringNumber(text)) return true;
  if (!DELIVERABLE.test(text) || !CREATION.test(text)) return false;
  // A deliverable anchors when somebody named makes it: "partijen openen een loket", not "worden ingericht".
  // "bij het opstellen van het plan" names an activity, not a result that somebody delivers.
  const making = findAll(CREATION, text).filter((c) => !/\b(het|the)\s+$/i.test(text.slice(Math.max(0, c.start - 5), c.start)));
  // The verb makes the deliverable: near each other ("openen een loket", "het loket is geopend").
  const made = findAll(DELIVERABLE, text).some((d) => making.some((c) => Math.abs(c.start - d.start) <= 50));
  return made && (ACTOR.test(text) || RELATIVE_TIMING.test(text) || actors.some((a) => text.includes(a))) && !HEDGE_REMOVABLE.test(text);
}

/**
 * A pure memo of isAnchored, per list of actors (one per document, a few documents at a time): a keystroke changes
 * one sentence, and the others need not be judged again. Bounded, so a long session does not grow it.
 */
const anchoredMemo = new Map<string, Map<string, boolean>>();
function anchoredJudge(actors: string[]): (sentence: string) => boolean {
  const key = actors.join('\n');
  let memo = anchoredMemo.get(key);
  if (!memo) {
    if (anchoredMemo.size >= 8) anchoredMemo.clear();
    memo = new Map();
    anchoredMemo.set(key, memo);
  }
  const known = memo;
  return (sentence) => {
    let anchored = known.get(sentence);
    if (anchored === undefined) {
      if (known.size >= 20_000) known.clear();
      anchored = isAnchored(sentence, actors);
      known.set(sentence, anchored);
    }
    return anchored;
  };
}

interface Candidate extends Span {
  inContext: boolean;
}

/** Per table: its header cells and the columns that hold goals (by header). Computed once per check. */
interface Tables {
  headers: Map<number, string[]>;
  goals: Map<number, number[]>;
}

function tablesOf(model: DocumentModel): Tables {
  const headers = new Map<number, string[]>();
  const goals = new Map<number, number[]>();
  for (const b of model.blocks) {
    if (!b.table?.header) continue;
    headers.set(b.table.tableSpan.start, b.table.cellTexts);
    const cols = b.table.cellTexts.map((c, i) => (GOAL_COLUMN.test(c.trim()) ? i : -1)).filter((i) => i >= 0);
    if (cols.length) goals.set(b.table.tableSpan.start, cols);
  }
  return { headers, goals };
}

function isName(text: string): boolean {
  return withoutParenthesised(text).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 2;
}

/** Every "(…)" blanked, as `replace(/\([^)]*\)/g, ' ')` does, without rescanning to the end from every "(". */
function withoutParenthesised(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', at)) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) break;
    out += `${text.slice(at, open)} `;
    at = close + 1;
  }
  return out + text.slice(at);
}

/**
 * Where the closing marks of `text[start, end)` begin: stops, then white space, then a table's last pipe, each
 * optional (what /[.!?:;]*\s*(\|\s*)?$/ finds), read from the end so a run of spaces is scanned once.
 */
function beforeClosingMarks(text: string, start: number, end: number): number {
  let at = end;
  const skip = (re: RegExp): void => {
    while (at > start && re.test(text[at - 1])) at--;
  };
  skip(/\s/);
  if (at > start && text[at - 1] === '|') {
    at--;
    skip(/\s/);
  }
  skip(/[.!?:;]/);
  return at;
}

/** "De partners hebben de volgende doelen:", "The Partners' aims are:": the items after it are ambitions. */
const AMBITION_LEAD_IN = wordRegExp('doel(en|stellingen)?|ambities?|streefdoelen|speerpunten|resultaten|willen|beogen|aims?|objectives?|goals?|outcomes|priorities|ambitions?|want', 'iu');

function candidates(model: DocumentModel, tables: Tables): Candidate[] {
  const out: Candidate[] = [];
  const goals = tables.goals;
  let ledIn = false;
  const push = (span: Span, inContext: boolean, block: Block): void => {
    const text = model.plain.slice(span.start, span.end);
    // Outside an ambition context only an ambition statement counts: the cheap test first, for long documents.
    if (!inContext && !AMBITION_STATEMENT.test(text)) return;
    // "**Taal als basis.**" in front of an item is its title.
    if (block.lead && span.start >= block.lead.start && span.end <= block.lead.end) return;
    // A lead-in ("Samen werken aan:") is judged by the items that complete it; a name or title is no claim; a
    // question ("Wat gaan we doen?") asks, it claims nothing.
    if (/[:?]\s*$/.test(text) || isName(text)) return;
    // "Trekker: gemeente", "Partners: SKO en OBO": a labelled field, unless the label names a goal.
    const label = /^\s*(\p{L}+(?: \p{L}+)?)\s*:\s+(.*)$/su.exec(text);
    if (label && !GOAL_COLUMN.test(label[1]) && label[2].split(/\s+/).length <= 6) return;
    // Who does what ("De agendacommissie bewaakt de agenda") is organisation, not an ambition; nor is what the
    // document itself does ("Dit akkoord bundelt …").
    if ((SCAN_WORDS.roles.test(text) && !AMBITION_STATEMENT.test(text)) || META_STATEMENT.test(text)) return;
    // A short line without a full stop ("4.2 Eén route naar hulp", "Hoe wij verder gaan") is a title.
    if (!block.listItem && !text.includes('\n') && !/[.!?;:]$/.test(text.trim()) && text.split(/\s+/).length <= 8) return;
    out.push({ ...span, inContext });
  };
  for (const block of model.blocks) {
    const cls = block.section.cls;
    // A lead-in reaches its items, not past the next heading.
    if (block.type === 'heading') ledIn = false;
    if (block.type === 'heading' || cls === 'background' || cls === 'signature' || block.table?.header) continue;
    // A paragraph that leads in to a list ("Partijen willen … Dat maken we meetbaar:") is judged by its items, and
    // a lead-in that names aims makes those items ambitions wherever they stand.
    if (block.type === 'paragraph' && !block.listItem && /:\s*$/.test(block.text)) {
      ledIn = AMBITION_LEAD_IN.test(block.text.slice(Math.max(0, block.text.lastIndexOf('.', block.text.length - 2))));
      continue;
    }
    const item = !!block.listItem || !!block.enumerated;
    if (!item) ledIn = false;
    const inContext = cls === 'ambition' || (ledIn && item);
    if (block.table) {
      const cols = goals.get(block.table.tableSpan.start);
      if (cols) {
        // A goal column makes its cells ambitions wherever the table stands; the finding sits on the row.
        const cell = cols.map((i) => block.table!.cells[i]).filter(Boolean);
        if (cell.length && cols.some((i) => (block.table!.cellTexts[i] ?? '').trim())) {
          const text = cols.map((i) => block.table!.cellTexts[i] ?? '').join(' ');
          if (!isName(text)) out.push({ start: block.start, end: block.end, inContext: true });
        }
      }
      // A table without a goal column (who leads which theme, a planning) holds no ambitions.
      continue;
    }
    if (cls === 'method' && !inContext) {
      // Actions are judged only when they state an ambition.
      for (const s of splitSentences(block.text, block.start)) push(s, false, block);
      continue;
    }
    for (const s of splitSentences(block.text, block.start)) push(s, inContext, block);
  }
  return out;
}

/** Columns that hold the measure of a goal: "Streefwaarde 2027", "Indicator", "How we will know". */
const TARGET_COLUMN = /streefwaarde|streefdoel|streefjaar|doelwaarde|indicator|meetbaar|meting|norm|target|measure|how (we|will we) (will )?know|success (criteria|measure)|wanneer|gereed|deadline|datum|jaar|jaartal|uiterlijk|periode|planning|termijn|tijdpad|when|by when|year|timing|peildatum/i;

/**
 * A row is judged by its goal and the columns that measure it; an investment or description beside the goal is no
 * anchor for it. A table without a goal column (an ambition table in an ambition section) is judged whole.
 */
function claimText(model: DocumentModel, tables: Tables, block: Block | undefined, span: Span): string {
  if (!block?.table) return model.plain.slice(span.start, span.end);
  const cols = tables.goals.get(block.table.tableSpan.start);
  if (!cols) return block.table.cellTexts.join(' ; ');
  const header = tables.headers.get(block.table.tableSpan.start) ?? [];
  // A bare year under "Streefjaar" or "Gereed" is the deadline: read it as one.
  return block.table.cellTexts
    .map((cell, i) => (cols.includes(i) ? cell : TARGET_COLUMN.test(header[i] ?? '') ? cell.replace(/^\s*((19|20)\d{2})\s*$/, 'in $1') : null))
    .filter((cell): cell is string => cell !== null)
    .join(' ; ');
}

function removalEdit(text: string, span: Span): OffsetEdit {
  let { start, end } = span;
  if (text.slice(start - 2, start) === ', ' && text[end] === ',') {
    start -= 2;
    end += 1;
  } else if (text[end] === ' ') end += 1;
  else if (text[start - 1] === ' ') start -= 1;
  // "Zoveel mogelijk kinderen …" → "Kinderen …": keep the capital at the start of a sentence.
  const next = text[end];
  const atSentenceStart = start === 0 || /[.!?]\s*$|^\s*$|\n[ \t]*([-*+]|\d+[.)])?[ \t]*$/.test(text.slice(Math.max(0, start - 6), start));
  if (atSentenceStart && next && /\p{Ll}/u.test(next) && /\p{Lu}/u.test(text[span.start])) {
    return { start, end: end + 1, newText: next.toUpperCase() };
  }
  return { start, end, newText: '' };
}

/** Hedges with only spaces between them ("as much as possible waar mogelijk") go as one: their edits would overlap. */
function joinAdjacent(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && !text.slice(last.end, span.start).trim()) last.end = span.end;
    else out.push({ ...span });
  }
  return out;
}

function quoted(words: string[], lang: Language): string {
  const m = MESSAGES[lang];
  const list = [...new Set(words.map((w) => w.toLowerCase()))].map(m.quote);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} ${m.and} ${list.at(-1)}`;
}

export const vagueAmbition: Rule = {
  id: 'vague-ambition',
  lesson: 'factor-2',
  seeAlso: ['example-hengelo', 'example-haarlemmermeer'],
  defaultSeverity: 'warning',
  docs: {
    summary: {
      nl: 'Meldt een ambitie die zo algemeen is dat niemand kan nagaan of ze gehaald is.',
      en: 'Reports an ambition so general that nobody can tell whether it was met.',
    },
    details: {
      nl: 'In een ambitiecontext moet elke bewering een meetbaar anker hebben; een zin of punt zonder anker is vaag, welke werkwoorden er ook in staan ("de uitval blijft dalen", "alle leerlingen voelen zich thuis op school"). Ambitiecontexten zijn koppen als Ambities, Doelen, Visie, Missie, Speerpunten, Resultaten, Beoogd resultaat en "Wat willen we bereiken?" in elke kopstijl (ook genummerd, vet of als regel in tekst uit een pdf, en als subsectie binnen een thema), de punten na een inleiding als "De doelen zijn:", en tabelkolommen als Doel, Ambitie of Beoogd effect. Elders geldt hetzelfde voor zinnen die zeggen wat partijen willen, beogen of nastreven. Een anker is een percentage of bedrag, een hoeveelheid met een vergelijking of verandering (van 14 naar 7, ten minste, halveert), een datum, schooljaar of frequentie, een benchmark (het landelijk gemiddelde) of een benoemd resultaat dat een partij maakt, vaststelt of opent. Geen anker: tellingen van wat er al is ("de 7 scholen"), artikel- en groepsnummers, leeftijden ("0 tot 13 jaar") en de jaren in de naam van het document. Geen ambitie: aanleiding en achtergrond, uitspraken over het document zelf, wie-doet-wat, titels en inleidingen die op ":" eindigen. Een zin met een invulveld ([streefwaarde]) meldt unfilled-placeholder. Per zin één melding.',
      en: 'In an ambition context every claim needs a measurable anchor; a sentence or item without one is vague, whatever its verbs ("exclusions keep falling", "every pupil feels at home at school"). Ambition contexts are headings such as Ambitions, Aims, Objectives, Vision, Outcomes and Priorities in any heading style (numbered, bold or a line in text from a PDF, also as a subsection within a theme), the items after a lead-in such as "Our aims are:", and table columns named Goal, Aim or Outcome. Elsewhere the same holds for sentences saying what the parties want, aim or strive for. An anchor is a percentage or amount, a quantity with a comparison or change (from 14 to 7, at least, halves), a date, school year or frequency, a benchmark (the national average), or a named deliverable a party makes, adopts or opens. Not an anchor: counts of what exists ("the 7 schools"), article, year-group and key-stage numbers, age ranges, the years in the document\'s name. Not an ambition: background, statements about the document itself, who does what, titles and lead-ins ending in ":". A sentence with a field to fill in ([target]) is reported by unfilled-placeholder. One finding per sentence.',
    },
    why: {
      nl: 'De valkuil bij succesfactor 2: een te algemene ambitie is makkelijk te onderschrijven, maar leidt gaandeweg tot frustratie of stilstand. Hengelo laat zien hoe het wel kan: een concreet doel (minder kinderen in het speciaal onderwijs, terug naar het landelijk gemiddelde) dat ook gehaald werd.',
      en: 'The pitfall of success factor 2: a general ambition is easy to agree to, but leads to frustration or stagnation later. Hengelo shows the alternative: a concrete goal (fewer children in special education, back to the national average) that was met.',
    },
    examples: [
      {
        title: { nl: 'Vage ambitie', en: 'Vague ambition' },
        reports: true,
        markdown: ['---', 'type: convenant', '---', '# Convenant', '', '## Betrokkenen', '', 'Het college van B&W, de schoolbesturen, de gemeenteraad (stelt het budget vast) en de schooldirecteuren (voeren uit) zijn betrokken.', '', '## Ambitie', '', 'Partijen willen de samenwerking tussen school en wijk zoveel mogelijk versterken.', ''].join('\n'),
      },
      {
        title: { nl: 'Meetbare ambitie', en: 'Measurable ambition' },
        reports: false,
        markdown: ['---', 'type: convenant', '---', '# Convenant', '', '## Betrokkenen', '', 'Het college van B&W, de schoolbesturen, de gemeenteraad (stelt het budget vast) en de schooldirecteuren (voeren uit) zijn betrokken.', '', '## Ambitie', '', 'In schooljaar 2027-2028 gaat 95% van de peuters met een indicatie naar de voorschoolse educatie (nu 78%).', ''].join('\n'),
      },
    ],
  },
  check({ model, lang }) {
    const m = MESSAGES[lang];
    const findings: RuleFinding[] = [];
    const text = model.plain;
    const rows = new Map(model.blocks.filter((b) => b.table).map((b) => [b.start, b]));
    const tables = tablesOf(model);
    const anchored = anchoredJudge(model.parties.flatMap((p) => [p.name, ...p.aliases.filter((a) => a.length > 3)]));
    for (const c of candidates(model, tables)) {
      const sentence = claimText(model, tables, rows.get(c.start), c);
      if (!c.inContext && !AMBITION_STATEMENT.test(sentence)) continue;
      if (PAST_TENSE.test(sentence)) continue;
      // A field to fill in ("[streefwaarde]", "PM") is work in progress, reported once as unfilled-placeholder.
      if (FIELD.test(sentence) || PROSE_DEFERRAL.test(sentence) || sentence.split(' ; ').some((cell) => cell.trim() && DEFERRAL_ONLY.test(cell.trim()))) continue;
      if (anchored(sentence)) continue;

      const hedges = findAll(HEDGE_REMOVABLE, text, c.start, c.end);
      const verbs = findAll(HEDGE_VERB, text, c.start, c.end);
      const words = [...hedges, ...verbs].sort((a, b) => a.start - b.start).map((s) => text.slice(s.start, s.end));
      const at = beforeClosingMarks(model.text, c.start, c.end);
      const fixes: RuleFinding['fixes'] = [{ action: m.measurable, edits: [{ start: at, end: at, newText: m.placeholder }] }];
      // Removing the hedge only helps when it is all that is vague and the sentence stays whole without it.
      if (hedges.length && !verbs.length) {
        fixes.push({ action: m.remove(quoted(hedges.map((h) => text.slice(h.start, h.end)), lang)), edits: joinAdjacent(model.text, hedges).map((h) => removalEdit(model.text, h)) });
      }
      findings.push({
        start: c.start,
        end: c.end,
        message: words.length ? m.vagueWith(quoted(words, lang)) : m.vague,
        data: { hedges: [...new Set(words.map((w) => w.toLowerCase()))] },
        fixes,
        quote: 1,
        examples: [{ lesson: 'example-hengelo', quote: 0 }, { lesson: 'example-haarlemmermeer', quote: 0 }],
      });
    }
    return findings;
  },
};
