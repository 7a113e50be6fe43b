import type { Nodes, Root, RootContent, PhrasingContent } from 'mdast';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { parseMarkdown } from './parse';
import { LineIndex, normalize, type Span } from './text';
import type { Language, Notice } from './types';
import {
  STAKEHOLDER_GROUPS,
  classifyHeading,
  detectLanguage,
  groupMatches,
  kindIn,
  languageFromValue,
  partyType,
  type PartyType,
  type SectionClass,
} from './vocabulary';

export interface Heading extends Span {
  depth: number;
  text: string;
}

export interface Section extends Span {
  /** Null for the text before the first heading. */
  heading: Heading | null;
  /** Own class from the heading, else the enclosing section's. */
  cls: SectionClass | null;
  parent: Section | null;
}

export type BlockType = 'paragraph' | 'table-row' | 'heading';

/** A unit of running text: a paragraph (also inside a list item), a table row or a heading. */
export interface Block extends Span {
  type: BlockType;
  section: Section;
  /** Plain text, same length as the source span (markup blanked), so offsets carry over. */
  text: string;
  /** For paragraphs in list items: the item and its list. */
  listItem?: { item: Span; list: Span & { ordered: boolean; marker: string } };
  /** For table rows: cell spans and whether it is the header row. */
  table?: { cells: Span[]; header: boolean; tableSpan: Span; columns: number };
}

export interface Party extends Span {
  name: string;
  type: PartyType;
  origin: 'front-matter' | 'section';
}

export interface Mention extends Span {
  group: string;
}

export interface FrontMatter extends Span {
  data: Record<string, unknown>;
}

export interface DocumentModel {
  text: string;
  index: LineIndex;
  /** The source with markup that readers do not see (comments, code, link targets) blanked out. */
  plain: string;
  frontMatter: FrontMatter | null;
  kind: string | null;
  kindSource: 'front-matter' | 'title' | null;
  language: Language;
  title: Heading | null;
  sections: Section[];
  blocks: Block[];
  parties: Party[];
  mentions: Mention[];
  notices: Notice[];
}

const PARTY_KEYS = ['partijen', 'parties', 'ondertekenaars', 'signatories'];
const KIND_KEYS = ['type', 'soort', 'kind', 'documenttype'];
const LANGUAGE_KEYS = ['taal', 'language', 'lang'];
const NAME_KEYS = ['naam', 'name', 'partij', 'party'];

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Text of phrasing content, HTML comments left out. */
function phrasingText(nodes: readonly (PhrasingContent | Nodes)[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if ('children' in node) out += phrasingText(node.children as Nodes[]);
  }
  return out;
}

/** Blanks what a reader does not see as prose, keeping every offset in place. */
function plainText(text: string, tree: Root): string {
  const chars = Array.from({ length: text.length }, (_, i) => text[i]);
  const visit = (node: Nodes): void => {
    const { start, end } = spanOf(node);
    switch (node.type) {
      case 'html':
      case 'code':
      case 'image':
      case 'imageReference':
      case 'definition':
        blank(chars, start, end);
        return;
      case 'link': {
        // Keep the link text, blank the target: URLs are full of digits that are no anchor.
        const last = node.children.at(-1);
        blank(chars, last ? spanOf(last).end : start, end);
        break;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return chars.join('');
}

function readFrontMatter(tree: Root, index: LineIndex, notices: Notice[]): FrontMatter | null {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return null;
  const span = spanOf(node);
  try {
    const data: unknown = parseYaml(node.value);
    if (data === null || data === undefined) return { ...span, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) {
      notices.push({ message: 'Front matter is geen lijst van sleutels en waarden / front matter is not a key-value map', range: index.range(span.start, span.end) });
      return { ...span, data: {} };
    }
    return { ...span, data: data as Record<string, unknown> };
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line : 0;
    const at = index.lineStart(index.position(span.start).line + line);
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    notices.push({
      message: `Front matter kan niet worden gelezen (YAML): ${detail}. De rest van het document wordt wel gecontroleerd.`,
      range: index.range(at, index.lineEnd(at)),
    });
    return { ...span, data: {} };
  }
}

function firstValue(data: Record<string, unknown>, keys: string[]): unknown {
  for (const [key, value] of Object.entries(data)) if (keys.includes(key.toLowerCase())) return value;
  return undefined;
}

function buildSections(headings: Heading[], length: number): Section[] {
  const root: Section = { start: 0, end: length, heading: null, cls: null, parent: null };
  const sections: Section[] = [root];
  const stack: Section[] = [];
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i];
    while (stack.length && stack[stack.length - 1].heading!.depth >= heading.depth) stack.pop();
    const parent = stack[stack.length - 1] ?? root;
    let end = length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].depth <= heading.depth) {
        end = headings[j].start;
        break;
      }
    }
    const cls = classifyHeading(heading.text) ?? (parent.heading && parent.heading.depth > 1 ? parent.cls : null);
    const section: Section = { start: heading.start, end, heading, cls, parent };
    sections.push(section);
    stack.push(section);
  }
  return sections;
}

