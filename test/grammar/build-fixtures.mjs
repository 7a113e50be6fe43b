#!/usr/bin/env node
// Writes the *.test.md fixtures in this folder from the compact CASES below, so that the
// assertion columns are always exact. Edit CASES, then run
//   node test/grammar/build-fixtures.mjs           (writes the fixtures)
//   node test/grammar/build-fixtures.mjs --check   (exit 1 if a fixture is out of date)
// In a case line:
//   {{text|amount}}   text must carry that scope (short names below, or a full scope name);
//                     for samenspel scopes the character right after must NOT carry it (no over-matching)
//   {{text|!}}        text carries none of the five samenspel scopes
//   {{text|!scope}}   text does not carry that scope
//   {raw: '…'}        plain source lines without assertions
// Fixture format (vscode-tmgrammar-test 0.1.3): the header and assertion lines must start with the
// comment token "<!--" and may NOT end with "-->" (the tool rejects that), so each block of
// assertions is followed by a "-->" line. That line is ordinary source text to the tokenizer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const D = path.dirname(fileURLToPath(import.meta.url)) + '/';
const ALL = ['constant.numeric.amount.samenspel','constant.numeric.unit.samenspel','constant.other.date.samenspel','invalid.placeholder.samenspel','keyword.other.hedge.samenspel'];
const SHORT = { amount: ALL[0], unit: ALL[1], date: ALL[2], placeholder: ALL[3], hedge: ALL[4], comment: 'comment.block.html', heading: 'markup.heading.markdown', table: 'markup.table.markdown' };
const scope = s => SHORT[s] || s;
const CT = '<!--';
function assertion(from, to, required, excluded) {
  const scopes = (required.length ? ' ' + required.join(' ') : '') + (excluded.length ? ' - ' + excluded.join(' ') : '');
  if (from >= CT.length + 1) return CT + ' '.repeat(from - CT.length) + '^'.repeat(to - from) + scopes;
  return CT + '<' + '~'.repeat(from) + '-'.repeat(to - from) + scopes;
}
function fixture(description, blocks) {
  // front matter must be the very first source line, so then the header's comment stays open
  const fm = blocks[0]?.raw?.startsWith('---');
  const out = [`${CT} SYNTAX TEST "text.html.markdown" "${description}"`, ...(fm ? [] : ['-->'])];
  let n = 0;
  for (const b of blocks) {
    if (b.raw !== undefined) { out.push(...b.raw.split('\n')); continue; }   // plain source lines, no assertions
    let src = '', marks = [];
    const re = /\{\{(.+?)\|(!?)([\w.]*)\}\}/g; let last = 0, m;
    while ((m = re.exec(b))) { src += b.slice(last, m.index); marks.push({ from: src.length, to: src.length + m[1].length, neg: !!m[2], sc: m[3] }); src += m[1]; last = re.lastIndex; }
    src += b.slice(last);
    out.push(src);
    const as = [];
    for (const k of marks) {
      if (!k.neg) {
        as.push(assertion(k.from, k.to, [scope(k.sc)], []));
        if (k.to < src.length && ALL.includes(scope(k.sc))) as.push(assertion(k.to, k.to + 1, [], [scope(k.sc)]));
      } else as.push(assertion(k.from, k.to, [], k.sc ? [scope(k.sc)] : ALL));
    }
    n += as.length;
    if (as.length) out.push(...as, '-->');
  }
  return { text: out.join('\n') + '\n', n };
}

