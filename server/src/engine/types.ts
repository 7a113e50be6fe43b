/** Engine types. Deliberately free of LSP types: positions follow the LSP convention (0-based, UTF-16). */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
  /** The same text as a snippet whose tab stops are the fields to fill in, when it inserts any. */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when this is the one obvious fix for the finding. */
  preferred?: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';
export type Language = 'nl' | 'en';

export interface LessonRef {
  id: string;
  title: string;
  /** The Dutch quote verbatim; for English documents also its gloss, a translation labelled as such. */
  quote: { text: string; attribution: string; gloss?: string };
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  data: Record<string, unknown>;
  lesson: LessonRef;
  /** Further lessons worth reading, e.g. a municipality's example. */
  examples: LessonRef[];
  fixes: Fix[];
  /** Fixes that insert a suppression comment instead of changing the text ("Negeer hier" / "Negeer in dit bestand"). */
  ignore?: { here?: Fix; file: Fix };
  /** Engine-internal, dropped before findings leave it: text a finding speaks for beyond its range. */
  covers?: Range[];
}

/** A problem with the input itself (e.g. broken front matter): reported, never fatal. */
export interface Notice {
  message: string;
  range: Range;
}

export interface Settings {
  rules: Record<string, RuleLevel>;
  /** Groups required on top of the defaults, by stakeholder id. */
  extraRequiredGroups: string[];
  /** The user's own words, literal text: extra synonyms per stakeholder group (also names and abbreviations of local parties). */
  vocabulary: { groups: Record<string, string[]> };
  scope: {
    /** Paths matching these globs are always analysed. */
    include: string[];
    /** Paths matching these globs are never analysed. */
    exclude: string[];
    /** Analyse documents that look like partnership documents. */
    autoDetect: boolean;
  };
}

/** Why a document is (not) analysed: a code for programs, with its detail (a glob, a declared type, what is missing). */
export type ScopeCode = 'declared' | 'included' | 'detected' | 'excluded' | 'declared-other' | 'genre' | 'auto-detect-off' | 'not-partnership' | 'unreadable' | 'own-files';

export interface Scope {
  code: ScopeCode;
  detail: string[];
}

export interface AnalysisResult {
  analysed: boolean;
  scope: Scope;
  language: Language;
  kind: string | null;
  findings: Finding[];
  notices: Notice[];
  /** How many findings suppression comments silence (left out when none). */
  suppressed?: number;
}
