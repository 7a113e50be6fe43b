import type { Nodes, Root, PhrasingContent } from 'mdast';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { parseMarkdown } from './parse';
import { LineIndex, normalize, type Span } from './text';
import type { Language, Notice } from './types';
import {
  STAKEHOLDER_GROUPS,
  classifyHeading,
  groupMatches,
  kindIn,
  languageFromValue,
  languageVotes,
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
  /** What the front matter's `type:` says, also when it is no partnership kind ("jaarverslag"). */
  declaredType: string | null;
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
  const hidden: Span[] = [];
  const visit = (node: Nodes): void => {
    const { start, end } = spanOf(node);
    switch (node.type) {
      case 'html':
      case 'code':
      case 'image':
      case 'imageReference':
      case 'definition':
        hidden.push({ start, end });
        return;
      case 'link': {
        // Keep the link text, blank the target: URLs are full of digits that are no anchor.
        const last = node.children.at(-1);
        hidden.push({ start: last ? spanOf(last).end : start, end });
        break;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  if (!hidden.length) return text;
  hidden.sort((x, y) => x.start - y.start);
  const parts: string[] = [];
  let at = 0;
  for (const span of hidden) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    parts.push(text.slice(at, start), text.slice(start, span.end).replace(/[^\r\n]/g, ' '));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function readFrontMatter(node: (Span & { value: string }) | null, index: LineIndex, notices: Notice[]): FrontMatter | null {
  if (!node) return null;
  const span = { start: node.start, end: node.end };
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

/** A name that may be a party, found in a list item, table row or bold text; kept only if in the parties section. */
interface PartyCandidate extends Span {
  name: string;
}

/**
 * What one chunk of the document says, in offsets relative to the chunk. Chunks are parsed on their own and cached
 * by their text, so a keystroke re-parses one paragraph, not the whole plan.
 */
interface ChunkFacts {
  plain: string;
  headings: Heading[];
  blocks: Array<Omit<Block, 'section'>>;
  partyCandidates: PartyCandidate[];
  mentions: Mention[];
  /** The YAML front matter, only ever in the first chunk. */
  yaml: (Span & { value: string }) | null;
  /** Dutch and English word counts outside the front matter. */
  votes: { nl: number; en: number };
}

function shift<T extends Span>(span: T, by: number): T {
  return { ...span, start: span.start + by, end: span.end + by };
}

function chunkFacts(text: string): ChunkFacts {
  const tree = parseMarkdown(text);
  const plain = plainText(text, tree);
  const headings: Heading[] = [];
  const blocks: ChunkFacts['blocks'] = [];
  const partyCandidates: PartyCandidate[] = [];

  const walk = (node: Nodes, listItem?: Block['listItem']): void => {
    switch (node.type) {
      case 'heading': {
        const span = spanOf(node);
        headings.push({ ...span, depth: node.depth, text: phrasingText(node.children).trim() });
        blocks.push({ ...span, type: 'heading', text: plain.slice(span.start, span.end) });
        return;
      }
      case 'paragraph': {
        const span = spanOf(node);
        blocks.push({ ...span, type: 'paragraph', text: plain.slice(span.start, span.end), listItem });
        // Bold names in running text may be parties ("**Gemeente X** en **Stichting Y** spreken af …").
        if (!listItem) for (const child of node.children) if (child.type === 'strong') partyCandidates.push({ name: phrasingText(child.children), ...spanOf(child) });
        return;
      }
      case 'list': {
        const listSpan = spanOf(node);
        for (const item of node.children) {
          const itemSpan = spanOf(item);
          const marker = text.slice(itemSpan.start, itemSpan.start + 16).match(/^\s*([-*+]|\d+[.)])/)?.[1] ?? '-';
          const info = { item: itemSpan, list: { ...listSpan, ordered: node.ordered ?? false, marker } };
          // Only an item's own first paragraph names a party; nested lists describe it.
          if (!listItem) {
            const para = item.children.find((c) => c.type === 'paragraph');
            const label = para && para.type === 'paragraph' ? partyLabel(para.children) : null;
            if (label && para) partyCandidates.push({ name: label.name, ...spanOf(para) });
          }
          for (const child of item.children) walk(child, info);
        }
        return;
      }
      case 'table': {
        const tableSpan = spanOf(node);
        const columns = node.children[0]?.children.length ?? 0;
        node.children.forEach((row, i) => {
          const span = spanOf(row);
          blocks.push({
            ...span,
            type: 'table-row',
            text: plain.slice(span.start, span.end),
            table: { cells: row.children.slice(0, columns).map(spanOf), header: i === 0, tableSpan, columns },
          });
          if (i > 0 && !listItem && row.children[0]) partyCandidates.push({ name: phrasingText(row.children[0].children), ...span });
        });
        return;
      }
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes, listItem);
    }
  };
  for (const child of tree.children) walk(child);

  const first = tree.children[0];
  const yaml = first && first.type === 'yaml' ? { ...spanOf(first), value: first.value } : null;
  const mentions: Mention[] = [];
  for (const group of STAKEHOLDER_GROUPS) for (const span of groupMatches(group, plain)) mentions.push({ group: group.id, ...span });
  return { plain, headings, blocks, partyCandidates, mentions, yaml, votes: languageVotes(plain.slice(yaml?.end ?? 0)) };
}

/**
 * Where the document can be cut into chunks that parse exactly as they do in the whole: before a line at column 0
 * that follows a blank line and can only start a new top-level block (not a list item, which would join the list
 * before it), outside fenced code, HTML comments and front matter. Documents with reference or footnote
 * definitions, which act across the whole document, are not cut.
 */
export function chunkBoundaries(text: string): number[] {
  if (/^ {0,3}\[[^\]\n]+\]:/m.test(text) || /^ {0,3}<(\?|![A-Za-z]|!\[CDATA\[|script|pre|style|textarea)/im.test(text)) return [0];
  const cuts = [0];
  let offset = 0;
  let fence: string | null = null;
  let inComment = false;
  let previousBlank = false;
  let inFrontMatter = text.startsWith('---\n') || text.startsWith('---\r\n');
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const content = line.replace(/\r$/, '');
    if (inFrontMatter) {
      if (lineNumber++ > 0 && /^(---|\.\.\.)\s*$/.test(content)) inFrontMatter = false;
      previousBlank = false;
      continue;
    }
    lineNumber++;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(content);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null;
      previousBlank = false;
      continue;
    }
    if (inComment) {
      if (content.includes('-->')) inComment = false;
      previousBlank = false;
      continue;
    }
    const blank = content.trim() === '';
    if (previousBlank && !blank && /^[^\s]/.test(content) && !/^([-*+]|\d{1,9}[.)])(\s|$)/.test(content) && worthCutting(content, lineStart - cuts[cuts.length - 1])) {
      cuts.push(lineStart);
    }
    const open = /^ {0,3}(`{3,}(?!.*`)|~{3,})/.exec(content);
    if (open) fence = open[1].replace(/[^`~]/g, '');
    else if (/^ {0,3}<!--/.test(content) && !content.slice(content.indexOf('<!--') + 4).includes('-->')) inComment = true;
    previousBlank = blank;
  }
  return cuts;
}

/**
 * Parsing many tiny chunks costs more than it saves, so only some safe places become cuts: headings, about one in
 * four other blocks, and any place once a chunk has grown large. The choice depends on the line itself (a hash), not
 * on where earlier cuts fell, so an edit moves no cut but its own and every other chunk stays cached.
 */
function worthCutting(line: string, chunkLength: number): boolean {
  if (/^#{1,6}(\s|$)/.test(line) || chunkLength > 16_384) return true;
  let hash = 2166136261;
  for (let i = 0; i < Math.min(line.length, 64); i++) hash = Math.imul(hash ^ line.charCodeAt(i), 16777619);
  return (hash >>> 0) % 4 === 0;
}

export type ChunkCache = Map<string, ChunkFacts>;

/**
 * Builds the document model. With a cache (one per open document), the document is cut into chunks and those whose
 * text did not change are reused. Without one it is parsed whole; `chunked` forces either way (for the tests).
 */
export function buildModel(text: string, options: { cache?: ChunkCache; chunked?: boolean } = {}): DocumentModel {
  const index = new LineIndex(text);
  // Without a cache there is nothing to reuse, and one parse of the whole is faster than many of its parts.
  const cuts = options.chunked === false || (!options.cache && options.chunked !== true) ? [0] : chunkBoundaries(text);
  const previous = options.cache ? new Map(options.cache) : undefined;
  options.cache?.clear();

  const plainParts: string[] = [];
  const headings: Heading[] = [];
  const rawBlocks: ChunkFacts['blocks'] = [];
  const candidates: PartyCandidate[] = [];
  const chunkMentions: Mention[] = [];
  let yaml: ChunkFacts['yaml'] = null;
  const votes = { nl: 0, en: 0 };
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i];
    const chunk = text.slice(at, cuts[i + 1] ?? text.length);
    let facts = previous?.get(chunk);
    if (!facts) facts = chunkFacts(chunk);
    options.cache?.set(chunk, facts);
    plainParts.push(facts.plain);
    for (const h of facts.headings) headings.push(shift(h, at));
    for (const b of facts.blocks) {
      rawBlocks.push({
        ...shift(b, at),
        listItem: b.listItem && { item: shift(b.listItem.item, at), list: shift(b.listItem.list, at) },
        table: b.table && { ...b.table, cells: b.table.cells.map((c) => shift(c, at)), tableSpan: shift(b.table.tableSpan, at) },
      });
    }
    for (const c of facts.partyCandidates) candidates.push(shift(c, at));
    for (const m of facts.mentions) chunkMentions.push(shift(m, at));
    if (i === 0) yaml = facts.yaml;
    votes.nl += facts.votes.nl;
    votes.en += facts.votes.en;
  }
  const plain = plainParts.join('');
  const notices: Notice[] = [];
  const frontMatter = readFrontMatter(yaml, index, notices);

  const sections = buildSections(headings, text.length);
  const blocks = assignSections(rawBlocks, sections);
  const title = headings.find((h) => h.depth === 1) ?? headings[0] ?? null;

  const kindValue = frontMatter ? firstValue(frontMatter.data, KIND_KEYS) : undefined;
  // Only the kinds Samenspel knows count: `type: jaarverslag` or `type: post` is front matter of something else.
  const fmKind = typeof kindValue === 'string' ? kindIn(kindValue) : null;
  const titleKind = title ? kindIn(title.text) : null;
  const kind = fmKind || titleKind;

  const languageValue = frontMatter ? firstValue(frontMatter.data, LANGUAGE_KEYS) : undefined;
  const language = languageFromValue(languageValue) ?? (votes.en > votes.nl ? 'en' : 'nl');

  const parties = frontMatterParties(text, frontMatter) ?? sectionParties(candidates, sections);
  const mentions = [...chunkMentions, ...partyMentions(parties)].sort((a, b) => a.start - b.start);

  return {
    text,
    index,
    plain,
    frontMatter,
    kind,
    kindSource: fmKind ? 'front-matter' : titleKind ? 'title' : null,
    declaredType: typeof kindValue === 'string' ? kindValue : null,
    language,
    title,
    sections,
    blocks,
    parties,
    mentions,
    notices,
  };
}

/** Blocks and sections are both in document order, so one sweep assigns each block its innermost section. */
function assignSections(rawBlocks: ChunkFacts['blocks'], sections: Section[]): Block[] {
  const withHeading = sections.filter((s) => s.heading);
  const stack: Section[] = [];
  let next = 0;
  return rawBlocks.map((b) => {
    while (next < withHeading.length && withHeading[next].start <= b.start) stack.push(withHeading[next++]);
    while (stack.length && stack[stack.length - 1].end <= b.start) stack.pop();
    return { ...b, section: stack[stack.length - 1] ?? sections[0] };
  });
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

function sectionParties(candidates: PartyCandidate[], sections: Section[]): Party[] {
  const partiesSection = sections.find((s) => s.cls === 'parties' && s.heading);
  if (!partiesSection) return [];
  const found: Party[] = [];
  for (const c of candidates) {
    if (c.start < partiesSection.start || c.start >= partiesSection.end) continue;
    const name = c.name.replace(/^(de|het|the)\s+/i, '').replace(/[*_`]/g, '').trim();
    if (!plausiblePartyName(name) || found.some((p) => normalize(p.name) === normalize(name))) continue;
    found.push({ name, type: partyType(name), origin: 'section', start: c.start, end: c.end });
  }
  return found;
}

/** A declared party names its group even when its name has no keyword ("Lucas Onderwijs", "Gemeente X"). */
function partyMentions(parties: Party[]): Mention[] {
  return parties.flatMap((party): Mention[] => {
    if (party.type === 'municipal') return [{ group: 'gemeentebestuur', start: party.start, end: party.end }];
    if (party.type === 'education') return [{ group: 'schoolbesturen', start: party.start, end: party.end }];
    return [];
  });
}
