/**
 * The partnership scan: for each of the six success factors, how far the document is (green, amber, red), why, and
 * where in the text. A factor turns green on content, never on a heading alone, and a sentence with a field still to
 * fill in counts as no content: an untouched template is red or amber everywhere. Built on the same model, findings
 * and vocabulary as the rules, so the scan never disagrees with them.
 */
import { lesson, lessonLabel } from './lessons';
import type { DocumentModel, Section } from './model';
import { findSection } from './edit';
import { splitSentences } from './sentences';
import type { Finding, Language, Range } from './types';
import { DEFERRAL, FIELD, FREQUENCY, SCAN_WORDS, type SectionClass } from './vocabulary';

export type ScanStatus = 'green' | 'amber' | 'red';

export interface ScanItem {
  factor: number;
  lessonId: string;
  title: string;
  status: ScanStatus;
  /** One plain sentence: what is there, what is missing. */
  explanation: string;
  /** Places in the text worth looking at: the section and the findings. */
  locations: Array<{ label: string; range: Range }>;
}

interface Sentence {
  start: number;
  end: number;
  text: string;
  range: Range;
  cls: SectionClass | null;
}

type Words = Record<string, string>;

const WORDS: Record<Language, Words> = {
  nl: {
    allGroups: 'Alle vereiste groepen worden genoemd.',
    notNamed: 'Niet genoemd: {0}.',
    openHere: 'Nog {0} plekken in te vullen in deze onderdelen.',
    noAmbition: 'Er staat nog geen gezamenlijke ambitie in.',
    ambitionGreen: 'De ambitie is meetbaar en elke partij noemt haar bijdrage.',
    ambitionAmber: 'Vage ambities: {0}; partijen zonder concrete bijdrage: {1}; open plekken: {2}.',
    interestsGreen: 'De belangen van partijen staan op papier.',
    interestsAmber: 'Er is een plek voor de belangen, maar nog geen partij noemt haar eigen belang.',
    interestsRed: 'Nergens noemt een partij haar eigen belang.',
    rhythm: 'Er is een vast overlegritme.',
    noRhythm: 'Er staat geen vast overlegritme in.',
    continuity: 'Wisseling van sleutelspelers is geregeld.',
    noContinuity: 'Niets over wat er gebeurt als sleutelspelers wisselen.',
    rolesGreen: 'Rollen, taken en verantwoordelijkheden zijn beschreven.',
    rolesAmber: 'Er is een plek voor rollen en taken, maar ze zijn nog niet ingevuld.',
    rolesRed: 'Nergens staat wie welke rol, taak of verantwoordelijkheid heeft.',
    contacts: 'Er zijn vaste aanspreekpunten.',
    reporting: 'Er is een vast ritme van rapporteren.',
    noReporting: 'Nergens staat hoe vaak partijen elkaar over de voortgang informeren.',
    noContacts: 'Geen vaste aanspreekpunten genoemd.',
    beforePublic: 'Partijen informeren elkaar voordat iets naar buiten gaat.',
    noBeforePublic: 'Geen afspraak om elkaar te informeren vóór het naar buiten gaat.',
    parties: 'Partijen',
    ambition: 'Ambitie',
    contributions: 'Bijdragen',
    interests: 'Belangen',
    meetings: 'Overleg',
    roles: 'Rollen',
    communication: 'Communicatie',
    and: 'en',
    ignored: '{0} melding(en) hier genegeerd met een samenspel-opmerking: nagekeken, niet opgelost.',
    notNamedIgnored: 'Genegeerd, niet genoemd: {0}.',
  },
  en: {
    allGroups: 'All required groups are named.',
    notNamed: 'Not named: {0}.',
    openHere: '{0} spots in these parts still to fill in.',
    noAmbition: 'There is no shared ambition yet.',
    ambitionGreen: 'The ambition is measurable and every party states its contribution.',
    ambitionAmber: 'Vague ambitions: {0}; parties without a concrete contribution: {1}; open spots: {2}.',
    interestsGreen: 'The parties’ interests are written down.',
    interestsAmber: 'There is a place for the interests, but no party names its own interest yet.',
    interestsRed: 'No party names its own interest anywhere.',
    rhythm: 'There is a fixed meeting rhythm.',
    noRhythm: 'No fixed meeting rhythm is stated.',
    continuity: 'A change of key players is covered.',
    noContinuity: 'Nothing on what happens when key players change.',
    rolesGreen: 'Roles, tasks and responsibilities are described.',
    rolesAmber: 'There is a place for roles and tasks, but they are not filled in yet.',
    rolesRed: 'Nothing says who has which role, task or responsibility.',
    contacts: 'There are fixed points of contact.',
    reporting: 'Progress is reported at a fixed rhythm.',
    noReporting: 'Nothing says how often the parties report on progress.',
    noContacts: 'No fixed points of contact.',
    beforePublic: 'The parties inform each other before anything goes public.',
    noBeforePublic: 'No agreement to inform each other before going public.',
    parties: 'Parties',
    ambition: 'Ambition',
    contributions: 'Contributions',
    interests: 'Interests',
    meetings: 'Meetings',
    roles: 'Roles',
    communication: 'Communication',
    and: 'and',
    ignored: '{0} finding(s) here ignored with a samenspel comment: reviewed, not resolved.',
    notNamedIgnored: 'Ignored, not named: {0}.',
  },
};

