import { appendListItem, appendTableRow, appendToSection, findSection, insertBlocks, insertSection, nextSibling } from '../edit';
import type { DocumentModel } from '../model';
import type { Citation, OffsetEdit, Rule, RuleFinding } from '../rule';
import type { Language } from '../types';
import { DEFAULT_REQUIRED_GROUPS, stakeholderGroup, type StakeholderGroup } from '../vocabulary';

const MESSAGES: Record<Language, { missing: (label: string) => string; addTo: (label: string, section: string) => string; addNew: (label: string, section: string) => string; heading: string }> = {
  nl: {
    missing: (label) => `Het document noemt ${label} nergens. Beschrijf hun rol en wanneer ze betrokken worden.`,
    addTo: (label, section) => `Voeg ${label} toe aan ${section}`,
    addNew: (label, section) => `Voeg ${label} toe aan een nieuwe paragraaf ${section}`,
    heading: 'Betrokkenen',
  },
  en: {
    missing: (label) => `The document never mentions ${label}. Describe their role and when they are involved.`,
    addTo: (label, section) => `Add ${label} to ${section}`,
    addNew: (label, section) => `Add ${label} to a new ${section} section`,
    heading: 'Stakeholders',
  },
};

/** Per group: the quote of lesson 1 that speaks of it, and the municipal examples that show it. */
const CITATIONS: Record<string, { quote: number; examples: Citation[] }> = {
  gemeenteraad: { quote: 1, examples: [{ lesson: 'example-veenendaal', quote: 0 }, { lesson: 'example-leiden', quote: 1 }] },
  schooldirecteuren: { quote: 2, examples: [{ lesson: 'example-eindhoven', quote: 0 }, { lesson: 'example-veenendaal', quote: 1 }] },
};

/**
 * Where the group's line goes, and the fix's title that says so. A stakeholders section gets it in its list or table,
 * or as a list after its text. The parties are the signatories: a group that does not sign is no party, so without a
 * stakeholders section a new one starts right after the parties (and their subsections), at their level.
 */
function insertionFor(model: DocumentModel, group: StakeholderGroup, lang: Language): { edit: OffsetEdit; action: string } {
  const line = `${group.line[lang]}: ${group.role[lang]}`;
  const label = group.label[lang];
  const words = MESSAGES[lang];
  const involvement = findSection(model, 'involvement');
  if (involvement) {
    const edit =
      appendListItem(model, involvement, line) ??
      appendTableRow(model, involvement, (columns) => [group.line[lang], group.role[lang], ...Array(Math.max(columns - 2, 0)).fill('')].slice(0, Math.max(columns, 1))) ??
      appendToSection(model, involvement, `- ${line}`);
    return { edit, action: words.addTo(label, involvement.heading!.text) };
  }
  const parties = findSection(model, 'parties');
  const action = words.addNew(label, words.heading);
  if (parties) {
    const next = nextSibling(model, parties);
    // A pseudo-heading ("**Partijen**") gets a bold sibling: a real heading would outrank the sections around it.
    const edit = parties.heading!.pseudo ? insertBlocks(model, [`**${words.heading}**`, `- ${line}`], next) : insertSection(model, words.heading, `- ${line}`, next, parties.heading!.depth);
    return { edit, action };
  }
  // No parties section (parties only in front matter): start a stakeholders section after the title's intro.
  const firstSection = model.sections.find((s) => s.heading && s.heading !== model.title);
  return { edit: insertSection(model, words.heading, `- ${line}`, firstSection ?? (model.title ? nextSibling(model, model.sections.find((s) => s.heading === model.title)!) : undefined)), action };
}

/** The parts the two documentation examples share: they differ only in who else is named. */
const EXAMPLE_PARTIES = [
  '---',
  'type: convenant',
  '---',
  '# Convenant Kindcentrum Noord',
  '',
  '## Partijen',
  '',
  '- Gemeente Rivierstad, vertegenwoordigd door wethouder Onderwijs A. de Vries',
  '- Stichting Openbaar Primair Onderwijs Rivierland, vertegenwoordigd door het College van Bestuur',
  '',
];
const EXAMPLE_CONTRIBUTIONS = [
  '## Bijdragen',
  '',
  '| Partij | Bijdrage |',
  '| --- | --- |',
  '| Gemeente Rivierstad | € 120.000 per jaar voor de VVE-plaatsen |',
  '| Stichting Openbaar Primair Onderwijs Rivierland | 0,4 fte intern begeleider |',
  '',
];

