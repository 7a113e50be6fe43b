#!/usr/bin/env node
// Builds snippets/markdown.json and snippets/filled-examples/<prefix>.md from the templates below.
//   node snippets/build-snippets.mjs          write both
//   node snippets/build-snippets.mjs --check  exit 1 if the written files are out of date
//
// Template markup (one source for the snippet AND its filled example):
//   {{name:default}}  a tab stop; the first occurrence defines it, later {{name}} mirror it
//                     (so a party name typed once fills every place it appears).
//   {{name|a|b|c}}    a choice tab stop.
// Tab stops are numbered in order of first appearance. For the filled examples every name
// gets a concrete value from FILLED in filled-values.mjs (fictional places and people).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILLED } from './filled-values.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- parties
// Each party: key (tab-stop name of its name), default text, its line in "Partijen", its signer.
const P = {
  gemeente: {
    key: 'gemeente',
    nl: { def: 'Gemeente [naam]', line: '**{{gemeente}}**, vertegenwoordigd door het college van burgemeester en wethouders, namens deze {{wethouder:[naam]}}, wethouder {{portefeuille:onderwijs}}', signer: '{{wethouder}}, wethouder {{portefeuille}}' },
    en: { def: 'Municipality of [name]', line: '**{{gemeente}}**, represented by the municipal executive (college van burgemeester en wethouders), on its behalf {{wethouder:[name]}}, alderman for {{portefeuille:education}}', signer: '{{wethouder}}, alderman for {{portefeuille}}' },
  },
  bestuur1: {
    key: 'bestuur1',
    nl: { def: 'Stichting [schoolbestuur 1]', line: '**{{bestuur1}}**, schoolbestuur en bevoegd gezag van {{scholen1:[aantal] scholen voor [primair/voortgezet] onderwijs}}, vertegenwoordigd door {{bestuurder1:[naam]}}, {{functie1:voorzitter van het College van Bestuur}}', signer: '{{bestuurder1}}, {{functie1}}' },
    en: { def: 'Foundation [school board 1]', line: '**{{bestuur1}}**, school board (bevoegd gezag) of {{scholen1:[number] [primary/secondary] schools}}, represented by {{bestuurder1:[name]}}, {{functie1:chair of the executive board}}', signer: '{{bestuurder1}}, {{functie1}}' },
  },
  bestuur2: {
    key: 'bestuur2',
    nl: { def: 'Stichting [schoolbestuur 2]', line: '**{{bestuur2}}**, schoolbestuur en bevoegd gezag van {{scholen2:[aantal] scholen voor [primair/voortgezet] onderwijs}}, vertegenwoordigd door {{bestuurder2:[naam]}}, {{functie2:voorzitter van het College van Bestuur}}', signer: '{{bestuurder2}}, {{functie2}}' },
    en: { def: 'Foundation [school board 2]', line: '**{{bestuur2}}**, school board (bevoegd gezag) of {{scholen2:[number] [primary/secondary] schools}}, represented by {{bestuurder2:[name]}}, {{functie2:chair of the executive board}}', signer: '{{bestuurder2}}, {{functie2}}' },
  },
  kinderopvang: {
    key: 'kinderopvang',
    nl: { def: 'Kinderopvang [naam]', line: '**{{kinderopvang}}**, kinderopvangorganisatie, vertegenwoordigd door {{kinderopvangVert:[naam, functie]}}', signer: '{{kinderopvangVert}}' },
    en: { def: 'Childcare organisation [name]', line: '**{{kinderopvang}}**, childcare organisation, represented by {{kinderopvangVert:[name, position]}}', signer: '{{kinderopvangVert}}' },
  },
  swv: {
    key: 'swv',
    nl: { def: 'Samenwerkingsverband [naam]', line: '**{{swv}}**, samenwerkingsverband passend onderwijs, vertegenwoordigd door {{swvVert:[naam, functie]}}', signer: '{{swvVert}}' },
    en: { def: 'Samenwerkingsverband [name]', line: '**{{swv}}**, partnership for inclusive education (samenwerkingsverband passend onderwijs), represented by {{swvVert:[name, position]}}', signer: '{{swvVert}}' },
  },
};

