/**
 * The partnership scan: for each of the six success factors, how far the document is (green, amber, red), why, and
 * where in the text. Built on the same model and findings as the rules, so the scan never disagrees with them.
 */
import { lesson, lessonLabel } from './lessons';
import type { DocumentModel, Section } from './model';
import { findSection } from './edit';
import type { Finding, Language, Range } from './types';
import { wordRegExp } from './text';
import type { SectionClass } from './vocabulary';

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

const FREQUENCY = wordRegExp(
  '(\\p{N}+|twee|drie|vier|zes|tien|twaalf) (keer|maal) per (jaar|maand|kwartaal|week)|jaarlijks|halfjaarlijks|maandelijks|wekelijks|per kwartaal|elk(e)? (maand|kwartaal|week)|ieder(e)? (maand|kwartaal|week)|(\\p{N}+|two|three|four|six|ten|twelve) times a (year|month|week)|annually|monthly|weekly|quarterly|every (month|quarter|week)',
);
const CONTINUITY = wordRegExp('wisseling|opvolg\\p{L}*|verkiezingen|overdracht|nieuwe (wethouder|bestuurder)|continuïteit|handover|successor|elections|change of (key )?(people|players|staff)|continuity');
const CONTACTS = wordRegExp('contactpersonen?|aanspreekpunt(en)?|vaste contact\\p{L}*|points? of contact|contact persons?');
const BEFORE_PUBLIC = wordRegExp('(pers|media|publiciteit|persbericht\\p{L}*|naar buiten)|press|media|public');
const ROLES = wordRegExp('rollen|taken|verantwoordelijk\\p{L}*|trekker|projectleider|coördinator|eigenaar|roles|tasks|responsib\\p{L}*|project (leader|manager)|coordinator|owner');
const INTERESTS = wordRegExp('belang|belangen|eigen belang|win-win|interests?|stake');

function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

export function scanDocument(model: DocumentModel, findings: Finding[], lang: Language): ScanItem[] {
  const nl = lang === 'nl';
  const sectionText = (s: Section | undefined): string => (s ? model.plain.slice(s.start, s.end) : '');
  const at = (s: Section | undefined, label: string) => (s?.heading ? [{ label, range: model.index.range(s.heading.start, s.heading.end) }] : []);
  const findingsOf = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
  const locate = (fs: Finding[]) => fs.map((f) => ({ label: f.message, range: f.range }));
  const section = (...classes: SectionClass[]) => findSection(model, ...classes);
  const item = (factor: number, status: ScanStatus, explanation: string, locations: ScanItem['locations']): ScanItem => {
    const l = lesson(`factor-${factor}`);
    return { factor, lessonId: l.id, title: lessonLabel(l, lang), status, explanation, locations };
  };

  const items: ScanItem[] = [];

  const missing = findingsOf('missing-stakeholder');
  const parties = section('parties', 'involvement');
  items.push(
    item(
      1,
      missing.length === 0 ? 'green' : missing.length === 1 ? 'amber' : 'red',
      missing.length === 0
        ? nl ? 'Alle vereiste groepen worden genoemd.' : 'All required groups are named.'
        : nl ? `Niet genoemd: ${missing.map((f) => f.data.group).join(', ')}.` : `Not named: ${missing.map((f) => f.data.group).join(', ')}.`,
      [...at(parties, nl ? 'Partijen' : 'Parties'), ...locate(missing)],
    ),
  );

  const ambition = section('ambition');
  const vague = findingsOf('vague-ambition');
  const unstated = findingsOf('unstated-contribution');
  const contributions = section('contributions');
  const ambitionStatus: ScanStatus = !ambition ? 'red' : vague.length || unstated.length ? 'amber' : 'green';
  items.push(
    item(
      2,
      ambitionStatus,
      !ambition
        ? nl ? 'Er is geen sectie met de gezamenlijke ambitie.' : 'There is no section with the shared ambition.'
        : ambitionStatus === 'green'
          ? nl ? 'De ambitie is meetbaar en elke partij noemt haar bijdrage.' : 'The ambition is measurable and every party states its contribution.'
          : nl ? `Vage ambities: ${vague.length}; partijen zonder concrete bijdrage: ${unstated.length}.` : `Vague ambitions: ${vague.length}; parties without a concrete contribution: ${unstated.length}.`,
      [...at(ambition, nl ? 'Ambitie' : 'Ambition'), ...at(contributions, nl ? 'Bijdragen' : 'Contributions'), ...locate(vague), ...locate(unstated)],
    ),
  );

  const interests = section('interests');
  items.push(
    item(
      3,
      interests ? 'green' : has(INTERESTS, model.plain) ? 'amber' : 'red',
      interests
        ? nl ? 'De belangen van partijen staan op papier.' : 'The parties’ interests are written down.'
        : nl ? 'Er is geen sectie waarin elke partij haar eigen belang noemt.' : 'No section where each party names its own interest.',
      at(interests, nl ? 'Belangen' : 'Interests'),
    ),
  );

  const meetings = section('meetings');
  const meetingText = sectionText(meetings);
  const rhythm = has(FREQUENCY, meetingText || model.plain);
  const continuity = has(CONTINUITY, model.plain);
  items.push(
    item(
      4,
      rhythm && continuity ? 'green' : rhythm || meetings ? 'amber' : 'red',
      [
        rhythm ? (nl ? 'Er is een vast overlegritme.' : 'There is a fixed meeting rhythm.') : nl ? 'Er staat geen vast overlegritme in.' : 'No fixed meeting rhythm is stated.',
        continuity ? (nl ? 'Wisseling van sleutelspelers is geregeld.' : 'A change of key players is covered.') : nl ? 'Niets over wat er gebeurt als sleutelspelers wisselen.' : 'Nothing on what happens when key players change.',
      ].join(' '),
      at(meetings, nl ? 'Overleg' : 'Meetings'),
    ),
  );

  const roles = section('roles');
  items.push(
    item(
      5,
      roles ? 'green' : has(ROLES, model.plain) ? 'amber' : 'red',
      roles
        ? nl ? 'Rollen, taken en verantwoordelijkheden zijn beschreven.' : 'Roles, tasks and responsibilities are described.'
        : nl ? 'Er is geen sectie met rollen, taken en verantwoordelijkheden.' : 'No section on roles, tasks and responsibilities.',
      at(roles, nl ? 'Rollen' : 'Roles'),
    ),
  );

  const communication = section('communication');
  const commText = sectionText(communication) || model.plain;
  const contacts = has(CONTACTS, commText);
  const beforePublic = !!communication && has(BEFORE_PUBLIC, commText);
  items.push(
    item(
      6,
      communication && contacts && beforePublic ? 'green' : communication || contacts ? 'amber' : 'red',
      [
        contacts ? (nl ? 'Er zijn vaste aanspreekpunten.' : 'There are fixed points of contact.') : nl ? 'Geen vaste aanspreekpunten genoemd.' : 'No fixed points of contact.',
        beforePublic ? (nl ? 'Afspraken over naar buiten treden staan erin.' : 'Agreements on going public are included.') : nl ? 'Geen afspraak om elkaar te informeren vóór het naar buiten gaat.' : 'No agreement to inform each other before going public.',
      ].join(' '),
      at(communication, nl ? 'Communicatie' : 'Communication'),
    ),
  );
  return items;
}