export const missingStakeholder: Rule = {
  id: 'missing-stakeholder',
  lesson: 'factor-1',
  seeAlso: ['example-veenendaal', 'example-leiden', 'example-eindhoven'],
  defaultSeverity: 'warning',
  docs: {
    summary: {
      nl: 'Meldt een groep belanghebbenden die nergens in het document genoemd wordt.',
      en: 'Reports a stakeholder group that the document never names.',
    },
    details: {
      nl: 'Standaard moeten vier groepen genoemd worden: het gemeentebestuur (de gemeente, het college van B&W, wethouders), de schoolbesturen (ook "de besturen van primair en voortgezet onderwijs", "het bestuur van" een school, PO- en VO-besturen, bevoegd gezag), de gemeenteraad (raadsleden, raadsvoorstel, raadscommissie) en de schooldirecteuren (directies, directeurenberaad, schoolleidersnetwerk, locatieleiders, "de directeur van" een genoemde school). Samenstellingen en verbuigingen tellen op elke plek in het woord. In het Engels is "X City/County Council" of "local authority" het gemeentebestuur; de raad zijn councillors, elected members, cabinet en scrutiny; schoolbesturen zijn governing bodies, governors, academy trusts en dioceses; schooldirecteuren zijn headteachers, heads of school, principals en senior leaders. Wat er alleen op lijkt telt niet: straat- en schoolnamen (Burgemeester de Withlaan, Wethouder Van Damschool), PO-Raad, VO-raad, Onderwijsraad, een Raad van Toezicht, medezeggenschapsraad, een College van Bestuur voor het college van B&W, een directeur van de gemeente, GGD of bibliotheek. Een partij uit de lijst telt voor haar eigen soort; een losse school is geen schoolbestuur. Eigen namen en afkortingen voegt u toe met `vocabulary.groups`. Tekst in HTML-commentaar telt niet mee. De melding staat op de kop van de partijen of betrokkenen, anders op de titel. Met `extraRequiredGroups` kunt u meer groepen verplicht maken.',
      en: 'By default four groups must be named: the municipal executive (the municipality, the executive, aldermen; in English "X City/County Council" or "the local authority"), the school boards (also "the boards of primary and secondary education", governing bodies, governors, academy trusts, dioceses), the elected council (councillors, elected members, cabinet, scrutiny; raadsleden, raadsvoorstel) and the school directors (headteachers, heads of school, principals, senior leaders; directies, directeurenberaad, locatieleiders). Compounds and inflections count at any position in the word. Look-alikes do not: street and school names, the national sector councils (PO-Raad, VO-raad), a supervisory board, a participation council, a College van Bestuur taken for the municipal executive, a director of the municipality. "City Council" as the authority does not stand in for its councillors. A declared party counts for its own kind; a single school is no school board. Add your own names and abbreviations with `vocabulary.groups`. Text in HTML comments does not count. The finding sits on the parties or stakeholders heading, else on the title. `extraRequiredGroups` adds groups.',
    },
    why: {
      nl: 'De publicatie noemt twee groepen sleutelspelers die vaak over het hoofd worden gezien: gemeenteraadsleden (nodig voor draagvlak en financieel commitment) en schooldirecteuren (zij moeten de bestuurlijke afspraken uitvoeren). Wie hen niet betrekt, loopt later vertraging op.',
      en: 'The publication names two groups of key players that are often overlooked: council members (needed for support and financial commitment) and school directors (who must carry out what the boards agree). Leaving them out causes delay later.',
    },
    examples: [
      {
        title: { nl: 'Gemeenteraad en schooldirecteuren ontbreken', en: 'Council and school directors missing' },
        reports: true,
        markdown: [...EXAMPLE_PARTIES, 'De Raad van Toezicht van de stichting heeft ingestemd.', '', ...EXAMPLE_CONTRIBUTIONS].join('\n'),
      },
      {
        title: { nl: 'Alle vier de groepen genoemd', en: 'All four groups named' },
        reports: false,
        markdown: [
          ...EXAMPLE_PARTIES,
          '## Betrokkenen',
          '',
          '- De raadsleden krijgen twee keer per jaar een raadsinformatiebrief.',
          '- De schoolleiders van de drie scholen vormen samen de werkgroep.',
          '',
          ...EXAMPLE_CONTRIBUTIONS,
        ].join('\n'),
      },
    ],
  },
  check({ model, settings, lang }) {
    const required = [...new Set([...DEFAULT_REQUIRED_GROUPS, ...settings.extraRequiredGroups])];
    const present = new Set(model.mentions.map((m) => m.group));
    const anchor = findSection(model, 'parties', 'involvement')?.heading ?? model.title;
    const findings: RuleFinding[] = [];
    for (const id of required) {
      if (present.has(id)) continue;
      const group = stakeholderGroup(id);
      if (!group) continue;
      const label = group.label[lang];
      const citation = CITATIONS[id] ?? { quote: 0, examples: [] };
      const insertion = insertionFor(model, group, lang);
      findings.push({
        start: anchor?.start ?? 0,
        end: anchor?.end ?? model.index.lineEnd(0),
        message: MESSAGES[lang].missing(label),
        data: { group: id },
        fixes: [{ action: insertion.action, edits: [insertion.edit], preferred: true }],
        quote: citation.quote,
        examples: citation.examples,
      });
    }
    return findings;
  },
};