// ---------------------------------------------------------------- shared sections
const others = parties => parties.filter(p => !['gemeente', 'bestuur1', 'bestuur2'].includes(p.key));
const S = {
  frontMatter: (lang, type, parties) => [
    '---',
    `type: ${type}`,
    lang === 'nl' ? 'taal: nl' : 'language: en',
    'partijen:',
    ...parties.map(p => `  - {{${p.key}:${p[lang].def}}}`),
    '---',
  ],
  partijen: (lang, parties) => lang === 'nl' ? [
    '## Partijen', '',
    ...parties.map((p, i) => `${i + 1}. ${p.nl.line}${i === parties.length - 1 ? '.' : ';'}`), '',
    'Hierna samen: partijen.',
  ] : [
    '## Parties', '',
    ...parties.map((p, i) => `${i + 1}. ${p.en.line}${i === parties.length - 1 ? '.' : ';'}`), '',
    'Together referred to as: the parties.',
  ],
  betrokkenen: (lang, extra) => lang === 'nl' ? [
    '## Betrokkenen', '',
    'Niet alle betrokkenen ondertekenen, maar zij zijn wel op tijd betrokken:', '',
    '- **De gemeenteraad** stelt het geld beschikbaar in de begroting en controleert het college. Rol: {{rolRaad:[rol, bv. besluit over de middelen en krijgt twee keer per jaar een raadsinformatiebrief]}}.',
    '- **De schooldirecteuren** van de scholen van {{bestuur1}} en {{bestuur2}} voeren de afspraken uit op hun school. Rol: {{rolDirecteuren:[rol, bv. denken mee in het directeurenoverleg en maken per school een uitvoeringsplan]}}.',
    ...(extra ? [extra.nl] : []),
    '- **Anderen**: {{anderen:[bv. ouders via de medezeggenschapsraad, leraren, jeugdhulp]}}. Rol: {{rolAnderen:[rol, bv. worden gehoord bij de evaluatie]}}.',
  ] : [
    '## Stakeholders', '',
    'Not every stakeholder signs, but all of them are involved in time:', '',
    '- **The municipal council** (gemeenteraad) sets the budget and holds the executive to account. Role: {{rolRaad:[role, e.g. decides on the funding and receives a council briefing twice a year]}}.',
    '- **The school directors** (schooldirecteuren) of the schools of {{bestuur1}} and {{bestuur2}} carry out the agreements in their schools. Role: {{rolDirecteuren:[role, e.g. take part in the directors\' meeting and write an implementation plan per school]}}.',
    ...(extra ? [extra.en] : []),
    '- **Others**: {{anderen:[e.g. parents via the participation council, teachers, youth care]}}. Role: {{rolAnderen:[role, e.g. are consulted during the evaluation]}}.',
  ],
  aanleiding: (lang, hint) => lang === 'nl'
    ? ['## Aanleiding', '', `{{aanleiding:[${hint.nl}]}}`]
    : ['## Background', '', `{{aanleiding:[${hint.en}]}}`],
  ambitie: (lang, ex) => lang === 'nl' ? [
    '## Ambitie', '',
    'Partijen willen samen {{ambitie:[gezamenlijk doel in één zin]}}. Dat maken we meetbaar:', '',
    `1. {{indicator1:[wat we meten, bv. ${ex.nl}]}} gaat van {{nul1:[nulmeting]}} naar {{streef1:[streefwaarde]}} vóór {{datum1:[datum]}}.`,
    '2. {{indicator2:[wat we meten]}} gaat van {{nul2:[nulmeting]}} naar {{streef2:[streefwaarde]}} vóór {{datum2:[datum]}}.',
  ] : [
    '## Ambition', '',
    'Together, the parties want to {{ambitie:[shared goal in one sentence]}}. We make this measurable:', '',
    `1. {{indicator1:[what we measure, e.g. ${ex.en}]}} goes from {{nul1:[baseline]}} to {{streef1:[target]}} by {{datum1:[date]}}.`,
    '2. {{indicator2:[what we measure]}} goes from {{nul2:[baseline]}} to {{streef2:[target]}} by {{datum2:[date]}}.',
  ],
  belangen: (lang, parties) => lang === 'nl' ? [
    '## Belangen', '',
    'Iedere partij heeft ook een eigen belang. We schrijven die op, zodat we elkaar begrijpen en zoeken naar winst voor iedereen.', '',
    ...parties.map(p => `- **{{${p.key}}}**: {{belang_${p.key}:[eigen belang]}}`),
    '- **Gezamenlijk belang**: {{belangSamen:[wat het ons samen oplevert]}}',
  ] : [
    '## Interests', '',
    'Each party also has its own interest. We write them down, so that we understand each other and look for gains for everyone.', '',
    ...parties.map(p => `- **{{${p.key}}}**: {{belang_${p.key}:[own interest]}}`),
    '- **Shared interest**: {{belangSamen:[what it brings all of us]}}',
  ],
  bijdragen: (lang, parties) => lang === 'nl' ? [
    '## Bijdragen', '',
    'Wat iedere partij bijdraagt aan geld, mensen en middelen. Vul elk vak concreet in: een bedrag, een aantal fte of uren, m² of een gebouw.', '',
    '| Partij | Financieel | Personeel | Faciliteiten |',
    '| --- | --- | --- | --- |',
    ...parties.map(p => `| {{${p.key}}} | {{fin_${p.key}:n.t.b.}} | {{pers_${p.key}:n.t.b.}} | {{fac_${p.key}:n.t.b.}} |`),
  ] : [
    '## Contributions', '',
    'What each party contributes in money, people and means. Fill in every cell concretely: an amount, a number of FTE or hours, m² or a building.', '',
    '| Party | Financial | Staff | Facilities |',
    '| --- | --- | --- | --- |',
    ...parties.map(p => `| {{${p.key}}} | {{fin_${p.key}:TBD}} | {{pers_${p.key}:TBD}} | {{fac_${p.key}:TBD}} |`),
  ],
  rollen: (lang, parties) => lang === 'nl' ? [
    '## Rollen en verantwoordelijkheden', '',
    '- **{{gemeente}}** (college, wethouder {{portefeuille}}): {{rolGemeente:[taken, bv. regie, financiering en huisvesting]}}',
    '- **{{bestuur1}}** en **{{bestuur2}}**: {{rolBesturen:[taken, bv. uitvoering op de scholen en inzet van personeel]}}',
    '- **Schooldirecteuren**: {{taakDirecteuren:[taken, bv. uitvoeringsplan per school en verslag aan het bestuur]}}',
    ...others(parties).map(p => `- **{{${p.key}}}**: {{rol_${p.key}:[taken]}}`),
    '- **Projectleider**: {{projectleider:[naam]}}, in dienst van {{werkgeverProjectleider:[partij]}}, bewaakt de planning en de afspraken.', '',
    'Elke afspraak in dit document heeft een eigenaar: de partij die hierboven bij die taak staat.',
  ] : [
    '## Roles and responsibilities', '',
    '- **{{gemeente}}** (executive, alderman for {{portefeuille}}): {{rolGemeente:[tasks, e.g. coordination, funding and school buildings]}}',
    '- **{{bestuur1}}** and **{{bestuur2}}**: {{rolBesturen:[tasks, e.g. implementation in the schools and staffing]}}',
    '- **School directors**: {{taakDirecteuren:[tasks, e.g. an implementation plan per school and a report to the board]}}',
    ...others(parties).map(p => `- **{{${p.key}}}**: {{rol_${p.key}:[tasks]}}`),
    '- **Project leader**: {{projectleider:[name]}}, employed by {{werkgeverProjectleider:[party]}}, keeps track of the planning and the agreements.', '',
    'Every agreement in this document has an owner: the party listed above for that task.',
  ],
  overleg: (lang) => lang === 'nl' ? [
    '## Overlegstructuur', '',
    '- **Bestuurlijk overleg**: de wethouder en de bestuurders komen {{ritmeBestuurlijk:[aantal] keer per jaar}} bijeen. Voorzitter: {{voorzitter:[naam of functie]}}.',
    '- **Ambtelijk overleg**: beleidsmedewerkers van gemeente en besturen overleggen {{ritmeAmbtelijk:[bv. elke maand]}}.',
    '- **Directeurenoverleg**: de schooldirecteuren en de projectleider overleggen {{ritmeDirecteuren:[bv. elk kwartaal]}}.',
    '- **Wisseling van sleutelspelers**: verandert er een wethouder, bestuurder of directeur (bijvoorbeeld na verkiezingen), dan {{wisseling:[wat er gebeurt, bv. draagt de vertrekkende persoon het dossier over en is er binnen zes weken een kennismakingsgesprek]}}.',
  ] : [
    '## Meeting structure', '',
    '- **Board meeting**: the alderman and the board members meet {{ritmeBestuurlijk:[number] times a year}}. Chair: {{voorzitter:[name or position]}}.',
    '- **Officials\' meeting**: policy staff of the municipality and the boards meet {{ritmeAmbtelijk:[e.g. every month]}}.',
    '- **Directors\' meeting**: the school directors and the project leader meet {{ritmeDirecteuren:[e.g. every quarter]}}.',
    '- **Change of key players**: when an alderman, board member or director changes (for instance after elections), {{wisseling:[what happens, e.g. the person leaving hands over the file and a getting-to-know-you meeting takes place within six weeks]}}.',
  ],
  communicatie: (lang, parties) => lang === 'nl' ? [
    '## Communicatie', '',
    '- **Contactpersonen**:',
    ...parties.map(p => `  - {{${p.key}}}: {{contact_${p.key}:[naam, functie, e-mail]}}`),
    '- **Rapportage**: de projectleider rapporteert {{ritmeRapportage:[bv. twee keer per jaar]}} over de voortgang aan het bestuurlijk overleg. Het college informeert de gemeenteraad {{ritmeRaad:[bv. elk jaar]}} met een raadsinformatiebrief.',
    '- **Eerst elkaar, dan de buitenwereld**: partijen informeren elkaar ten minste {{termijnPers:[aantal]}} werkdagen voordat zij naar buiten treden (pers, sociale media, raad, ouders). Niemand leest het eerst in de krant.',
  ] : [
    '## Communication', '',
    '- **Contact persons**:',
    ...parties.map(p => `  - {{${p.key}}}: {{contact_${p.key}:[name, position, e-mail]}}`),
    '- **Reporting**: the project leader reports on progress to the board meeting {{ritmeRapportage:[e.g. twice a year]}}. The executive informs the municipal council {{ritmeRaad:[e.g. every year]}} with a council briefing.',
    '- **Each other first, then the outside world**: the parties inform each other at least {{termijnPers:[number]}} working days before going public (press, social media, council, parents). Nobody should read it in the newspaper first.',
  ],
  evaluatie: (lang) => lang === 'nl' ? [
    '## Evaluatie', '',
    'Partijen evalueren de samenwerking op deze momenten: {{evaluatieMoment:[wanneer, bv. elk jaar in juni; eindevaluatie vóór 1 juli 2030]}}.',
    'Methode: {{evaluatieMethode:[hoe, bv. de streefwaarden vergelijken met de nulmeting en gesprekken met directeuren en ouders]}}.',
    'Het bestuurlijk overleg bespreekt de uitkomst; het college stuurt die naar de gemeenteraad.',
  ] : [
    '## Evaluation', '',
    'The parties evaluate the partnership at these moments: {{evaluatieMoment:[when, e.g. every year in June; final evaluation by 1 July 2030]}}.',
    'Method: {{evaluatieMethode:[how, e.g. comparing the targets with the baseline, and interviews with directors and parents]}}.',
    'The board meeting discusses the outcome; the executive sends it to the municipal council.',
  ],
  ondertekening: (lang, parties) => lang === 'nl' ? [
    '## Ondertekening', '',
    'Aldus overeengekomen en ondertekend in {{plaats:[plaats]}} op {{datumOndertekening:[datum]}}.', '',
    '| Namens | Naam en functie | Handtekening |',
    '| --- | --- | --- |',
    ...parties.map(p => `| {{${p.key}}} | ${p.nl.signer} | |`),
  ] : [
    '## Signatures', '',
    'Agreed and signed in {{plaats:[place]}} on {{datumOndertekening:[date]}}.', '',
    '| On behalf of | Name and position | Signature |',
    '| --- | --- | --- |',
    ...parties.map(p => `| {{${p.key}}} | ${p.en.signer} | |`),
  ],
};

