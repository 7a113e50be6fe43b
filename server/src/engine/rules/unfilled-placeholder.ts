import type { Block, DocumentModel } from '../model';
import type { Rule, RuleFinding } from '../rule';
import { excerpt, findAll, overlaps, type Span } from '../text';
import type { Language } from '../types';
import { deferredValue, FIELD, PROSE_DEFERRAL, type SectionClass } from '../vocabulary';

const MESSAGES: Record<Language, { one: (what: string) => string }> = {
  nl: { one: (what) => `Nog in te vullen: „${what}”. Een open plek is nog geen afspraak; de scan telt hoeveel er nog open staan.` },
  en: { one: (what) => `Still to fill in: “${what}”. An open spot is not yet an agreement; the scan counts how many are left.` },
};

/** The lesson a placeholder's section is about: an open contribution cites factor 2, an open contact factor 6. */
const LESSON_OF: Partial<Record<SectionClass, string>> = {
  parties: 'factor-1',
  involvement: 'factor-1',
  ambition: 'factor-2',
  contributions: 'factor-2',
  interests: 'factor-3',
  meetings: 'factor-4',
  roles: 'factor-5',
  communication: 'factor-6',
  evaluation: 'factor-4',
};

/** A deferral counts as a placeholder where a value belongs: a table cell or the value after "Label:". */
function valueSpans(model: DocumentModel, block: Block): Span[] {
  if (block.table && !block.table.header) return block.table.cells.slice(1).filter((_, i) => deferralOnly(block.table!.cellTexts[i + 1] ?? '')).map((c) => trim(model.plain, c));
  const text = model.plain.slice(block.start, block.end);
  const colon = /^[^:\n]{2,60}:\s*(\S[^\n]*)$/u.exec(text.split('\n')[0]);
  if (colon && deferralOnly(colon[1])) {
    const at = block.start + text.indexOf(colon[1]);
    return [{ start: at, end: at + colon[1].trimEnd().length }];
  }
  return findAll(PROSE_DEFERRAL, model.plain, block.start, block.end);
}

/** "n.t.b.", "PM", "nader te bepalen (na de begroting)": a value that puts itself off, with no number beside it. */
function deferralOnly(value: string): boolean {
  return deferredValue(value) && value.split(/\s+/).length <= 12;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The parts the two documentation examples share: they differ only in the last row. */
const EXAMPLE_START = [
  '---', 'type: convenant', 'partijen:', '  - Gemeente Rivierstad', '  - Stichting Kits Primair', '---', '# Convenant', '',
  '## Betrokkenen', '', 'Het college van B&W, de schoolbesturen, de gemeenteraad (stelt het budget vast) en de schooldirecteuren (voeren uit) zijn betrokken.', '',
  '## Bijdragen', '', '| Partij | Bijdrage |', '| --- | --- |', '| Gemeente Rivierstad | € 120.000 per jaar |',
];

export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  lesson: 'factor-2',
  seeAlso: ['factor-1', 'factor-5', 'factor-6'],
  defaultSeverity: 'information',
  docs: {
    summary: {
      nl: 'Meldt een plek die nog ingevuld moet worden: [bedrag], ……, XX, n.t.b. of PM.',
      en: 'Reports a spot still to be filled in: [amount], ……, XX, TBD or PM.',
    },
    details: {
      nl: 'Een invulveld is werk dat nog gedaan moet worden, geen inhoud: een veld tussen haken ([naam], [bedrag], ook de velden die het sjabloon en de snelle oplossingen invoegen), een stippellijn (…… of ...), XX, nnn of <invullen>, en waar een waarde hoort (een tabelcel, de tekst na "Bijdrage:") ook n.t.b., PM, nader te bepalen of volgt. Elke plek krijgt één melding, en de samenwerkingsscan telt hoeveel plekken er nog open staan; de melding verwijst naar de les van de sectie waarin de plek staat. Een ambitie of bijdrage met alleen zo\'n veld telt niet als ingevuld, maar wordt alleen hier gemeld, niet nog eens als vage ambitie of ontbrekende bijdrage. Omgekeerd: is n.t.b. of PM de enige bijdrage van een partij, dan meldt unstated-contribution die partij en staat die plek hier niet nog eens. Tekst in code en HTML-commentaar telt niet mee.',
      en: 'A fill-in field is work still to do, not content: a field in brackets ([name], [amount], including the fields the template and the quick-fixes insert), a dotted line (…… or ...), XX, nnn or <fill in>, and where a value belongs (a table cell, the text after "Contribution:") also TBD, PM, to be agreed or to follow. Each spot gets one finding, and the partnership scan counts how many are still open; the finding cites the lesson of the section it stands in. An ambition or contribution with only such a field does not count as filled in, but is reported only here, not again as a vague ambition or missing contribution. The other way round: when TBD or PM is a party\'s only contribution, unstated-contribution reports the party and the spot is not reported here again. Text in code and HTML comments does not count.',
    },
    why: {
      nl: 'Een sjabloon of modelovereenkomst is pas een afspraak als de open plekken zijn ingevuld. De publicatie raadt aan om al bij de ambitie te verwoorden welke bijdragen partijen leveren; een [bedrag] zegt nog niets.',
      en: 'A template or model agreement only becomes an agreement once its open spots are filled in. The publication advises stating each party’s contribution at the ambition stage already; an [amount] says nothing yet.',
    },
    examples: [
      {
        title: { nl: 'Open plekken in de bijdragen', en: 'Open spots in the contributions' },
        reports: true,
        markdown: [...EXAMPLE_START, '| Stichting Kits Primair | [bedrag] per jaar, [fte of uren] |', ''].join('\n'),
      },
      {
        title: { nl: 'Alles ingevuld', en: 'Everything filled in' },
        reports: false,
        markdown: [...EXAMPLE_START, '| Stichting Kits Primair | € 40.000 per jaar, 0,4 fte intern begeleider |', ''].join('\n'),
      },
    ],
  },
  check({ model, lang }) {
    const spots: Array<Span & { lesson: string }> = [];
    // Front matter is no prose, but "partijen: [naam]" is an open spot all the same.
    if (model.frontMatter) for (const span of findAll(FIELD, model.text, model.frontMatter.start, model.frontMatter.end)) spots.push({ ...span, lesson: 'factor-1' });
    for (const block of model.blocks) {
      const lesson = (block.section.cls && LESSON_OF[block.section.cls]) || 'factor-2';
      const fields = findAll(FIELD, model.plain, block.start, block.end);
      for (const span of [...fields, ...valueSpans(model, block).filter((v) => !fields.some((f) => overlaps(f, v)))]) spots.push({ ...span, lesson });
    }
    spots.sort((a, b) => a.start - b.start);
    return spots.map((spot): RuleFinding => ({
      start: spot.start,
      end: spot.end,
      message: MESSAGES[lang].one(excerpt(model.text.slice(spot.start, spot.end), 60)),
      data: { placeholder: excerpt(model.text.slice(spot.start, spot.end), 200) },
      lesson: spot.lesson,
      fixes: [],
    }));
  },
};