/** The innermost section holding `offset`: the one of the last heading at or before it. */
export function sectionAt(sections: Section[], offset: number): Section {
  let found = sections[0];
  for (const s of sections) if (s.heading && s.start <= offset && offset < s.end) found = s;
  return found;
}

/** A party's name in a list item or line: the bold part, else the text before ':', '–', '(' or ','. */
function partyLabel(nodes: readonly PhrasingContent[]): { name: string; node: PhrasingContent } | null {
  const first = nodes.find((n) => !(n.type === 'text' && !n.value.trim()) && n.type !== 'html');
  if (!first) return null;
  if (first.type === 'strong') return { name: phrasingText(first.children).trim(), node: first };
  const text = phrasingText(nodes);
  const name = text.split(/\s*(?::|–|—| - |\(|,|;| vertegenwoordigd| represented)/)[0].trim();
  return name ? { name, node: first } : null;
}

function plausiblePartyName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  // Council and directors take part, but do not sign: they are no party to the agreement.
  return !STAKEHOLDER_GROUPS.some((g) => !g.organisation && g.patterns.some((re) => {
    re.lastIndex = 0;
    const m = re.exec(name);
    return m !== null && m.index === 0 && m[0].length >= name.length - 1;
  }));
}

export function buildModel(text: string): DocumentModel {
  const index = new LineIndex(text);
  const tree = parseMarkdown(text);
  const notices: Notice[] = [];
  const frontMatter = readFrontMatter(tree, index, notices);
  const plain = plainText(text, tree);

  const headings: Heading[] = [];
  const rawBlocks: Array<Omit<Block, 'section'>> = [];

  const addParagraph = (node: Nodes, listItem?: Block['listItem']): void => {
    const span = spanOf(node);
    rawBlocks.push({ ...span, type: 'paragraph', text: plain.slice(span.start, span.end), listItem });
  };

  const walk = (node: Nodes, listItem?: Block['listItem']): void => {
    switch (node.type) {
      case 'heading': {
        const span = spanOf(node);
        headings.push({ ...span, depth: node.depth, text: phrasingText(node.children).trim() });
        rawBlocks.push({ ...span, type: 'heading', text: plain.slice(span.start, span.end) });
        return;
      }
      case 'paragraph':
        addParagraph(node, listItem);
        return;
      case 'list': {
        const listSpan = spanOf(node);
        for (const item of node.children) {
          const itemSpan = spanOf(item);
          const marker = text.slice(itemSpan.start).match(/^\s*([-*+]|\d+[.)])/)?.[1] ?? '-';
          const info = { item: itemSpan, list: { ...listSpan, ordered: node.ordered ?? false, marker } };
          for (const child of item.children) walk(child, info);
        }
        return;
      }
      case 'table': {
        const tableSpan = spanOf(node);
        const columns = node.children[0]?.children.length ?? 0;
        node.children.forEach((row, i) => {
          const span = spanOf(row);
          rawBlocks.push({
            ...span,
            type: 'table-row',
            text: plain.slice(span.start, span.end),
            table: { cells: row.children.slice(0, columns).map(spanOf), header: i === 0, tableSpan, columns },
          });
        });
        return;
      }
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes, listItem);
    }
  };
  for (const child of tree.children) walk(child);

  const sections = buildSections(headings, text.length);
  const blocks: Block[] = rawBlocks.map((b) => ({ ...b, section: sectionAt(sections, b.start) }));
  const title = headings.find((h) => h.depth === 1) ?? headings[0] ?? null;

  const kindValue = frontMatter ? firstValue(frontMatter.data, KIND_KEYS) : undefined;
  const fmKind = typeof kindValue === 'string' ? kindIn(kindValue) ?? normalize(kindValue) : null;
  const titleKind = title ? kindIn(title.text) : null;
  const kind = fmKind || titleKind;

  const languageValue = frontMatter ? firstValue(frontMatter.data, LANGUAGE_KEYS) : undefined;
  const bodyStart = frontMatter?.end ?? 0;
  const language = languageFromValue(languageValue) ?? detectLanguage(plain.slice(bodyStart));

  const parties = frontMatterParties(text, frontMatter) ?? sectionParties(tree, sections);
  const mentions = findMentions(plain, parties);

  return {
    text,
    index,
    plain,
    frontMatter,
    kind,
    kindSource: fmKind ? 'front-matter' : titleKind ? 'title' : null,
    language,
    title,
    sections,
    blocks,
    parties,
    mentions,
    notices,
  };
}