// ---------------------------------------------------------------- whole documents
const base3 = [P.gemeente, P.bestuur1, P.bestuur2];
const lea = [P.gemeente, P.bestuur1, P.bestuur2, P.kinderopvang, P.swv];
const leaExtra = { nl: '- **Kinderopvang en samenwerkingsverband** zitten als partij aan tafel; zij vertegenwoordigen ook {{achterban:[bv. de andere kinderopvangorganisaties]}} en stemmen af met hun achterban.',
  en: '- **Childcare and the inclusive-education partnership** take part as parties; they also represent {{achterban:[e.g. the other childcare organisations]}} and consult their members.' };

function doc(lang, { type, title, parties, extra, hint, ex, middle = [], afterRoles = [], tail = [] }) {
  const sec = [
    S.partijen(lang, parties), S.betrokkenen(lang, extra), S.aanleiding(lang, hint), S.ambitie(lang, ex),
    ...middle, S.belangen(lang, parties), S.bijdragen(lang, parties), S.rollen(lang, parties), ...afterRoles,
    S.overleg(lang), S.communicatie(lang, parties), S.evaluatie(lang), ...tail, S.ondertekening(lang, parties),
  ];
  return [...S.frontMatter(lang, type, parties), '', `# ${title}`, ...sec.flatMap(s => ['', ...s]), '', '{{$0}}'];
}

