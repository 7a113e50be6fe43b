import type { DocumentModel } from '../model';
import type { OffsetEdit, Rule, RuleFinding } from '../rule';
import { splitSentences } from '../sentences';
import { findAll, wordRegExp, type Span } from '../text';
import type { Language } from '../types';

/** Hedges, and what removing one leaves behind ('' = drop it; null = removal would break the sentence). */
const HEDGES: Array<{ pattern: string; replacement: string | null }> = [
  { pattern: 'zo ?veel mogelijk', replacement: '' },
  { pattern: '(daar )?waar (dat )?mogelijk', replacement: '' },
  { pattern: 'indien mogelijk|zo mogelijk|als het kan', replacement: '' },
  { pattern: 'in principe|in beginsel', replacement: '' },
  { pattern: 'zo snel mogelijk|zo spoedig mogelijk|op termijn', replacement: '' },
  { pattern: 'zo goed mogelijk', replacement: '' },
  { pattern: 'waar nodig', replacement: '' },
  { pattern: 'stre(e|ve)(f|n|ft) (er ?)?naar|streven|proberen|probeert|trachten|tracht', replacement: null },
  { pattern: 'as (much|far|soon) as possible|(wher)?ever possible|where possible|if possible|in principle|where needed', replacement: '' },
  { pattern: 'strive to|strives to|striving to|endeavou?r to|try to|tries to', replacement: 'will' },
];

const AIMS = wordRegExp(
  [
    // Verbs and their nouns, not compounds: "verbeterplan" and "Stimuleringsregeling" are deliverables.
    '(verbeter|versterk|bevorder)(en|t|d|de|den|ing|ingen)?|stimule(er|ren|ert|erde|ring)|optimali(seer|seren|seert|satie)|intensive(er|ren|ert|ring)',
    'vergro(o|)t(en)?|verho(o|)g(en|t)|verbred(en|t)|verdiep(en|t)|vernieuw(en|t)|verminder(en|t)|terugdring(en|t)|verla(a|)g(en|t)',
    'goed onderwijs|goede samenwerking|kwalitatief goed\\p{L}*|(hogere?|betere?) kwaliteit|kwaliteit van het onderwijs',
    'beter(e)?|inzetten op|zetten (ons |zich )?in (op|voor)|werken aan|bijdragen aan|toewerken naar|aandacht (hebben |geven )?voor',
    'improv\\p{L}*|strengthen\\p{L}*|promot\\p{L}*|enhanc\\p{L}*|foster\\p{L}*|stimulat\\p{L}*|boost\\p{L}*|increas\\p{L}*|reduc\\p{L}*',
    'work(ing)? towards|good education|high[- ]quality|better|contribute to',
  ].join('|'),
);

