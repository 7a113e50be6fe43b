import type { SuppressionMarker } from '../suppress';
import type { LineIndex, Span } from '../text';
import type { Language, Notice } from '../types';
import type { PartyType, SectionClass } from '../vocabulary';

export interface Heading extends Span {
  depth: number;
  text: string;
  /** A paragraph that does a heading's work ("**Partijen**", "Artikel 2 – Partijen", "De ondergetekenden:"). */
  pseudo?: boolean;
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
  /** Clean text, same length as the source span (markup blanked), so offsets carry over. */
  text: string;
  /** A bold title in front of the text ("**Taal als basis.** Kinderen …"): a name, not a sentence of the text. */
  lead?: Span;
  /** A paragraph that is an item of a list without Markdown: "a. …", "(b) …", "• …" on a line of its own. */
  enumerated?: boolean;
  /** For paragraphs in list items: the item and its list. */
  listItem?: { item: Span; list: Span & { ordered: boolean; marker: string } };
  /** For table rows: cell spans, their clean texts, and whether it is the header row. */
  table?: { cells: Span[]; cellTexts: string[]; header: boolean; tableSpan: Span; columns: number };
}

export interface Party extends Span {
  name: string;
  /** Other names the document gives it: "hierna te noemen: SKO", "(OBO)", "de gemeente". */
  aliases: string[];
  type: PartyType;
  origin: 'front-matter' | 'section' | 'prose';
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
  /** The line ending that text inserted by a fix uses: CRLF when the document has one, else LF. */
  newline: '\r\n' | '\n';
  /** The source with markup that readers do not see (comments, code, link targets, syntax) blanked out. */
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
  /** Suppression comments, in document order. */
  markers: SuppressionMarker[];
  /** The top-level Markdown blocks (a whole list or table), in document order. */
  topBlocks: Span[];
}
