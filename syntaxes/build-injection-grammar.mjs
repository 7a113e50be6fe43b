#!/usr/bin/env node
// Source of syntaxes/samenspel.injection.tmLanguage.json: the regexes are composed here from named
// parts, which keeps them readable. Edit this file, then run
//   node syntaxes/build-injection-grammar.mjs           (writes the JSON)
//   node syntaxes/build-injection-grammar.mjs --check   (exit 1 if the JSON is out of date)
// Regexes are Oniguruma (as in VS Code). Word boundaries use Unicode letter/digit classes, not \b,
// so that "vóór", "€" and "m²" behave.
// Placeholders and hedges come from the vocabulary the rules read (server/src/vocabulary/*.json), so the
// highlighting and the checks can never disagree about what a placeholder or a hedge is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'samenspel.injection.tmLanguage.json');
const vocabulary = (name) => JSON.parse(fs.readFileSync(path.join(HERE, '..', 'server', 'src', 'vocabulary', `${name}.json`), 'utf8'));
const PLACEHOLDERS = vocabulary('placeholders');
const HEDGES = vocabulary('hedges');
/** A vocabulary phrase as the engine reads it (a space is any white space) in a single-line grammar. */
const phrase = (p) => p.replace(/ \?/g, '[ \\t]*').replace(/ /g, '[ \\t]+');
const words = (...lists) => lists.flatMap((l) => [...l.nl, ...l.en]).map((p) => `(?:${phrase(p)})`).join('|');
const W = String.raw`[\p{L}\p{N}_]`;
const B = String.raw`(?<!${W})`;      // start-of-word boundary (Unicode aware)
const E = String.raw`(?!${W})`;       // end-of-word boundary
const SP = String.raw`[ \t\x{00A0}\x{202F}]`;   // space, tab, (narrow) no-break space
const NUM = String.raw`(?<!${W})(?<!\d[.,])\d+(?:[.,]\d+)*`;
const MAG = String.raw`(?:${SP}?(?:miljoen|miljard|mln|mld|mrd|mio|duizend|million|billion|thousand|bn|k|m)${E})`;
const PERIOD = String.raw`(?:${SP}+(?:(?:per|p/|a|each|elk|ieder)${SP}+(?:schooljaar|school${SP}?year|jaar|maand|week|kwartaal|leerling|kind|year|month|quarter|annum|pupil|child)|p\.j\.|jaarlijks|annually)${E})`;
const CUR = String.raw`(?:€|£|\$|${B}(?:EUR|GBP|USD)${E})`;
const CURWORD = String.raw`(?:€|${B}(?:euro|EUR|GBP|USD|pond|pounds?|dollars?)${E})`;

const NL_MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
const EN_MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|mar|oct';
const MONTH = String.raw`(?:${NL_MONTHS}|${EN_MONTHS})\.?`;
// without a year only full month names, and not English 'may' ('option 1 may …')
const MONTH_FULL = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|october';
const YEAR = String.raw`(?:19|20)\d{2}(?![.,]?\d)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:e|ste|de|st|nd|rd|th)?`;
// a bare year must not be a quantity: "voor 2000 euro", "per 2000 leerlingen"
const NOT_QTY = String.raw`(?!${SP}*(?:%|€|euro|eur|procent|percent|fte|uur|uren|hours|m²|m2|mln|miljoen|miljard|mld|duizend|leerlingen|kinderen|inwoners|pupils|children)${E})(?!${W})`;
const FULL = [
  String.raw`${DAY}${SP}+${MONTH}${SP}+${YEAR}`,                                  // 1 augustus 2027, 1 September 2027
  String.raw`${DAY}${SP}+(?:${MONTH_FULL})`,                                 // 1 augustus
  String.raw`${MONTH}${SP}+${DAY},?${SP}+${YEAR}`,                          // September 1, 2027
  String.raw`${MONTH}${SP}+${YEAR}`,                                         // augustus 2027
  String.raw`(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d{2}`, // 31-12-2027
  String.raw`(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`,    // 2027-08-01
  String.raw`Q[1-4]${SP}?(?:-${SP}?)?${YEAR}`,                              // Q3 2027
  String.raw`${YEAR}${SP}?-?${SP}?Q[1-4]`,                                  // 2027-Q3
  String.raw`(?:schooljaar|cursusjaar|boekjaar|begrotingsjaar|school${SP}year|academic${SP}year|financial${SP}year)${SP}+(?:19|20)\d{2}(?:${SP}?[-–/]${SP}?(?:(?:19|20)\d{2}|\d{2}))?${E}`, // schooljaar 2026-2027
  String.raw`(?:(?:eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e)${SP}+kwartaal|(?:first|second|third|fourth|last|1st|2nd|3rd|4th)${SP}+quarter)${SP}+(?:(?:van|of)${SP}+)?${YEAR}`,
  String.raw`(?:voorjaar|najaar|zomer|winter|herfst|spring|summer|autumn|fall)${SP}+(?:(?:van|of)${SP}+)?${YEAR}`,
  String.raw`(?:19|20)\d{2}${SP}?[-–]${SP}?(?:19|20)\d{2}(?!\d)`,          // 2026-2030
  String.raw`mid-${YEAR}`,
].map(s => `(?:${s})`).join('|');
const PREFIX = String.raw`(?:vóór|voor|uiterlijk(?:${SP}+(?:in|op|per|vóór|voor))?|per|tot(?:${SP}+en${SP}+met)?|t/m|t\.m\.|vanaf|m\.i\.v\.|met${SP}+ingang${SP}+van|in|medio|eind|einde|begin|halverwege|by(?:${SP}+the${SP}+end${SP}+of)?|before|until|from|as${SP}+of|no${SP}+later${SP}+than|(?:the${SP}+)?end${SP}+of|mid|in)`;
const DATE = String.raw`(?i)${B}(?:(?:${PREFIX}${SP}+)?(?:${FULL})|${PREFIX}${SP}+${YEAR}${NOT_QTY})(?!${W})`;