const DOCS = [
  { prefix: ['samenspel-convenant'], lang: 'nl', name: 'Samenspel: nieuw convenant',
    description: 'Nieuw convenant tussen gemeente en schoolbesturen, met alle onderdelen: partijen, betrokkenen, ambitie, belangen, bijdragen, rollen, overleg, communicatie, evaluatie en ondertekening.',
    body: doc('nl', { type: 'convenant', title: 'Convenant {{onderwerp:[onderwerp, bv. integrale kindcentra]}}', parties: base3,
      hint: { nl: 'Waarom werken partijen samen? Beschrijf het probleem of de kans, en waarom het nu dringend is.' },
      ex: { nl: 'het aantal kinderen in het speciaal onderwijs' },
      tail: [['## Looptijd en wijziging', '', 'Dit convenant geldt van {{startdatum:[datum]}} tot en met {{einddatum:[datum]}}. Partijen kunnen het alleen samen en schriftelijk wijzigen.']] }) },
  { prefix: ['samenspel-covenant-en', 'samenspel-convenant-en'], lang: 'en', name: 'Samenspel: new covenant (English)',
    description: 'New covenant between a municipality and school boards, with every section: parties, stakeholders, ambition, interests, contributions, roles, meetings, communication, evaluation and signatures.',
    body: doc('en', { type: 'convenant', title: 'Covenant on {{onderwerp:[subject, e.g. integrated child centres]}}', parties: base3,
      hint: { en: 'Why do the parties work together? Describe the problem or opportunity, and why it is urgent now.' },
      ex: { en: 'the number of children in special education' },
      tail: [['## Term and amendment', '', 'This covenant applies from {{startdatum:[date]}} up to and including {{einddatum:[date]}}. The parties can only amend it jointly and in writing.']] }) },
  { prefix: ['samenspel-lea'], lang: 'nl', name: 'Samenspel: nieuwe Lokale Educatieve Agenda (LEA)',
    description: 'Nieuwe Lokale Educatieve Agenda (LEA) van gemeente, schoolbesturen, kinderopvang en samenwerkingsverband, met een korte lijst thema\'s met prioriteit en alle vaste onderdelen.',
    body: doc('nl', { type: 'lea', title: 'Lokale Educatieve Agenda {{gemeente}} {{periode:[periode, bv. 2026-2030]}}', parties: lea, extra: leaExtra,
      hint: { nl: 'Welke ontwikkelingen in onderwijs, opvang en jeugd vragen om een gezamenlijke agenda? Noem de cijfers die de urgentie laten zien.' },
      ex: { nl: 'het aandeel peuters met een VVE-indicatie dat een voorschool bezoekt' },
      middle: [['## Thema\'s en prioriteiten', '', 'Een korte agenda werkt beter dan een lange afvinklijst. Kies hoogstens drie thema\'s, in volgorde van prioriteit:', '',
        '1. **{{thema1:[thema met de hoogste prioriteit]}}**: {{themaDoel1:[wat we in deze periode bereiken]}}',
        '2. **{{thema2:[thema]}}**: {{themaDoel2:[wat we bereiken]}}',
        '3. **{{thema3:[thema]}}**: {{themaDoel3:[wat we bereiken]}}', '',
        'De agendacommissie ({{agendacommissie:[wie, bv. één wethouder, twee bestuurders en één directeur]}}) bewaakt de agenda; de gemeente is niet de enige eigenaar.']] }) },
  { prefix: ['samenspel-lea-en'], lang: 'en', name: 'Samenspel: new Local Education Agenda (LEA, English)',
    description: 'New Local Education Agenda (LEA) of the municipality, school boards, childcare and the inclusive-education partnership, with a short prioritised list of themes and every standard section.',
    body: doc('en', { type: 'lea', title: 'Local Education Agenda {{gemeente}} {{periode:[period, e.g. 2026-2030]}}', parties: lea, extra: leaExtra,
      hint: { en: 'Which developments in education, childcare and youth call for a shared agenda? Give the figures that show the urgency.' },
      ex: { en: 'the share of toddlers with an early-education referral who attend a pre-school' },
      middle: [['## Themes and priorities', '', 'A short agenda works better than a long tick list. Choose at most three themes, in order of priority:', '',
        '1. **{{thema1:[theme with the highest priority]}}**: {{themaDoel1:[what we achieve in this period]}}',
        '2. **{{thema2:[theme]}}**: {{themaDoel2:[what we achieve]}}',
        '3. **{{thema3:[theme]}}**: {{themaDoel3:[what we achieve]}}', '',
        'The agenda committee ({{agendacommissie:[who, e.g. one alderman, two board members and one director]}}) looks after the agenda; the municipality is not its only owner.']] }) },
  { prefix: ['samenspel-ihp'], lang: 'nl', name: 'Samenspel: nieuw Integraal Huisvestingsplan (IHP)',
    description: 'Nieuw Integraal Huisvestingsplan (IHP) van gemeente en schoolbesturen: wie wat waaraan bijdraagt, de criteria voor de volgorde van projecten, de planning en alle vaste onderdelen.',
    body: doc('nl', { type: 'ihp', title: 'Integraal Huisvestingsplan {{gemeente}} {{periode:[periode, bv. 2026-2041]}}', parties: base3,
      hint: { nl: 'In welke staat zijn de schoolgebouwen, hoe ontwikkelt het aantal leerlingen zich en waarom is nu een plan nodig?' },
      ex: { nl: 'het aantal schoolgebouwen met een frisse en energiezuinige binnenruimte' },
      middle: [['## Criteria voor de volgorde', '', 'Partijen bepalen samen, vooraf en objectief, welk gebouw eerst aan de beurt is:', '',
        '1. {{criterium1:[criterium, bv. technische staat van het gebouw]}}',
        '2. {{criterium2:[criterium, bv. verwachte leerlingenaantallen]}}',
        '3. {{criterium3:[criterium, bv. kansen om te combineren met kinderopvang]}}']],
      afterRoles: [['## Projecten en planning', '', '| Project | School | Wat | Eigenaar | Gereed vóór |', '| --- | --- | --- | --- | --- |',
        '| {{project1:[project]}} | {{school1:[school]}} | {{wat1:[nieuwbouw/renovatie/uitbreiding, m²]}} | {{eigenaar1:[partij]}} | {{gereed1:[datum]}} |',
        '| {{project2:[project]}} | {{school2:[school]}} | {{wat2:[nieuwbouw/renovatie/uitbreiding, m²]}} | {{eigenaar2:[partij]}} | {{gereed2:[datum]}} |']] }) },
  { prefix: ['samenspel-ihp-en'], lang: 'en', name: 'Samenspel: new Integrated Accommodation Plan (IHP, English)',
    description: 'New Integrated Accommodation Plan (IHP) of the municipality and school boards: who contributes what to which building, the criteria for the order of projects, the planning and every standard section.',
    body: doc('en', { type: 'ihp', title: 'Integrated Accommodation Plan {{gemeente}} {{periode:[period, e.g. 2026-2041]}}', parties: base3,
      hint: { en: 'What state are the school buildings in, how are pupil numbers developing, and why is a plan needed now?' },
      ex: { en: 'the number of school buildings with a healthy, energy-efficient indoor climate' },
      middle: [['## Criteria for the order', '', 'The parties decide together, in advance and objectively, which building goes first:', '',
        '1. {{criterium1:[criterion, e.g. technical condition of the building]}}',
        '2. {{criterium2:[criterion, e.g. expected pupil numbers]}}',
        '3. {{criterium3:[criterion, e.g. chances to combine with childcare]}}']],
      afterRoles: [['## Projects and planning', '', '| Project | School | What | Owner | Ready by |', '| --- | --- | --- | --- | --- |',
        '| {{project1:[project]}} | {{school1:[school]}} | {{wat1:[new build/renovation/extension, m²]}} | {{eigenaar1:[party]}} | {{gereed1:[date]}} |',
        '| {{project2:[project]}} | {{school2:[school]}} | {{wat2:[new build/renovation/extension, m²]}} | {{eigenaar2:[party]}} | {{gereed2:[date]}} |']] }) },
  { prefix: ['samenspel-plan-van-aanpak'], lang: 'nl', name: 'Samenspel: nieuw plan van aanpak',
    description: 'Nieuw plan van aanpak van gemeente en schoolbesturen, met activiteiten, eigenaren en data, en alle vaste onderdelen.',
    body: doc('nl', { type: 'plan van aanpak', title: 'Plan van aanpak {{onderwerp:[onderwerp]}}', parties: base3,
      hint: { nl: 'Welk probleem pakken we aan, wat is er al geprobeerd en waarom nu?' },
      ex: { nl: 'het aantal thuiszitters' },
      afterRoles: [['## Activiteiten en planning', '', '| Activiteit | Eigenaar | Gereed vóór |', '| --- | --- | --- |',
        '| {{activiteit1:[activiteit]}} | {{eigenaarA1:[partij of persoon]}} | {{gereedA1:[datum]}} |',
        '| {{activiteit2:[activiteit]}} | {{eigenaarA2:[partij of persoon]}} | {{gereedA2:[datum]}} |',
        '| {{activiteit3:[activiteit]}} | {{eigenaarA3:[partij of persoon]}} | {{gereedA3:[datum]}} |']] }) },
  { prefix: ['samenspel-action-plan-en', 'samenspel-plan-van-aanpak-en'], lang: 'en', name: 'Samenspel: new plan of approach (English)',
    description: 'New plan of approach (plan van aanpak) of the municipality and school boards, with activities, owners and dates, and every standard section.',
    body: doc('en', { type: 'plan van aanpak', title: 'Plan of approach: {{onderwerp:[subject]}}', parties: base3,
      hint: { en: 'Which problem do we tackle, what has been tried already, and why now?' },
      ex: { en: 'the number of pupils who stay at home without schooling' },
      afterRoles: [['## Activities and planning', '', '| Activity | Owner | Ready by |', '| --- | --- | --- |',
        '| {{activiteit1:[activity]}} | {{eigenaarA1:[party or person]}} | {{gereedA1:[date]}} |',
        '| {{activiteit2:[activity]}} | {{eigenaarA2:[party or person]}} | {{gereedA2:[date]}} |',
        '| {{activiteit3:[activity]}} | {{eigenaarA3:[party or person]}} | {{gereedA3:[date]}} |']] }) },
];