const fill = (template: string, ...values: Array<string | number>): string => values.reduce<string>((s, v, i) => s.replace(`{${i}}`, String(v)), template);

/** True when a sentence still waits for a field or a deferred value: it is no content yet. */
function isOpen(text: string): boolean {
  return FIELD.test(text) || DEFERRAL.test(text);
}

/** Every sentence of running text (items, cells, paragraphs), with its section class. */
function sentences(model: DocumentModel): Sentence[] {
  const out: Sentence[] = [];
  for (const block of model.blocks) {
    if (block.type === 'heading' || block.table?.header) continue;
    const parts = block.table ? block.table.cells.map((c) => ({ start: c.start, end: c.end })) : splitSentences(block.text, block.start);
    for (const s of parts) {
      const text = model.plain.slice(s.start, s.end).trim();
      if (text) out.push({ start: s.start, end: s.end, text, range: model.index.range(s.start, s.end), cls: block.section.cls });
    }
  }
  return out;
}

/**
 * `suppressed` are the findings that comments silence. They are not counted or listed, but a factor they belong to
 * is never green: a suppression says the writer looked at the spot, not that the document now has it.
 */
export function scanDocument(model: DocumentModel, findings: Finding[], lang: Language, suppressed: Finding[] = []): ScanItem[] {
  const w = WORDS[lang];
  const all = sentences(model);
  // A lead-in ("Contactpersonen:") is completed by what follows it; on its own it is no content.
  const content = all.filter((s) => !isOpen(s.text) && !/:\s*$/.test(s.text));
  const names = model.parties.flatMap((p) => [p.name, ...p.aliases]).map((n) => n.toLowerCase());
  const namesSomebody = (s: Sentence): boolean => model.mentions.some((m) => m.start < s.end && s.start < m.end) || names.some((n) => s.text.toLowerCase().includes(n));
  const has = (re: RegExp, within: Sentence[] = content): Sentence | undefined => within.find((s) => re.test(s.text));
  const inClass = (...classes: SectionClass[]): Sentence[] => all.filter((s) => s.cls !== null && classes.includes(s.cls));
  const placeholdersIn = (list: Finding[], classes: SectionClass[]): Finding[] => list.filter((f) => f.ruleId === 'unfilled-placeholder' && inClass(...classes).some((s) => s.range.start.line <= f.range.start.line && f.range.start.line <= s.range.end.line));
  const openIn = (...classes: SectionClass[]): number => placeholdersIn(findings, classes).length;
  /** Suppressed findings of these rules, and suppressed placeholders in these sections. */
  const ignoredOf = (ruleIds: string[], classes: SectionClass[]): Finding[] => [...suppressed.filter((f) => ruleIds.includes(f.ruleId)), ...placeholdersIn(suppressed, classes)];
  /** Green only without ignored findings; the explanation says how many were ignored. */
  const capped = (status: ScanStatus, ignored: Finding[]): ScanStatus => (status === 'green' && ignored.length ? 'amber' : status);
  const ignoredNote = (ignored: Finding[]): string => (ignored.length ? fill(w.ignored, ignored.length) : '');
  const at = (s: Section | undefined, label: string) => (s?.heading ? [{ label, range: model.index.range(s.heading.start, s.heading.end) }] : []);
  const atSentence = (s: Sentence | undefined) => (s ? [{ label: s.text.slice(0, 80), range: s.range }] : []);
  const findingsOf = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
  const locate = (fs: Finding[]) => fs.map((f) => ({ label: f.message, range: f.range }));
  const section = (...classes: SectionClass[]) => findSection(model, ...classes);
  const item = (factor: number, status: ScanStatus, explanation: string[], locations: ScanItem['locations']): ScanItem => {
    const l = lesson(`factor-${factor}`);
    return { factor, lessonId: l.id, title: lessonLabel(l, lang), status, explanation: explanation.filter(Boolean).join(' '), locations };
  };
  const items: ScanItem[] = [];

  // 1. Stakeholders: every required group named, and their parts filled in.
  const missing = findingsOf('missing-stakeholder');
  const openParties = openIn('parties', 'involvement');
  const ignoredParties = ignoredOf(['missing-stakeholder'], ['parties', 'involvement']);
  const ignoredGroups = ignoredParties.filter((f) => f.ruleId === 'missing-stakeholder').map((f) => f.data.group);
  items.push(
    item(
      1,
      capped(missing.length >= 2 ? 'red' : missing.length || openParties ? 'amber' : 'green', ignoredParties),
      [
        missing.length ? fill(w.notNamed, missing.map((f) => f.data.group).join(', ')) : ignoredGroups.length ? '' : w.allGroups,
        ignoredGroups.length ? fill(w.notNamedIgnored, ignoredGroups.join(', ')) : '',
        openParties ? fill(w.openHere, openParties) : '',
        ignoredNote(ignoredParties),
      ],
      [...at(section('parties', 'involvement'), w.parties), ...locate(missing)],
    ),
  );

  // 2. A shared ambition that is measurable, with every party's contribution.
  const ambitionContent = content.filter((s) => s.cls === 'ambition');
  const vague = findingsOf('vague-ambition');
  const unstated = findingsOf('unstated-contribution');
  const openAmbition = openIn('ambition', 'contributions');
  const ignoredAmbition = ignoredOf(['vague-ambition', 'unstated-contribution'], ['ambition', 'contributions']);
  const ambitionStatus: ScanStatus = capped(!ambitionContent.length ? 'red' : vague.length || unstated.length || openAmbition ? 'amber' : 'green', ignoredAmbition);
  items.push(
    item(
      2,
      ambitionStatus,
      [
        !ambitionContent.length ? w.noAmbition : ambitionStatus === 'green' ? w.ambitionGreen : vague.length || unstated.length || openAmbition ? fill(w.ambitionAmber, vague.length, unstated.length, openAmbition) : '',
        ignoredNote(ignoredAmbition),
      ],
      [...at(section('ambition'), w.ambition), ...at(section('contributions'), w.contributions), ...locate(vague), ...locate(unstated)],
    ),
  );

  // 3. Interests written down: a party or group named with its interest, in the interests section or in words.
  const interest = content.find((s) => namesSomebody(s) && (s.cls === 'interests' || SCAN_WORDS.interests.test(s.text)));
  const interestsSection = section('interests');
  items.push(
    item(3, interest ? 'green' : interestsSection ? 'amber' : 'red', [interest ? w.interestsGreen : interestsSection ? w.interestsAmber : w.interestsRed], [...at(interestsSection, w.interests), ...atSentence(interest)]),
  );

  // 4. The relationship: a fixed rhythm of meetings, and continuity when key players change.
  const rhythm = content.find((s) => FREQUENCY.test(s.text) && (s.cls === 'meetings' || SCAN_WORDS.meetings.test(s.text)));
  const continuity = has(SCAN_WORDS.continuity);
  items.push(
    item(
      4,
      rhythm && continuity ? 'green' : rhythm || continuity ? 'amber' : 'red',
      [rhythm ? w.rhythm : w.noRhythm, continuity ? w.continuity : w.noContinuity],
      [...at(section('meetings'), w.meetings), ...atSentence(rhythm), ...atSentence(continuity)],
    ),
  );

  // 5. Organisation: roles, tasks and responsibilities, written out.
  const roles = content.filter((s) => SCAN_WORDS.roles.test(s.text) || s.cls === 'roles');
  const rolesSection = section('roles');
  items.push(
    item(5, roles.length >= 2 ? 'green' : roles.length || rolesSection ? 'amber' : 'red', [roles.length >= 2 ? w.rolesGreen : roles.length || rolesSection ? w.rolesAmber : w.rolesRed], [...at(rolesSection, w.roles), ...atSentence(roles[0])]),
  );

  // 6. Communication: fixed points of contact, and informing each other before going public.
  // "Contactpersonen:" followed by names counts; the lead-in alone, or followed by fields to fill in, does not.
  const contacts = has(SCAN_WORDS.contacts) ?? all.find((s, i) => SCAN_WORDS.contacts.test(s.text) && /:\s*$/.test(s.text) && !!all[i + 1] && content.includes(all[i + 1]) && namesSomebody(all[i + 1]));
  const beforePublic = content.find((s) => SCAN_WORDS.beforePublic.test(s.text) && SCAN_WORDS.beforeWords.test(s.text));
  // Reporting agreed with its rhythm: "rapporteert twee keer per jaar", "an update each term".
  const reporting = content.find((s) => SCAN_WORDS.reporting.test(s.text) && FREQUENCY.test(s.text));
  const done = [contacts, beforePublic, reporting].filter(Boolean).length;
  items.push(
    item(
      6,
      done === 3 ? 'green' : done ? 'amber' : 'red',
      [contacts ? w.contacts : w.noContacts, reporting ? w.reporting : w.noReporting, beforePublic ? w.beforePublic : w.noBeforePublic],
      [...at(section('communication'), w.communication), ...atSentence(contacts), ...atSentence(reporting), ...atSentence(beforePublic)],
    ),
  );
  return items;
}