const grammar = {
  "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
  name: "Samenspel (Markdown injection)",
  scopeName: "samenspel.injection",
  injectionSelector: "L:text.html.markdown -comment",
  comment: "GENERATED by syntaxes/build-injection-grammar.mjs; edit that file, not this one. Highlights anchors (amounts, staff/hours/area, dates) and weak spots (placeholders, hedges) in partnership documents. All scopes end in .samenspel. Patterns are tried at every position; the leftmost match wins, ties go to the earlier pattern.",
  patterns: [
    { include: "#placeholder" },
    { include: "#hedge" },
    { include: "#date" },
    { include: "#amount" },
    { include: "#unit" },
  ],
  repository: {
    placeholder: {
      comment: "Unfilled values, from server/src/vocabulary/placeholders.json: fields ([bedrag], ……, XX) and deferrals (n.t.b., PM, nader te bepalen, TBD …)",
      patterns: [
        ...PLACEHOLDERS.fields.map((f) => ({ name: "invalid.placeholder.samenspel", match: f })),
        { name: "invalid.placeholder.samenspel", match: String.raw`(?i)${B}(?:${words(PLACEHOLDERS.inProse)})(?!${W})` },
      ]
    },
    hedge: {
      comment: "Words that soften a commitment, from server/src/vocabulary/hedges.json",
      patterns: [
        { name: "keyword.other.hedge.samenspel", match: String.raw`(?i)${B}(?:${words(HEDGES.removable, HEDGES.verbs)})(?!${W})` },
      ]
    },
    date: {
      comment: "Dates and deadlines: vóór 1 augustus 2027, uiterlijk (in) 2028, per 1 augustus 2026, by 1 September 2027, 31-12-2027, 2027-08-01, schooljaar 2026-2027, Q3 2027. A bare year counts only after a deadline word (vóór, uiterlijk, per, in, by …).",
      patterns: [ { name: "constant.other.date.samenspel", match: DATE } ]
    },
    amount: {
      comment: "Money and percentages: € 3,75 miljoen, € 300.000 per jaar, EUR 1,2 mln, £180,000, 3,75 miljoen euro, 12%",
      patterns: [
        { name: "constant.numeric.amount.samenspel",
          match: String.raw`(?i)${CUR}${SP}?(?<!${W})\d+(?:[.,]\d+)*(?:,[-–—]{1,2})?${MAG}?${PERIOD}?(?![\p{L}_]|\d)` },
        { name: "constant.numeric.amount.samenspel",
          match: String.raw`(?i)${NUM}${MAG}?${SP}?${CURWORD}${PERIOD}?(?!${W})` },
        { name: "constant.numeric.amount.samenspel",
          match: String.raw`(?i)${NUM}${SP}?(?:%|(?:procent|percent|procentpunt(?:en)?|percentage${SP}+points?)(?!${W}))` },
      ]
    },
    unit: {
      comment: "Staff, hours, area, rooms: 0,5 fte, 16 uur per week, 40 hours, 1.200 m², 2 lokalen; not clock times (om 16 uur, 16.00 uur)",
      patterns: [
        { name: "constant.numeric.unit.samenspel",
          match: String.raw`(?i)(?<![^\p{L}\p{N}_]om${SP})(?<!^om${SP})(?!\d{1,2}[.:]\d{2}${SP}?uur)${NUM}${SP}?(?:(?:fte|wtf|uur|uren|lesuren|klokuren|hours?|hrs?|m²|m2|vierkante${SP}+meters?|square${SP}+(?:metres|meters)|sq\.?${SP}?m|(?:klas)?lokalen|(?:klas)?lokaal|classrooms?)(?!${W})|(?:dagen|dagdelen|days)${SP}+(?:per|in${SP}+de|a)${SP}+week)(?:${SP}+(?:per|p/|a|in${SP}+de)${SP}+(?:week|maand|jaar|schooljaar|dag|year|month|day|school${SP}?year)(?!${W}))?` },
      ]
    }
  }
};
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const cur = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (cur !== text) { console.error(`out of date: ${OUT}\nrun: node syntaxes/build-injection-grammar.mjs`); process.exit(1); }
} else {
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}
