/**
 * What one chunk of Markdown says: its clean text, headings (real and pseudo), blocks and party candidates. Chunks
 * are parsed on their own and cached by their text, so a keystroke re-parses one paragraph, not the whole plan.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { parseMarkdown } from '../parse';
import { suppressionMarkers, type SuppressionMarker } from '../suppress';
import { cutAtParenthesis, type Span } from '../text';
import { FIELD, STAKEHOLDER_GROUPS, classifyHeading, groupMentions, languageVotes } from '../vocabulary';
import type { Block, Heading } from './types';

/** A name that may be a party, found in a list item, table row, bold text or prose list; kept only where parties are. */
export interface PartyCandidate extends Span {
  name: string;
  /** The whole text it came from, where aliases ("hierna te noemen: SKO") are defined. */
  context: string;
  /** From a prose list ("Partijen: A, B en C"), which counts wherever it stands. */
  prose?: boolean;
}

export interface ChunkMention extends Span {
  group: string;
}

export interface ChunkFacts {
  plain: string;
  headings: Heading[];
  blocks: Array<Omit<Block, 'section'>>;
  partyCandidates: PartyCandidate[];
  /** Where the built-in vocabulary names a stakeholder group. */
  mentions: ChunkMention[];
  /** The YAML front matter, only ever in the first chunk. */
  yaml: (Span & { value: string }) | null;
  /** Dutch and English word counts outside the front matter. */
  votes: { nl: number; en: number };
  /** `<!-- samenspel-disable … -->` comments. */
  markers: SuppressionMarker[];
  /** The top-level blocks (a whole list, a whole table): where a comment can go without breaking the structure. */
  topBlocks: Span[];
}

export function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Text of phrasing content, HTML comments left out. A loop, not recursion: emphasis may nest thousands deep. */
export function phrasingText(nodes: readonly (PhrasingContent | Nodes)[]): string {
  let out = '';
  const stack: Nodes[] = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return out;
}

/**
 * Blanks what a reader does not see as prose, keeping every offset in place: comments, code, images, link targets,
 * and the syntax around text (heading marks, emphasis delimiters, table pipes, quote marks). Rules get clean text.
 */
/** "<invullen>" parses as a tag, but it is a field of the vocabulary's placeholders. */
function isFieldTag(html: string): boolean {
  return FIELD.exec(html)?.[0] === html;
}