// ---------------------------------------------------------------- section snippets
const SECTIONS = [
  { prefix: ['samenspel-partij'], name: 'Samenspel: partij', description: 'Eén partij in de lijst Partijen: naam, soort organisatie, wie tekent en welke rol de partij heeft.',
    body: ['- **{{naam:[naam partij]}}**, {{soort|gemeente (college van burgemeester en wethouders)|schoolbestuur (bevoegd gezag)|kinderopvangorganisatie|samenwerkingsverband passend onderwijs}}, vertegenwoordigd door {{vert:[naam]}}, {{functie:[functie, bv. wethouder onderwijs]}}. Rol: {{rol:[rol, bv. regie en financiering]}}.{{$0}}'] },
  { prefix: ['samenspel-partij-en'], name: 'Samenspel: party (English)', description: 'One party in the list of parties: name, kind of organisation, who signs and the party\'s role.',
    body: ['- **{{naam:[party name]}}**, {{soort|municipality (college van burgemeester en wethouders)|school board (bevoegd gezag)|childcare organisation|partnership for inclusive education (samenwerkingsverband)}}, represented by {{vert:[name]}}, {{functie:[position, e.g. alderman for education]}}. Role: {{rol:[role, e.g. coordination and funding]}}.{{$0}}'] },
  { prefix: ['samenspel-ambitie'], name: 'Samenspel: meetbare ambitie', description: 'Een meetbare (SMART) ambitie: van nulmeting naar streefwaarde vóór een datum, met een eigenaar.',
    body: ['- {{indicator:[wat we meten]}} gaat van {{nul:[nulmeting]}} naar {{streef:[streefwaarde]}} vóór {{datum:[datum]}}. Eigenaar: {{eigenaar:[partij]}}; we meten met {{bron:[bron, bv. de leerlingenadministratie]}}.{{$0}}'] },
  { prefix: ['samenspel-ambitie-en'], name: 'Samenspel: measurable ambition (English)', description: 'A measurable (SMART) ambition: from baseline to target by a date, with an owner.',
    body: ['- {{indicator:[what we measure]}} goes from {{nul:[baseline]}} to {{streef:[target]}} by {{datum:[date]}}. Owner: {{eigenaar:[party]}}; measured with {{bron:[source, e.g. the pupil administration]}}.{{$0}}'] },
  { prefix: ['samenspel-bijdragen'], name: 'Samenspel: tabel bijdragen', description: 'Tabel met de bijdrage van iedere partij: financieel, personeel en faciliteiten.',
    body: ['| Partij | Financieel | Personeel | Faciliteiten |', '| --- | --- | --- | --- |',
      '| {{p1:Gemeente [naam]}} | {{f1:n.t.b.}} | {{m1:n.t.b.}} | {{v1:n.t.b.}} |',
      '| {{p2:Stichting [schoolbestuur 1]}} | {{f2:n.t.b.}} | {{m2:n.t.b.}} | {{v2:n.t.b.}} |',
      '| {{p3:Stichting [schoolbestuur 2]}} | {{f3:n.t.b.}} | {{m3:n.t.b.}} | {{v3:n.t.b.}} |', '{{$0}}'] },
  { prefix: ['samenspel-bijdragen-en'], name: 'Samenspel: contributions table (English)', description: 'Table with each party\'s contribution: financial, staff and facilities.',
    body: ['| Party | Financial | Staff | Facilities |', '| --- | --- | --- | --- |',
      '| {{p1:Municipality of [name]}} | {{f1:TBD}} | {{m1:TBD}} | {{v1:TBD}} |',
      '| {{p2:Foundation [school board 1]}} | {{f2:TBD}} | {{m2:TBD}} | {{v2:TBD}} |',
      '| {{p3:Foundation [school board 2]}} | {{f3:TBD}} | {{m3:TBD}} | {{v3:TBD}} |', '{{$0}}'] },
  { prefix: ['samenspel-bijdrage-rij'], name: 'Samenspel: rij in de tabel bijdragen', description: 'Eén extra rij in de tabel bijdragen: partij, financieel, personeel, faciliteiten.',
    body: ['| {{p:[partij]}} | {{f:n.t.b.}} | {{m:n.t.b.}} | {{v:n.t.b.}} |{{$0}}'] },
  { prefix: ['samenspel-bijdrage-rij-en'], name: 'Samenspel: contributions table row (English)', description: 'One more row in the contributions table: party, financial, staff, facilities.',
    body: ['| {{p:[party]}} | {{f:TBD}} | {{m:TBD}} | {{v:TBD}} |{{$0}}'] },
  { prefix: ['samenspel-overleg'], name: 'Samenspel: overlegritme', description: 'Vaste overlegmomenten en wat er gebeurt als een wethouder, bestuurder of directeur vertrekt.',
    body: ['- **{{soort:Bestuurlijk overleg}}**: {{wie:de wethouder en de bestuurders}} komen {{ritme:[aantal] keer per jaar}} bijeen. Voorzitter: {{voorzitter:[naam of functie]}}.',
      '- **Wisseling van sleutelspelers**: verandert er een wethouder, bestuurder of directeur, dan {{wisseling:[wat er gebeurt, bv. overdracht van het dossier en binnen zes weken een kennismakingsgesprek]}}.{{$0}}'] },
  { prefix: ['samenspel-overleg-en'], name: 'Samenspel: meeting rhythm (English)', description: 'Fixed meeting moments and what happens when an alderman, board member or director leaves.',
    body: ['- **{{soort:Board meeting}}**: {{wie:the alderman and the board members}} meet {{ritme:[number] times a year}}. Chair: {{voorzitter:[name or position]}}.',
      '- **Change of key players**: when an alderman, board member or director changes, {{wisseling:[what happens, e.g. handover of the file and a getting-to-know-you meeting within six weeks]}}.{{$0}}'] },
  { prefix: ['samenspel-evaluatie'], name: 'Samenspel: evaluatie', description: 'Wanneer en hoe partijen de voortgang bespreken, en wie de uitkomst krijgt.',
    body: ['Partijen evalueren {{wat:de samenwerking}} {{moment:[wanneer, bv. elk jaar in juni]}}. Methode: {{methode:[hoe, bv. streefwaarden vergelijken met de nulmeting]}}. De uitkomst gaat naar {{naar:het bestuurlijk overleg en de gemeenteraad}}.{{$0}}'] },
  { prefix: ['samenspel-evaluatie-en'], name: 'Samenspel: evaluation (English)', description: 'When and how the parties review progress, and who receives the outcome.',
    body: ['The parties evaluate {{wat:the partnership}} {{moment:[when, e.g. every year in June]}}. Method: {{methode:[how, e.g. comparing the targets with the baseline]}}. The outcome goes to {{naar:the board meeting and the municipal council}}.{{$0}}'] },
];

