import type { Block, DocumentModel, Section } from './model';
import type { OffsetEdit } from './rule';
import type { SectionClass } from './vocabulary';

/** The first section with a heading of the given classes, in the order the classes are given. */
export function findSection(model: DocumentModel, ...classes: SectionClass[]): Section | undefined {
  for (const cls of classes) {
    const found = model.sections.find((s) => s.heading && s.cls === cls && (!s.parent || s.parent.cls !== cls));
    if (found) return found;
  }
  return undefined;
}

/** Every section of the class that is not inside another of the same class, in document order. */
export function findSections(model: DocumentModel, cls: SectionClass): Section[] {
  return model.sections.filter((s) => s.heading && s.cls === cls && (!s.parent || s.parent.cls !== cls));
}

/** Where the section's own text ends: before its first subsection, trailing blank lines left out. */
export function ownEnd(model: DocumentModel, section: Section): number {
  const sub = model.sections.find((s) => s.parent === section);
  let end = sub ? sub.start : section.end;
  while (end > section.start && /\s/.test(model.text[end - 1])) end--;
  return end;
}

export function blocksIn(model: DocumentModel, section: Section, ownOnly = false): Block[] {
  const end = ownOnly ? ownEnd(model, section) : section.end;
  return model.blocks.filter((b) => b.start >= section.start && b.start < end && b.type !== 'heading');
}

/** Adds an item after the last list item in the section's own text; null when it has no list. */
export function appendListItem(model: DocumentModel, section: Section, line: string): OffsetEdit | null {
  const items = blocksIn(model, section, true).filter((b) => b.listItem);
  // The outermost list: a new party goes beside the others, not under the last one's details.
  const column = (b: Block): number => model.index.position(b.listItem!.item.start).character;
  const outer = Math.min(...items.map(column));
  const last = items.filter((b) => column(b) === outer).at(-1)?.listItem;
  if (!last) return null;
  const lineStart = model.index.lineStart(model.index.position(last.item.start).line);
  const indent = model.text.slice(lineStart, last.item.start).replace(/\S/g, ' ');
  // The last item's own marker: "3." is followed by "4.", "-" by "-".
  const marker = last.list.ordered ? `${parseInt(last.list.marker, 10) + 1}${last.list.marker.slice(-1)}` : last.list.marker;
  const at = model.index.lineEnd(last.item.end);
  return { start: at, end: at, newText: `${model.newline}${indent}${marker} ${line}` };
}

/** Adds a row after the last row of the first table in the section; null when it has none. */
export function appendTableRow(model: DocumentModel, section: Section, cells: (columns: number, header: string[]) => string[]): OffsetEdit | null {
  const rows = blocksIn(model, section).filter((b) => b.table);
  if (!rows.length) return null;
  const table = rows[0].table!.tableSpan;
  const sameTable = rows.filter((r) => r.table!.tableSpan.start === table.start);
  const header = sameTable[0].table!.cells.map((c) => model.plain.slice(c.start, c.end).replace(/\|/g, '').trim());
  const last = sameTable.at(-1)!;
  const at = model.index.lineEnd(last.end);
  const values = cells(last.table!.columns, header);
  return { start: at, end: at, newText: `${model.newline}| ${values.join(' | ')} |` };
}

/** Adds a paragraph-level block at the end of the section's own text. */
export function appendToSection(model: DocumentModel, section: Section, markdown: string): OffsetEdit {
  const at = ownEnd(model, section);
  const nl = model.newline;
  return { start: at, end: at, newText: `${nl}${nl}${markdown}` };
}

/** Inserts a new section before `before`, or at the end of the document; at `before`'s level unless told. */
export function insertSection(model: DocumentModel, heading: string, body: string, before?: Section, depth = before?.heading?.depth ?? 2): OffsetEdit {
  return insertBlocks(model, [`${'#'.repeat(depth)} ${heading}`, body], before);
}

/** Inserts blocks (separated by blank lines) before `before`, or at the end of the document. */
export function insertBlocks(model: DocumentModel, blocks: string[], before?: Section): OffsetEdit {
  const nl = model.newline;
  const block = blocks.join(nl + nl);
  if (before) return { start: before.start, end: before.start, newText: `${block}${nl}${nl}` };
  let at = model.text.length;
  while (at > 0 && /\s/.test(model.text[at - 1])) at--;
  return { start: at, end: at, newText: `${at > 0 ? nl + nl : ''}${block}${nl}` };
}

/** The top-level section that follows `section`, to insert a new one in front of. */
export function nextSibling(model: DocumentModel, section: Section): Section | undefined {
  return model.sections.find((s) => s.heading && s.start >= section.end && s.heading.depth <= section.heading!.depth);
}