function frontMatterParties(text: string, frontMatter: FrontMatter | null): Party[] | null {
  if (!frontMatter) return null;
  const value = firstValue(frontMatter.data, PARTY_KEYS);
  if (!Array.isArray(value)) return null;
  const parties: Party[] = [];
  let searchFrom = frontMatter.start;
  for (const entry of value) {
    let name: unknown = entry;
    if (entry && typeof entry === 'object') name = firstValue(entry as Record<string, unknown>, NAME_KEYS);
    if (typeof name !== 'string' || !name.trim()) continue;
    name = name.trim();
    const at = text.indexOf(name as string, searchFrom);
    const start = at >= 0 && at < frontMatter.end ? at : frontMatter.start;
    const end = at >= 0 && at < frontMatter.end ? at + (name as string).length : frontMatter.start + 3;
    if (at >= 0) searchFrom = end;
    parties.push({ name: name as string, type: partyType(name as string), origin: 'front-matter', start, end });
  }
  return parties;
}

function sectionParties(tree: Root, sections: Section[]): Party[] {
  const partiesSection = sections.find((s) => s.cls === 'parties' && s.heading);
  if (!partiesSection) return [];
  const found: Party[] = [];
  const add = (name: string, span: Span): void => {
    const clean = name.replace(/^(de|het|the)\s+/i, '').replace(/[*_`]/g, '').trim();
    if (!plausiblePartyName(clean)) return;
    if (found.some((p) => normalize(p.name) === normalize(clean))) return;
    found.push({ name: clean, type: partyType(clean), origin: 'section', ...span });
  };
  const inSection = (node: Nodes): boolean => {
    const { start } = spanOf(node);
    return start >= partiesSection.start && start < partiesSection.end;
  };
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') return;
    if (node.type === 'listItem' && inSection(node)) {
      const para = node.children.find((c) => c.type === 'paragraph');
      if (para && para.type === 'paragraph') {
        const label = partyLabel(para.children);
        if (label) add(label.name, spanOf(para));
      }
      return;
    }
    if (node.type === 'table' && inSection(node)) {
      for (const row of node.children.slice(1)) {
        const cell = row.children[0];
        if (cell) add(phrasingText(cell.children), spanOf(row));
      }
      return;
    }
    if (node.type === 'paragraph' && inSection(node)) {
      for (const child of node.children) if (child.type === 'strong') add(phrasingText(child.children), spanOf(child));
      return;
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  visit(tree);
  return found;
}

function findMentions(plain: string, parties: Party[]): Mention[] {
  const mentions: Mention[] = [];
  for (const group of STAKEHOLDER_GROUPS) {
    for (const span of groupMatches(group, plain)) mentions.push({ group: group.id, ...span });
  }
  // A declared party names its group even when its name has no keyword ("Lucas Onderwijs", "Gemeente X").
  for (const party of parties) {
    if (party.type === 'municipal') mentions.push({ group: 'gemeentebestuur', start: party.start, end: party.end });
    if (party.type === 'education') mentions.push({ group: 'schoolbesturen', start: party.start, end: party.end });
  }
  return mentions.sort((a, b) => a.start - b.start);
}