const CASES = [
[D + 'amounts.test.md', 'Samenspel: bedragen en percentages (constant.numeric.amount.samenspel)', [
  'De gemeente draagt {{€ 3,75 miljoen|amount}} bij over vier jaar.',
  'Het innovatiefonds bedraagt {{€ 300.000 per jaar|amount}}, met cofinanciering.',
  'Zonder spatie: {{€300.000|amount}} en met afronding {{€ 300.000,-|amount}} voor huisvesting.',
  'Het Rijk: {{€ 8,25 miljard|amount}}; de provincie {{EUR 1,2 mln|amount}} en het fonds {{€ 60 mld|amount}}.',
  'In Engeland kost dat {{£180,000|amount}} of {{£1.2m|amount}} in totaal.',
  'Bedrag na het getal: {{3,75 miljoen euro|amount}} en {{250.000 euro per schooljaar|amount}} voor de scholen.',
  'De overhead daalt van {{12%|amount}} naar {{6 %|amount}} ({{5 procent|amount}}).',
  'Per leerling: {{€ 1.250 per leerling|amount}} per jaar extra.',
  'English: a fund of {{€ 250,000 a year|amount}} and {{EUR 2 million|amount}}.',
  '{{€ 250.000 per jaar|amount}} aan het begin van de regel.',
  '| Gemeente | {{€ 250.000 per jaar|amount}} | 0,5 fte | 120 m² |',
  'Niet: {{PMO|!}}-overleg {{2027|!}}, {{EURO|!}}-week, {{Europa|!}} en {{12|!}} scholen.',
  'Niet: een valuta zonder getal ({{€|!}} per jaar) of een {{percentage|!}} zonder getal.',
  'Niet: {{A12|!}}-weg en {{versie 2.0|!}} van het plan.',
]],
[D + 'units.test.md', 'Samenspel: personeel, uren en oppervlakte (constant.numeric.unit.samenspel)', [
  'Het schoolbestuur levert {{0,5 fte|unit}} projectleiding en {{2 fte|unit}} intern begeleiders.',
  'De directeur krijgt {{16 uur per week|unit}} vrij; in het Engels {{40 hours|unit}} or {{8 hours a week|unit}}.',
  'De gemeente stelt {{1.200 m²|unit}} beschikbaar, plus {{1200 m2|unit}} buitenruimte en {{3 lokalen|unit}}.',
  'Inzet van {{2 dagen per week|unit}} door de jeugdverpleegkundige en {{0,4 FTE|unit}} schoolmaatschappelijk werk.',
  'Voluit: {{850 vierkante meter|unit}} en {{24 lesuren|unit}}.',
  '{{1 fte|unit}} aan het begin van de regel.',
  'Niet: het overleg begint {{om 16 uur|!}}, of om {{16.00 uur|!}}, en duurt {{2 dagen|!}}.',
  'Niet: {{ftes|!}}, {{fteer|!}}, {{m2-prijs|!}} zonder getal, en {{Om 9 uur|!}} starten.',
]],
[D + 'dates.test.md', 'Samenspel: data en termijnen (constant.other.date.samenspel)', [
  'Het IKC is klaar {{vóór 1 augustus 2027|date}}, de nulmeting {{voor 1 januari 2026|date}}.',
  'De nieuwbouw start {{uiterlijk 2028|date}} en is {{uiterlijk in 2028|date}} opgeleverd.',
  'Dit convenant geldt {{per 1 augustus 2026|date}} en loopt {{tot en met 31-12-2030|date}}.',
  'English: ready {{by 1 September 2027|date}}, reviewed {{no later than 2028|date}}.',
  'Vaste data: {{31-12-2027|date}}, {{2027-08-01|date}}, {{1 augustus|date}}, {{September 1, 2027|date}}.',
  'Periodes: {{schooljaar 2026-2027|date}}, {{schooljaar 2026/27|date}}, {{Q3 2027|date}}, {{2027-Q4|date}}.',
  'Ook: {{derde kwartaal van 2027|date}}, {{najaar 2026|date}}, {{medio 2027|date}}, {{augustus 2027|date}}, {{mid-2027|date}}.',
  'De looptijd is {{2026-2030|date}}; evaluatie {{in 2028|date}}.',
  '{{Vóór 1 april 2027|date}} aan het begin van de regel.',
  'Niet: {{2027|!}} alleen in een zin, het {{voorbeeld 2027|!}} en {{Visie 2040|!}}.',
  'Niet: ruim {{2027 leerlingen|!date}}, {{voor 2000 euro|!date}} en {{per 2000 leerlingen|!}}.',
  'Niet: {{Option 1 may|!}} be chosen; {{vooral|!}} {{voorjaar|!}} zonder jaar; {{41 augustus|!date}}.',
]],
[D + 'placeholders.test.md', 'Samenspel: placeholders (invalid.placeholder.samenspel)', [
  'De gemeente draagt {{[bedrag]|placeholder}} bij; rol: {{[rol, bv. regie en financiering]|placeholder}}.',
  'Financieel: {{n.t.b.|placeholder}}; personeel: {{N.T.B.|placeholder}}; faciliteiten: {{PM|placeholder}}.',
  'Het aandeel is {{nader te bepalen|placeholder}}, de locatie {{in overleg te bepalen|placeholder}}.',
  'Ook {{nog te bepalen|placeholder}}, {{nader in te vullen|placeholder}} en {{p.m.|placeholder}} in de begroting.',
  'English: funding {{TBD|placeholder}}, staff {{to be agreed|placeholder}}, rooms {{to be determined|placeholder}}.',
  'Getallen nog onbekend: € {{xx|placeholder}} en {{XXX|placeholder}} leerlingen.',
  '| Schoolbestuur | {{n.t.b.|placeholder}} | {{PM|placeholder}} | {{[m²]|placeholder}} |',
  '{{PM|placeholder}} aan het begin van de regel, en een {{PM|placeholder}}-post in de begroting.',
  'Niet: {{PMO|!}}, {{Apm|!}}, {{PMs|!}}, om {{3 PM|!placeholder}} and {{11 pm|!placeholder}}.',
  'Niet: een {{[link](https://example.org)|!placeholder}}, een {{[verwijzing][1]|!placeholder}} en voetnoot{{[^1]|!}}.',
  'Niet: {{[1]|!}}, {{in overleg met|!}} de besturen, {{nader|!}} overleg en {{tbc|!}} (tuberculose).',
  {raw: '- [ ] taak open\n- [x] taak klaar'},
  '- {{[X]|!}} taak klaar en {{[ ]|!}} open',
  '> {{[!NOTE]|!}} een GitHub-melding',
]],
[D + 'hedges.test.md', 'Samenspel: voorbehouden (keyword.other.hedge.samenspel)', [
  'Wij betrekken {{zoveel mogelijk|hedge}} ouders en {{zo veel mogelijk|hedge}} leraren.',
  '{{Waar mogelijk|hedge}} delen we gebouwen, {{indien mogelijk|hedge}} ook de gymzaal.',
  'Partijen {{streven naar|hedge}} een daling; de gemeente {{streeft naar|hedge}} groei en wij {{streven ernaar|hedge}} om te starten.',
  '{{In principe|hedge}} betaalt de gemeente; dat gebeurt {{zo snel mogelijk|hedge}} en {{zo goed mogelijk|hedge}}.',
  'English: {{as much as possible|hedge}}, {{where possible|hedge}}, we {{strive to|hedge}} and {{work towards|hedge}} it, {{as soon as possible|hedge}}.',
  'Niet: {{mogelijkheden|!}}, {{zover|!}} is het, {{nastreven|!}}, {{principieel|!}}, {{mogelijk|!}} alleen.',
  'Niet: {{zoveel|!}} scholen, {{workshop|!}}, {{strive|!}}.',
]],
[D + 'context.test.md', 'Samenspel: Markdown-context (koppen, tabellen, front matter, commentaar)', [
  {raw: '---\ntype: convenant\ntaal: nl\npartijen:\n  - Gemeente [naam]'},
  '  - {{Stichting|meta.embedded.block.frontmatter}} {{[naam schoolbestuur]|placeholder}}',
  {raw: '---'},
  '# Convenant {{2026-2030|date}}',
  '{{Gewone|!meta.embedded.block.frontmatter}} tekst na de front matter.',
  '## Bijdragen: {{€ 250.000 per jaar|amount}} en {{n.t.b.|placeholder}}',
  '| {{Partij|!}} | {{Financieel|!}} | {{Personeel|!}} | {{Faciliteiten|!}} |',
  '| Gemeente | {{€ 250.000 per jaar|amount}} | {{0,5 fte|unit}} | {{1.200 m²|unit}} |',
  '<!-- {{PM € 300.000 vóór 2027 zoveel mogelijk|!}} -->',
  '<!-- {{PM|comment}} staat in commentaar -->',
  '<!-- {{PM|!placeholder}} staat in commentaar -->',
  'Tekst {{PM|placeholder}} <!-- {{n.t.b.|!}} --> en weer {{n.t.b.|placeholder}}.',
  {raw: '<!-- een commentaar over\nmeer regels met PM en € 300.000'},
  '{{nog steeds commentaar: PM|!}} -->',
  'Daarna weer gewoon: {{PM|placeholder}}.',
]],
];

const check = process.argv.includes('--check');
let total = 0, stale = 0;
for (const [file, desc, blocks] of CASES) {
  const { text, n } = fixture(desc, blocks); total += n;
  const cur = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (cur === text) continue;
  if (check) { console.error(`out of date: ${file}`); stale++; } else { fs.writeFileSync(file, text); console.log(`wrote ${path.basename(file)} (${n} assertions)`); }
}
console.log(`${total} assertions in ${CASES.length} fixtures`);
if (stale) { console.error('run: node test/grammar/build-fixtures.mjs'); process.exit(1); }