function plainText(text: string, tree: Root): string {
  const hidden: Span[] = [];
  const aroundChildren = (node: Nodes & { children: Nodes[] }): void => {
    const { start, end } = spanOf(node);
    const first = node.children[0];
    const last = node.children.at(-1);
    if (!first || !last) return void hidden.push({ start, end });
    hidden.push({ start, end: spanOf(first).start }, { start: spanOf(last).end, end });
  };
  // A loop over a stack, not recursion: inline markup may nest thousands deep. The order does not matter, the
  // hidden spans are sorted below.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) visit(node);
  function visit(node: Nodes): void {
    const { start, end } = spanOf(node);
    switch (node.type) {
      case 'html':
        // The writer means a field to fill in, not markup: keep it visible.
        if (isFieldTag(node.value)) return;
        hidden.push({ start, end });
        return;
      case 'code':
      case 'image':
      case 'imageReference':
      case 'definition':
      case 'yaml':
        hidden.push({ start, end });
        return;
      case 'link': {
        // Keep the link text, blank the target: URLs are full of digits that are no anchor.
        const last = node.children.at(-1);
        hidden.push({ start: last ? spanOf(last).end : start, end });
        if (node.children[0]) hidden.push({ start, end: spanOf(node.children[0]).start });
        break;
      }
      case 'heading':
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'tableCell':
        aroundChildren(node as Nodes & { children: Nodes[] });
        break;
      case 'tableRow':
        // Pipes between and around cells.
        for (let i = start; i < end; i++) if (text[i] === '|') hidden.push({ start: i, end: i + 1 });
        break;
      case 'blockquote':
        for (const m of text.slice(start, end).matchAll(/^[ \t]*(>[ \t]?)+/gm)) hidden.push({ start: start + m.index, end: start + m.index + m[0].length });
        break;
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
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

/** A party's name in a list item or line: the bold part, else the text before ':', '–', '(' or ','. */
function partyLabel(nodes: readonly PhrasingContent[]): string | null {
  const first = nodes.find((n) => !(n.type === 'text' && !n.value.trim()) && n.type !== 'html');
  if (!first) return null;
  if (first.type === 'strong') return phrasingText(first.children).trim();
  const name = textBefore(phrasingText(nodes), LABEL_END);
  return name || null;
}

/**
 * Where a party's name ends in a line: the text before the first of these, trimmed. Searched without a leading
 * `\s*`, which would make a run of spaces quadratic; trimming gives the same name.
 */
const LABEL_END = /:|–|—| - |\(|,|;| vertegenwoordigd| represented| gevestigd| statutair| located| of [\p{N}]/u;
const LINE_LABEL_END = /:|–|—| - |\(|,|;| vertegenwoordigd| represented| gevestigd/u;

function textBefore(text: string, end: RegExp): string {
  const at = text.search(end);
  return (at < 0 ? text : text.slice(0, at)).trim();
}

/** "Partijen: Gemeente X, Stichting Y en Z." names its parties in running text. */
const PROSE_PARTIES = /^\s*(?:partijen|parties|partners|betrokken partijen|ondertekenaars|signatories|tussen|between)\s*(?:zijn|are)?\s*:\s*(.+)$/isu;

function proseParties(text: string, base: number): Array<{ name: string; start: number; end: number }> {
  const m = PROSE_PARTIES.exec(text);
  if (!m) return [];
  const list = m[1].replace(/[.;]\s*$/, '');
  const out: Array<{ name: string; start: number; end: number }> = [];
  const listStart = text.length - m[1].length;
  let at = 0;
  // (?<!\s): the space before "en" is taken from its start, not retried from every space of a run.
  for (const piece of list.split(/,\s*|(?<!\s)\s+(?:en|and|&)\s+/u)) {
    const offset = list.indexOf(piece, at);
    at = offset + piece.length;
    const name = cutAtParenthesis(piece).trim();
    if (name) out.push({ name, start: base + listStart + offset, end: base + listStart + offset + piece.length });
  }
  return out;
}

const ORGANISATION_WORD = /(?<![\p{L}])(gemeente|stichting|vereniging|scholengroep|onderwijsgroep|bestuur|school|kindcentrum|ikc|kinderopvang|samenwerkingsverband|bibliotheek|ggd|council|trust|academy|diocese|federation|b\.?v\.?)(?![\p{L}])/iu;

/**
 * A paragraph that does the work of a heading: "**Partijen**", "Artikel 4 – Bijdragen", "2.3 Ambities" or
 * "De ondergetekenden:" on a line of its own. Only when its words name a section, so a bold party name stays a name.
 * The depth follows the numbering ("2.3" is under "2"); bold and lead-in lines sit under any real heading.
 */
function pseudoHeading(text: string, nodes: readonly PhrasingContent[]): { depth: number; text: string } | null {
  const line = text.trim();
  if (!line || line.includes('\n') || line.length > 90) return null;
  // A line of a table of contents ("5. Financiering ........ 8") points to a heading; it is none.
  // Each run of dots or spaces is tried from its start only, so a long run is not rescanned from every character.
  if (/(?:(?<!\.)\.{3,}|…|(?<!\s)\s{3})\s*\p{N}{1,3}\s*$/u.test(line)) return null;
  const onlyBold = (nodes.length === 1 && nodes[0].type === 'strong') || (nodes.length === 2 && nodes[0].type === 'strong' && nodes[1].type === 'text' && /^\s*(?::\s*)?$/.test(nodes[1].value));
  // "3.1 The Parties' shared aims are:" is a numbered clause that leads in to a list, not a heading.
  const numbered = !/:\s*$/.test(line) && (/^(artikel|article|hoofdstuk|chapter|paragraaf|section)\s+\p{N}+|^\p{N}+(\.\p{N}+)*\.?\s+\p{Lu}/u.test(line) || /^(artikel|article)\s+\p{N}+/iu.test(line));
  if (!onlyBold && !numbered && !/^\p{Lu}[^.!]*[?:]?$/u.test(line)) return null;
  const label = line.replace(/:\s*$/, '').replace(/[*_]/g, '').trim();
  // "3. Stichting X: € 40.000" is an item with a value, not a heading.
  if (label.split(/\s+/).length > 8 || /:\s*\S/.test(label.replace(/^[^:]*–/, ''))) return null;
  // Bold and numbered lines name their section in a few words; a plain line or lead-in ("De ondergetekenden:")
  // only when it is nothing but a section name, so "Partijen komen het volgende overeen:" stays text. A short
  // numbered title ("4. Investeringsprogramma 2026–2041") ends the section before it even if it names no class.
  const numberedTitle = numbered && label.split(/\s+/).length <= 8 && !/[.;:,]$/.test(label) && /^((artikel|article|hoofdstuk|chapter)\s+)?\p{N}+(\.\p{N}+)*\.?\s/iu.test(label);
  // A bold line on its own that names no organisation ("**Route bij verzuim**") is a heading too: a bold party
  // name ("**Gemeente Rivierstad**") stays a name.
  const boldTitle = onlyBold && label.split(/\s+/).length <= 6 && !/[.;,]$/.test(label) && !ORGANISATION_WORD.test(label);
  if (!classifyHeading(label, !onlyBold && !numbered) && !numberedTitle && !boldTitle) return null;
  const parts = /^(?:artikel|article|hoofdstuk|chapter|paragraaf|section)?\s*(\p{N}+(?:\.\p{N}+)*)/iu.exec(label)?.[1];
  const depth = parts ? Math.min(6, parts.split('.').length + 1) : 6;
  return { depth, text: label };
}

/**
 * Text extracted from a PDF runs headings into paragraphs ("4.1 Taal\nWat willen we bereiken?\nIeder kind …"). A line
 * of a paragraph that is a heading on its own splits the paragraph there, so the sentences after it get its section.
 */
const ENUMERATED_LINE = /^\s*(\(?[a-z]\)|[a-z][.)]|\(?\p{N}{1,2}\)|\p{N}{1,2}(\.\p{N}{1,2})*\.?|[•·▪■◦–]|o(?=\s{2}|\t))\s+\S/u;
/** Of those, the items of a list ("a.", "(b)", "•"), not the numbered clauses of an article ("2.1"). */
const ITEM_LINE = /^\s*(\(?[a-z]\)|[a-z][.)]|\(\p{N}{1,2}\)|[•·▪■◦–]|o(?=\s{2}|\t))\s+\S/u;

/** `end` moved before the CR of a CRLF that follows it: a span ends where its line does, not between CR and LF. */
function beforeCr(text: string, end: number): number {
  return text[end - 1] === '\r' ? end - 1 : end;
}

function splitAtHeadingLines(plain: string, span: Span): Array<Span & { heading?: { depth: number; text: string } }> {
  const text = plain.slice(span.start, span.end);
  if (!text.includes('\n')) return [span];
  const parts: Array<Span & { heading?: { depth: number; text: string } }> = [];
  let blockStart = span.start;
  let at = span.start;
  for (const line of text.split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    const heading = line.trim() ? pseudoHeading(line, []) : null;
    if (heading) {
      if (lineStart > blockStart) parts.push({ start: blockStart, end: beforeCr(plain, lineStart - 1) });
      parts.push({ start: lineStart, end: lineStart + line.trimEnd().length, heading });
      blockStart = at;
    } else if (lineStart > blockStart && ENUMERATED_LINE.test(line)) {
      // "a. …", "(b) …", "2.3 …", "• …" on a line of its own: an item of a list that lost its Markdown.
      parts.push({ start: blockStart, end: beforeCr(plain, lineStart - 1) });
      blockStart = lineStart;
    }
  }
  if (blockStart < span.end) parts.push({ start: blockStart, end: span.end });
  return parts.filter((p) => p.end > p.start);
}

export function chunkFacts(text: string): ChunkFacts {
  const tree = parseMarkdown(text);
  const plain = plainText(text, tree);
  const headings: Heading[] = [];
  const blocks: ChunkFacts['blocks'] = [];
  const partyCandidates: PartyCandidate[] = [];

  /** Parties named in running text: a prose list, or lines that keep their bullets or letters as characters. */
  const textCandidates = (span: Span): void => {
    for (const p of proseParties(plain.slice(span.start, span.end), span.start)) partyCandidates.push({ ...p, context: p.name, prose: true });
    // Text from a PDF keeps its bullets and letters: "•   de gemeente Wadderveen;", "a) Harwick Borough Council, …".
    for (const m of plain.slice(span.start, span.end).matchAll(/^[ \t]*(?:[•·▪■◦–-]|o(?=[ \t]{2})|\(?[a-z]\)|[a-z][.)]|\(?\p{N}{1,2}[.)])[ \t]+([^\n]+)/gmu)) {
      const at = span.start + m.index + m[0].length - m[1].length;
      const name = textBefore(m[1], LINE_LABEL_END);
      if (name) partyCandidates.push({ name, start: at, end: at + m[1].length, context: m[1] });
    }
  };

  /** Running text, split where a line of it is a heading or an item of a list that lost its Markdown. */
  const pushParagraphs = (span: Span, lead: { lead?: Span } = {}): void => {
    for (const part of splitAtHeadingLines(plain, span)) {
      if (part.heading) headings.push({ start: part.start, end: part.end, ...part.heading, pseudo: true });
      const partText = plain.slice(part.start, part.end);
      const ownLead = lead.lead && lead.lead.start >= part.start && lead.lead.end <= part.end ? lead : {};
      blocks.push({ start: part.start, end: part.end, type: part.heading ? 'heading' : 'paragraph', text: partText, ...(ITEM_LINE.test(partText) ? { enumerated: true } : {}), ...ownLead });
    }
  };

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
        const clean = phrasingText(node.children);
        const pseudo = listItem ? null : pseudoHeading(clean, node.children);
        if (pseudo) {
          headings.push({ ...span, ...pseudo, pseudo: true });
          blocks.push({ ...span, type: 'heading', text: plain.slice(span.start, span.end) });
          return;
        }
        const first = node.children.find((c) => !(c.type === 'text' && !c.value.trim()));
        const lead = first?.type === 'strong' && node.children.length > 1 ? { lead: spanOf(first) } : {};
        if (listItem) {
          // "- Leesplezier krijgt een plek.\nWat gaan we doen?" — a heading line that lazily continues an item ends it.
          const [item, ...after] = splitAtHeadingLines(plain, span);
          const heading = after.findIndex((p) => p.heading);
          if (heading < 0) blocks.push({ ...span, type: 'paragraph', text: plain.slice(span.start, span.end), listItem, ...lead });
          else {
            const end = beforeCr(plain, after[heading].start - 1);
            blocks.push({ start: item.start, end, type: 'paragraph', text: plain.slice(item.start, end), listItem, ...lead });
            pushParagraphs({ start: after[heading].start, end: span.end });
          }
        } else pushParagraphs(span, lead);
        if (!listItem) {
          // Bold names in running text may be parties ("**Gemeente X** en **Stichting Y** spreken af …").
          for (const child of node.children) if (child.type === 'strong') partyCandidates.push({ name: phrasingText(child.children), ...spanOf(child), context: clean });
          textCandidates(span);
        }
        return;
      }
      case 'list': {
        const listSpan = spanOf(node);
        // "2. Partijen" on its own line parses as a list; so do "1. Inleiding" and "2. Partijen" with their text on
        // the next lines (text from a PDF). When every item starts with a numbered title and most of those name a
        // section, the items are sections: a heading line, then their text.
        if (!listItem && node.ordered) {
          const titles = node.children.map((item, i) => {
            const first = item.children[0];
            if (!first || first.type !== 'paragraph') return null;
            const start = spanOf(item).start;
            const lineEnd = text.indexOf('\n', start);
            const end = lineEnd < 0 || lineEnd > spanOf(first).end ? spanOf(first).end : beforeCr(text, lineEnd);
            const heading = pseudoHeading(`${(node.start ?? 1) + i}. ${text.slice(spanOf(first).start, end).trim()}`, end === spanOf(first).end ? first.children : []);
            return heading ? { item, start, end, heading } : null;
          });
          const named = titles.filter((t) => t && classifyHeading(t.heading.text)).length;
          if (titles.every(Boolean) && named * 2 >= titles.length) {
            for (const t of titles as Array<NonNullable<(typeof titles)[number]>>) {
              headings.push({ start: t.start, end: t.end, ...t.heading, pseudo: true });
              blocks.push({ start: t.start, end: t.end, type: 'heading', text: plain.slice(t.start, t.end) });
              const first = spanOf(t.item.children[0]);
              if (t.end < first.end) {
                const next = t.end + (text[t.end] === '\r' ? 2 : 1);
                pushParagraphs({ start: next, end: first.end });
                textCandidates({ start: next, end: first.end });
              }
              for (const child of t.item.children.slice(1)) walk(child as Nodes);
            }
            return;
          }
        }
        for (const item of node.children) {
          const itemSpan = spanOf(item);
          const marker = text.slice(itemSpan.start, itemSpan.start + 16).match(/^\s*([-*+]|\d+[.)])/)?.[1] ?? '-';
          const info = { item: itemSpan, list: { ...listSpan, ordered: node.ordered ?? false, marker } };
          // Only an item's own first paragraph names a party; nested lists describe it.
          if (!listItem) {
            const para = item.children.find((c) => c.type === 'paragraph');
            const label = para && para.type === 'paragraph' ? partyLabel(para.children) : null;
            if (label && para) partyCandidates.push({ name: label, ...spanOf(para), context: phrasingText(para.children) });
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
          const cells = row.children.slice(0, columns);
          blocks.push({
            ...span,
            type: 'table-row',
            text: plain.slice(span.start, span.end),
            table: { cells: cells.map(spanOf), cellTexts: cells.map((c) => phrasingText(c.children).trim()), header: i === 0, tableSpan, columns },
          });
          if (i > 0 && !listItem && cells[0]) partyCandidates.push({ name: phrasingText(cells[0].children).trim(), ...span, context: cells.map((c) => phrasingText(c.children)).join(' ') });
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
  const mentions: ChunkMention[] = groupMentions(STAKEHOLDER_GROUPS, plain);
  return { plain, headings, blocks, partyCandidates, mentions, yaml, votes: languageVotes(plain), markers: suppressionMarkers(text, tree), topBlocks: tree.children.map(spanOf) };
}

/**
 * Where the document can be cut into chunks that parse exactly as they do in the whole: before a line at column 0
 * that follows a blank line and can only start a new top-level block (not a list item, which would join the list
 * before it), outside fenced code, HTML comments and front matter, and never before a `---` line (which would open
 * front matter at the start of a chunk). Documents with reference or footnote definitions, which act across the
 * whole document, are not cut: any "[label]:" anywhere, also inside a quote or list item. Lines end at LF, CRLF or a
 * lone CR, as the parser reads them.
 */
export function chunkBoundaries(text: string, coarse = false): number[] {
  if (/\[[^\[\]\n\r]*\]:/.test(text) || /^ {0,3}<(\?|![A-Za-z]|!\[CDATA\[|script|pre|style|textarea)/im.test(text)) return [0];
  const cuts = [0];
  let offset = 0;
  let fence: string | null = null;
  let inComment = false;
  let previousBlank = false;
  let inFrontMatter = /^---[ \t]*(\r\n|\r|\n)/.test(text);
  let lineNumber = 0;
  for (const content of text.split(/\r\n|\r|\n/)) {
    const lineStart = offset;
    offset += content.length + (text[offset + content.length] === '\r' && text[offset + content.length + 1] === '\n' ? 2 : 1);
    if (inFrontMatter) {
      // Only "---" closes it, as for the parser (remark-frontmatter); "..." does not.
      if (lineNumber++ > 0 && /^---[ \t]*$/.test(content)) inFrontMatter = false;
      previousBlank = false;
      continue;
    }
    lineNumber++;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null;
      previousBlank = false;
      continue;
    }
    if (inComment) {
      if (content.includes('-->')) inComment = false;
      previousBlank = false;
      continue;
    }
    // Blank and indented as the parser reads them: spaces and tabs only, never a no-break space or a BOM (\s has both).
    const blank = /^[ \t]*$/.test(content);
    // Not before a BOM either: micromark would drop it at the start of a chunk, and reads it as text in the whole.
    if (previousBlank && !blank && /^[^ \t\ufeff]/.test(content) && !/^([-*+]|\d{1,9}[.)])([ \t]|$)/.test(content) && !/^---[ \t]*$/.test(content) && worthCutting(content, lineStart - cuts[cuts.length - 1], coarse)) {
      cuts.push(lineStart);
    }
    // (?!`) first: a shorter part of a run of backticks is no fence, and would rescan the line once per backtick.
    const open = /^ {0,3}(`{3,}(?!`)(?!.*`)|~{3,})/.exec(content);
    if (open) fence = open[1].replace(/[^`~]/g, '');
    else if (/^ {0,3}<!--/.test(content) && !content.slice(content.indexOf('<!--') + 4).includes('-->')) inComment = true;
    previousBlank = blank;
  }
  return cuts;
}

/**
 * Parsing many tiny chunks costs more than it saves, so only some safe places become cuts: headings, about one in
 * four other blocks, and any place once a chunk has grown large. The choice depends on the line itself (a hash), not
 * on where earlier cuts fell, so an edit moves no cut but its own and every other chunk stays cached. Coarse cuts,
 * for a document parsed once, come only once a chunk has grown large: the parser's time grows with the square of the
 * lists and quotes in what it parses, so a big document is not parsed in one piece where it can be cut.
 */
function worthCutting(line: string, chunkLength: number, coarse: boolean): boolean {
  if (chunkLength > 16_384) return true;
  if (coarse) return false;
  if (/^#{1,6}(\s|$)/.test(line)) return true;
  let hash = 2166136261;
  for (let i = 0; i < Math.min(line.length, 64); i++) hash = Math.imul(hash ^ line.charCodeAt(i), 16777619);
  return (hash >>> 0) % 4 === 0;
}

export type ChunkCache = Map<string, ChunkFacts>;