/** What makes an aim checkable: numbers, amounts, dates, frequencies, a benchmark, or the writer's own measurable placeholder. */
const ANCHORS = wordRegExp(
  [
    '\\p{N}+([.,]\\p{N}+)*\\s*%?',
    '(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|honderd|duizend|helft|verdubbel\\p{L}*|halver\\p{L}*)',
    '(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|thousand|half|double|halve)',
    '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october)',
    'procent|percent|€|eur|euro|fte|uur per|m²|m2',
    'jaarlijks|maandelijks|wekelijks|per (jaar|kwartaal|maand|week|schooljaar)|elk(e)? (jaar|kwartaal|maand|schooljaar)|ieder(e)? (jaar|kwartaal|maand)|annually|monthly|weekly|(each|every|per) (year|quarter|month|term)',
    'schooljaar|kalenderjaar|uiterlijk|deadline|landelijk(e)? gemiddelde|national average|nulmeting|streefwaarde|baseline|benchmark',
  ].join('|'),
);
const MEASURABLE_PLACEHOLDER = /\((meetbaar|measurable):/i;

/** A named deliverable: something made, opened or adopted ("richten een expertisecentrum op", "stellen een protocol vast"). */
const DELIVERABLE_NOUN = wordRegExp(
  '\\p{L}*(plan|protocol|centrum|centra|loket|gebouw|nieuwbouw|fonds|regeling|afsprakenkader|monitor|rapportage|jaarverslag|leerlijn|taskforce|convenant|overeenkomst|handboek|routekaart|dashboard|pilot|kindcentrum|ikc|school|locatie)|' +
    '\\p{L}*(plan|protocol|centre|center|office|building|fund|scheme|framework|report|pathway|taskforce|agreement|handbook|roadmap|dashboard|pilot|school|site)s?',
);
// Not after "het"/"the": "bij het opstellen van het plan" names an activity, not a result the parties deliver.
const CREATION_VERB = wordRegExp(
  '(?<!het )(?<!the )(?:oprichting|opening|realisatie|invoering|vaststelling|ingebruikname|op(richten|gericht|richt)|richt(en)? .{0,40} op|open(en|t)|bouw(en|t)|realiser\\p{L}*|oplever\\p{L}*|lever(en|t) .{0,40} op|vast(stellen|gesteld)|stel(len|t) .{0,40} vast|opstell\\p{L}*|stel(len|t) .{0,40} op|invoer\\p{L}*|voer(en|t) .{0,40} in|inricht\\p{L}*|start(en|t)|publiceren|establish\\p{L}*|open(s|ing)?|build(s|ing)?|deliver\\p{L}*|publish\\p{L}*|adopt\\p{L}*|launch\\p{L}*|set up|sets up)',
);

const AMBITION_STATEMENT = wordRegExp(
  'willen|wil|stre(e|ve)(f|n|ft)|beogen|beoogt|ambi(e|ë)ren|ambitie|doel(stelling)? is|hebben als doel|zetten (ons |zich )?in|gaan voor|we want|wants? to|aims? to|our (goal|aim|ambition)|strive|are committed to|seeks? to|intend to',
);
const PAST_TENSE = wordRegExp(
  'was|waren|werd|werden|had|hadden|wilde|wilden|streefde|streefden|bleek|bleken|kwam|kwamen|deden|gingen|ging|zagen|were|did|wanted|aimed|used to|destijds|toen',
);

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** "Doel 1:", "2.", "a)" label a sentence; their numbers measure nothing. */
function withoutLabel(text: string): string {
  return text.replace(/^\s*(\p{L}+\s)?(\p{N}+|\p{L})[.:)]\s+/u, '');
}

function isAnchored(sentence: string): boolean {
  const text = withoutLabel(sentence);
  if (MEASURABLE_PLACEHOLDER.test(text) || test(ANCHORS, text)) return true;
  return test(DELIVERABLE_NOUN, text) && test(CREATION_VERB, text);
}

interface Candidate extends Span {
  inAmbitionSection: boolean;
}

/** Hedge and aim patterns, compiled once. */
const HEDGE_RES = HEDGES.map((h) => ({ re: wordRegExp(h.pattern), replacement: h.replacement }));
/** One pass that tells whether a block can hold a vague sentence at all; most blocks cannot, and are skipped. */
const ANY_VAGUE = new RegExp([AIMS.source, ...HEDGE_RES.map((h) => h.re.source)].join('|'), 'iu');

function candidates(model: DocumentModel): Candidate[] {
  const out: Candidate[] = [];
  for (const block of model.blocks) {
    const cls = block.section.cls;
    if (block.type === 'heading' || cls === 'background' || block.table?.header || !ANY_VAGUE.test(block.text)) continue;
    const inAmbitionSection = cls === 'ambition';
    if (block.type === 'table-row') {
      out.push({ start: block.start, end: block.end, inAmbitionSection });
      continue;
    }
    for (const s of splitSentences(block.text, block.start)) {
      // A lead-in ("Samen werken aan:") is judged by the items that complete it, not on its own.
      if (/:\s*$/.test(block.text.slice(s.start - block.start, s.end - block.start))) continue;
      out.push({ ...s, inAmbitionSection });
    }
  }
  return out;
}

function removalEdit(text: string, span: Span, replacement: string): OffsetEdit {
  let { start, end } = span;
  if (replacement) return { start, end, newText: replacement };
  if (text.slice(start - 2, start) === ', ' && text[end] === ',') {
    start -= 2;
    end += 1;
  } else if (text[end] === ' ') end += 1;
  else if (text[start - 1] === ' ') start -= 1;
  // "Zoveel mogelijk kinderen …" → "Kinderen …": keep the capital at the start of a sentence.
  const next = text[end];
  const atSentenceStart = start === 0 || /[.!?]\s*$|^\s*$|\n\s*([-*+]|\d+[.)])?\s*$/.test(text.slice(Math.max(0, start - 6), start));
  if (atSentenceStart && next && /\p{Ll}/u.test(next) && /\p{Lu}/u.test(text[span.start])) {
    return { start, end: end + 1, newText: next.toUpperCase() };
  }
  return { start, end, newText: '' };
}

