import type { DocumentModel } from './model';
import type { Language, Settings, Severity } from './types';

type Localized = Record<Language, string>;

/** An edit in string offsets; the engine turns it into a range. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface RuleFix {
  /** What the fix does; the engine appends the lesson it cites. */
  action: string;
  edits: OffsetEdit[];
  preferred?: boolean;
}

export interface Citation {
  lesson: string;
  quote: number;
}

export interface RuleFinding {
  start: number;
  end: number;
  message: string;
  data: Record<string, unknown>;
  fixes: RuleFix[];
  /** Text this finding speaks for beyond its own range (a party's subsection): a placeholder there is not reported again. */
  covers?: Array<{ start: number; end: number }>;
  /** A lesson other than the rule's own, for this finding (a placeholder cites the lesson of its section). */
  lesson?: string;
  /** Which quote of the rule's lesson fits this finding best. */
  quote?: number;
  /** Examples from the municipalities that illustrate this finding, with the quote that shows it. */
  examples?: Citation[];
}

export interface RuleExample {
  title: Localized;
  /** A complete small document. */
  markdown: string;
  /** Whether the rule should report on it. */
  reports: boolean;
}

export interface RuleDocs {
  summary: Localized;
  details: Localized;
  why: Localized;
  examples: RuleExample[];
}

export interface RuleContext {
  model: DocumentModel;
  settings: Settings;
  lang: Language;
}

export interface Rule {
  id: string;
  /** The lesson every finding of this rule cites. */
  lesson: string;
  /** Further lessons the docs point to. */
  seeAlso: string[];
  defaultSeverity: Severity;
  docs: RuleDocs;
  check(context: RuleContext): RuleFinding[];
}
