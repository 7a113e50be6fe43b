/**
 * Completion of names where a writer lists who takes part: in a list item or table cell of the parties,
 * stakeholders or contributions section, the document's own parties (and the names it gives them) and the
 * stakeholder groups of the vocabulary, in the document's language.
 */
import type { DocumentModel, Section } from './model';
import type { Position, Range } from './types';
import { STAKEHOLDER_GROUPS, type SectionClass } from './vocabulary';

export interface NameCompletion {
  label: string;
  kind: 'party' | 'group';
  /** For a party: its other names; for a group: what it stands for. */
  detail: string;
}

export interface Completions {
  /** The text typed so far in the item or cell, which a chosen name replaces. */
  range: Range;
  items: NameCompletion[];
}

const CLASSES: SectionClass[] = ['parties', 'involvement', 'contributions'];
const LIST_ITEM = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)(?:\*\*)?/;

function sectionAt(model: DocumentModel, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of model.sections) if (s.heading && s.start <= offset && offset <= s.end && offset > s.heading.end) found = s;
  return found;
}

/** Names to offer at `position`, or null where none belong (not in an item or cell of those sections). */
export function nameCompletions(model: DocumentModel, position: Position): Completions | null {
  const offset = model.index.offset(position);
  const section = sectionAt(model, offset);
  if (!section?.cls || !CLASSES.includes(section.cls)) return null;
  const lineStart = model.index.lineStart(position.line);
  const before = model.text.slice(lineStart, offset);
  let from: number;
  const item = LIST_ITEM.exec(before);
  if (item) from = lineStart + item[0].length;
  else if (/^\s*\|/.test(before)) from = lineStart + before.lastIndexOf('|') + 1;
  else return null;
  while (from < offset && /[ \t]/.test(model.text[from])) from++;
  const typed = model.text.slice(from, offset);
  // Past a name and its separator ("Gemeente X: …"), the writer is writing about it, not naming it.
  if (/[:;,(]/.test(typed)) return null;

  const lang = model.language;
  const seen = new Set<string>();
  const items: NameCompletion[] = [];
  const add = (c: NameCompletion): void => {
    const key = c.label.toLowerCase();
    if (!c.label || seen.has(key)) return;
    seen.add(key);
    items.push(c);
  };
  for (const party of model.parties) add({ label: party.name, kind: 'party', detail: party.aliases.join(', ') });
  for (const group of STAKEHOLDER_GROUPS) add({ label: group.line[lang], kind: 'group', detail: group.label[lang] });
  return { range: model.index.range(from, offset), items };
}
