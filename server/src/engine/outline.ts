/**
 * The document's outline for the editor (Outline view, breadcrumbs): its sections as a tree, each with what Samenspel
 * takes it for (parties, ambition, contributions …), and inside the parties, ambition and contributions sections
 * their parties, ambitions and contributions. Plain ranges; the server maps them to LSP symbols.
 */
import type { Block, DocumentModel, Section } from './model';
import type { Language, Range } from './types';
import type { SectionClass } from './vocabulary';

export type OutlineKind = 'section' | 'party' | 'ambition' | 'contribution';

export interface OutlineItem {
  name: string;
  /** What the section is for Samenspel ("partijen"), or the party's kind of organisation. */
  detail?: string;
  kind: OutlineKind;
  range: Range;
  /** The heading or name itself, inside `range`. */
  selectionRange: Range;
  children: OutlineItem[];
}

const CLASS_LABELS: Record<Language, Record<SectionClass, string>> = {
  nl: {
    parties: 'partijen',
    involvement: 'betrokkenen',
    ambition: 'ambitie',
    contributions: 'bijdragen',
    background: 'aanleiding',
    method: 'werkwijze',
    interests: 'belangen',
    roles: 'rollen en taken',
    meetings: 'overleg',
    communication: 'communicatie',
    evaluation: 'evaluatie',
    signature: 'ondertekening',
  },
  en: {
    parties: 'parties',
    involvement: 'stakeholders',
    ambition: 'ambition',
    contributions: 'contributions',
    background: 'background',
    method: 'method',
    interests: 'interests',
    roles: 'roles and tasks',
    meetings: 'meetings',
    communication: 'communication',
    evaluation: 'evaluation',
    signature: 'signatures',
  },
};

const FRONT_MATTER_PARTIES: Record<Language, string> = { nl: 'Partijen (voorwerk)', en: 'Parties (front matter)' };

/** A short name for a block of text: its bold lead, else its first words. */
function shortName(model: DocumentModel, block: Block): string {
  const span = block.lead ?? (block.table ? block.table.cells[0] : block);
  const text = model.plain.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

/** A section's range ends where its text does, not after the blank lines before the next heading. */
function trimmedEnd(model: DocumentModel, start: number, end: number): number {
  while (end > start && /\s/.test(model.text[end - 1])) end--;
  return end;
}

export function documentOutline(model: DocumentModel): OutlineItem[] {
  const lang = model.language;
  const range = (start: number, end: number): Range => model.index.range(start, trimmedEnd(model, start, end));
  const items = new Map<Section, OutlineItem>();
  const top: OutlineItem[] = [];

  if (model.frontMatter && model.parties.some((p) => p.origin === 'front-matter')) {
    const fm = model.frontMatter;
    top.push({
      name: FRONT_MATTER_PARTIES[lang],
      detail: CLASS_LABELS[lang].parties,
      kind: 'section',
      range: range(fm.start, fm.end),
      selectionRange: range(fm.start, fm.end),
      children: model.parties.filter((p) => p.origin === 'front-matter' && p.start >= fm.start && p.end <= fm.end).map((p) => ({ name: p.name, kind: 'party', range: range(p.start, p.end), selectionRange: range(p.start, p.end), children: [] })),
    });
  }

  for (const section of model.sections) {
    if (!section.heading) continue;
    const own = !section.parent?.heading || section.parent.cls !== section.cls;
    const item: OutlineItem = {
      name: section.heading.text || '…',
      ...(section.cls && own ? { detail: CLASS_LABELS[lang][section.cls] } : {}),
      kind: 'section',
      range: range(section.start, section.end),
      selectionRange: range(section.heading.start, section.heading.end),
      children: [],
    };
    items.set(section, item);
    const parent = section.parent && items.get(section.parent);
    (parent ? parent.children : top).push(item);
  }

  // What the parties, ambition and contributions sections hold, under their own (innermost) section.
  const byStart = (a: OutlineItem, b: OutlineItem): number => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  for (const party of model.parties) {
    if (party.origin !== 'section') continue;
    const section = innermost(model, party.start);
    const holder = section && items.get(section);
    if (holder) holder.children.push({ name: party.name, kind: 'party', range: range(party.start, party.end), selectionRange: range(party.start, party.end), children: [] });
  }
  // A list item is named by its first paragraph; its further paragraphs and nested items belong to it.
  let item: { start: number; end: number } | null = null;
  for (const block of model.blocks) {
    const cls = block.section.cls;
    if (block.type === 'heading' || block.table?.header || (cls !== 'ambition' && cls !== 'contributions')) continue;
    if (block.listItem) {
      if (item && block.listItem.item.start < item.end) continue;
      item = block.listItem.item;
    }
    const holder = items.get(block.section);
    const name = shortName(model, block);
    if (!holder || !name) continue;
    const span = block.listItem ? block.listItem.item : block;
    holder.children.push({ name, kind: cls === 'ambition' ? 'ambition' : 'contribution', range: range(span.start, span.end), selectionRange: range(block.start, block.end), children: [] });
  }
  for (const item of items.values()) item.children.sort(byStart);
  return top;
}

/** The innermost section with a heading that holds `offset`. */
function innermost(model: DocumentModel, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of model.sections) if (s.heading && s.start <= offset && offset < s.end) found = s;
  return found;
}