function quoted(words: string[], lang: Language): string {
  const list = [...new Set(words.map((w) => w.toLowerCase()))].map((w) => (lang === 'nl' ? `„${w}”` : `“${w}”`));
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${list.at(-1)}`;
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
      nl: 'Een ambitiezin staat in een sectie Ambitie, Doelen, Doelstellingen, Visie of "Wat willen we bereiken", of zegt elders wat partijen willen, beogen of nastreven. Zo\'n zin is vaag als er een slag-om-de-arm in staat (zoveel mogelijk, waar mogelijk, streven naar, in principe, zo snel mogelijk) of een doel dat je niet kunt meten (verbeteren, versterken, bevorderen, goed onderwijs), en er geen anker in staat: geen aantal, percentage, bedrag, datum of termijn, en geen benoemd resultaat (zoals "richten een expertisecentrum op"). Aanleiding en achtergrond (verleden tijd) zijn geen ambitie. Per zin één melding; afkortingen als bijv., o.a., t/m, nr. en ca. breken de zin niet af.',
      en: 'An ambition sentence stands in an Ambition, Goals, Objectives or Vision section, or elsewhere states what the parties want, aim or strive for. It is vague when it hedges (as much as possible, where possible, strive to, in principle) or aims at something unmeasurable (improve, strengthen, promote, good education) and has no anchor: no number, percentage, amount, date or deadline, and no named deliverable. Background and history (past tense) are not ambitions. One finding per sentence.',
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
    const findings: RuleFinding[] = [];
    const text = model.plain;
    for (const c of candidates(model)) {
      const sentence = text.slice(c.start, c.end);
      if (!c.inAmbitionSection && !test(AMBITION_STATEMENT, sentence)) continue;
      if (test(PAST_TENSE, sentence)) continue;
      const hedges = HEDGE_RES.flatMap((h) => findAll(h.re, text, c.start, c.end).map((span) => ({ ...span, replacement: h.replacement })));
      const aims = findAll(AIMS, text, c.start, c.end);
      if (!hedges.length && !aims.length) continue;
      if (isAnchored(sentence)) continue;

      const words = [...hedges, ...aims].sort((a, b) => a.start - b.start).map((s) => text.slice(s.start, s.end));
      const last = model.text.slice(c.start, c.end).search(/[.!?:;]*\s*(\|\s*)?$/);
      const at = c.start + (last >= 0 ? last : c.end - c.start);
      const placeholder = lang === 'nl' ? ' (meetbaar: van [nulmeting] naar [streefwaarde] vóór [datum])' : ' (measurable: from [baseline] to [target] by [date])';
      const fixes: RuleFinding['fixes'] = [
        { action: lang === 'nl' ? 'Maak de ambitie meetbaar' : 'Make the ambition measurable', edits: [{ start: at, end: at, newText: placeholder }] },
      ];
      // Removing the hedge only helps when the hedge is all that is vague, and the sentence stays whole without it.
      if (!aims.length && hedges.every((h) => h.replacement !== null)) {
        fixes.push({
          action: lang === 'nl' ? `Schrap ${quoted(hedges.map((h) => text.slice(h.start, h.end)), lang)}` : `Remove ${quoted(hedges.map((h) => text.slice(h.start, h.end)), lang)}`,
          edits: hedges.map((h) => removalEdit(model.text, h, h.replacement!)),
        });
      }
      findings.push({
        start: c.start,
        end: c.end,
        message:
          lang === 'nl'
            ? `Vage ambitie: ${quoted(words, lang)} zonder meetbaar doel. Maak concreet wat er wanneer bereikt is (aantal, percentage, bedrag of datum).`
            : `Vague ambition: ${quoted(words, lang)} with no measurable target. Say what will be achieved by when (number, percentage, amount or date).`,
        data: {
          hedges: [...new Set(hedges.map((h) => text.slice(h.start, h.end).toLowerCase()))],
          aims: [...new Set(aims.map((a) => text.slice(a.start, a.end).toLowerCase()))],
        },
        fixes,
        quote: 1,
        examples: [{ lesson: 'example-hengelo', quote: 0 }, { lesson: 'example-haarlemmermeer', quote: 0 }],
      });
    }
    return findings;
  },
};