// ---------------------------------------------------------------- rendering
const MARK = /\{\{(\$0|[\w]+)(?::((?:[^{}]|\{(?!\{))*?)|((?:\|[^|{}]+)+))?\}\}/g;
const escText = s => s.replace(/[\\$]/g, m => '\\' + m);
const escPlaceholder = s => s.replace(/[\\$}]/g, m => '\\' + m);
const escChoice = s => s.replace(/[\\$,|}]/g, m => '\\' + m);

function toSnippet(lines) {
  const num = new Map(); const seen = new Set();
  return lines.map(line => {
    let out = '', last = 0;
    for (const m of line.matchAll(MARK)) {
      out += escText(line.slice(last, m.index)); last = m.index + m[0].length;
      const [, name, def, choices] = m;
      if (name === '$0') { out += '$0'; continue; }
      if (!num.has(name)) num.set(name, num.size + 1);
      const n = num.get(name);
      if (seen.has(name)) { if (def !== undefined || choices) throw new Error(`tab stop "${name}" defined twice`); out += `$${n}`; continue; }
      seen.add(name);
      if (choices) out += `\${${n}|${choices.slice(1).split('|').map(escChoice).join(',')}|}`;
      else if (def !== undefined) out += `\${${n}:${escPlaceholder(def)}}`;
      else throw new Error(`tab stop "${name}" used before it is defined`);
    }
    return out + escText(line.slice(last));
  });
}
function fill(lines, values, what) {
  const missing = new Set();
  const text = lines.map(line => line.replace(MARK, (_, name) => {
    if (name === '$0') return '';
    if (!(name in values)) missing.add(name);
    return values[name];
  })).join('\n').replace(/\n+$/, '\n');
  if (missing.size) throw new Error(`${what}: no filled value for ${[...missing].join(', ')}`);
  return text;
}

const snippets = {};
const files = {};
for (const d of [...DOCS, ...SECTIONS]) {
  snippets[d.name] = { scope: 'markdown', prefix: d.prefix.length === 1 ? d.prefix[0] : d.prefix, description: d.description, body: toSnippet(d.body) };
}
for (const d of DOCS) files[path.join(here, 'filled-examples', d.prefix[0] + '.md')] = fill(d.body, FILLED[d.prefix[0]], d.prefix[0]);
files[path.join(here, 'markdown.json')] = JSON.stringify(snippets, null, 2) + '\n';

const check = process.argv.includes('--check');
let stale = 0;
for (const [f, text] of Object.entries(files)) {
  const cur = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null;
  if (cur === text) continue;
  if (check) { console.error(`out of date: ${path.relative(process.cwd(), f)}`); stale++; }
  else { fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, text); console.log(`wrote ${path.relative(process.cwd(), f)}`); }
}
if (check && stale) { console.error('run: node snippets/build-snippets.mjs'); process.exit(1); }
