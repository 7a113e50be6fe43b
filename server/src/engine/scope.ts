import type { DocumentModel } from './model';
import type { Scope, Settings } from './types';
import { compileGlob } from './glob';
import { headerLines } from './model';
import { normalize } from './text';
import { aboutEducation, genreIn, groupsWith, maySayWhoIsInvolved, namesAgreement } from './vocabulary';

export interface ScopeDecision extends Scope {
  analysed: boolean;
}

/** What is missing for auto-detection, as detail of 'not-partnership'. */
export type MissingForDetection = 'municipal-or-education-party' | 'municipal-party' | 'education-party' | 'kind-or-heading';

/** The scope in words, for the CLI and logs (English, with the setting names). */
export function scopeReason(scope: Scope): string {
  const [first] = scope.detail;
  switch (scope.code) {
    case 'declared':
      return `front matter declares "${first}"`;
    case 'included':
      return `included by scope.include "${first}"`;
    case 'detected':
      return first ? `kind "${first}" in the title, names a municipal or education party` : 'names municipality and school board, has a parties or ambition section';
    case 'excluded':
      return `excluded by scope.exclude "${first}"`;
    case 'declared-other':
      return `front matter declares "${first}", not a partnership document`;
    case 'genre':
      return `a ${first} talks about partnerships but is none (title or type "${scope.detail[1] ?? first}")`;
    case 'auto-detect-off':
      return 'no front matter type and auto-detection is off';
    case 'not-partnership': {
      const words: Record<string, string> = {
        'municipal-or-education-party': 'no municipal or education party',
        'municipal-party': 'no municipal party',
        'education-party': 'no education party',
        'kind-or-heading': 'no kind in the title and no parties/ambition heading',
      };
      return `not a partnership document (${scope.detail.map((d) => words[d] ?? d).join(', ')})`;
    }
    case 'unreadable':
      return first ?? 'unreadable';
    case 'own-files':
      return 'one of Samenspel\'s own files (its documentation)';
  }
}

/** Compiled globs, by glob: a setting's few globs are compiled once, not on every check. */
const compiled = new Map<string, (path: string) => boolean>();

function matches(globs: string[], path: string): string | undefined {
  const normalized = path.replace(/\\/g, '/');
  return globs.find((glob) => {
    let matcher = compiled.get(glob);
    if (!matcher) {
      // Paths are absolute and the workspace root unknown here, so a relative glob ("archief/**", "*.concept.md")
      // matches at any depth, as in .gitignore.
      matcher = compileGlob(glob.startsWith('/') || glob.startsWith('**') ? glob : `**/${glob}`);
      if (compiled.size > 1000) compiled.clear();
      compiled.set(glob, matcher);
    }
    return matcher(normalized);
  });
}

/**
 * The decisions that need no parse, made before the document model is built, so that a file that is no partnership
 * document costs a few scans of its text: a path that `scope.exclude` names; and for a text without front matter that
 * no `scope.include` names, auto-detection turned off, or a text that names no municipality and no school board at
 * all, which auto-detection can never take in. Null when the model must decide; its decision below starts with the
 * same path tests, so both always agree on them.
 */
export function decideScopeEarly(text: string, path: string | undefined, settings: Settings): ScopeDecision | null {
  const excluded = path ? matches(settings.scope.exclude, path) : undefined;
  if (excluded) return { analysed: false, code: 'excluded', detail: [excluded] };
  if ((path && matches(settings.scope.include, path)) || /^\ufeff*---/.test(text)) return null;
  if (!settings.scope.autoDetect) return { analysed: false, code: 'auto-detect-off', detail: [] };
  if (maySayWhoIsInvolved(text, groupsWith(settings.vocabulary.groups))) return null;
  return { analysed: false, code: 'not-partnership', detail: ['municipal-or-education-party'] };
}

/**
 * Only partnership documents are checked: minutes, newsletters, annual reports or a README that use all the
 * vocabulary must stay silent. A document is in scope when its front matter declares a kind (or an agreement), its
 * path matches `scope.include`, or its title names a kind and it names a municipal or an education party (the
 * absent one is then a finding). Without a kind in the title, it must name both and have a parties or ambition
 * section. A genre in the title or type (notulen, nieuwsbrief, jaarverslag …) keeps it silent.
 */
export function decideScope(model: DocumentModel, path: string | undefined, settings: Settings): ScopeDecision {
  const excluded = path ? matches(settings.scope.exclude, path) : undefined;
  if (excluded) return { analysed: false, code: 'excluded', detail: [excluded] };
  const included = path ? matches(settings.scope.include, path) : undefined;
  if (included) return { analysed: true, code: 'included', detail: [included] };
  const declared = model.declaredType;
  if (model.kindSource === 'front-matter') return { analysed: true, code: 'declared', detail: [model.kind!] };
  if (declared) {
    const genre = genreIn(declared);
    if (genre) return { analysed: false, code: 'genre', detail: [genre, declared] };
    return namesAgreement(declared) ? { analysed: true, code: 'declared', detail: [declared] } : { analysed: false, code: 'declared-other', detail: [declared] };
  }
  // The title, and short lines above the text ("ASHCOMBE CITY COUNCIL / REPORT TO CABINET"), say what it is.
  // "Huisvestingsplan – bijlage 2 bij raadsvoorstel 2026/041": what a document is attached to is not what it is.
  const titleGenre = model.title ? genreIn(model.title.text.replace(/(?<![\p{L}])(bijlage|annex|appendix)(?![\p{L}]).*$/iu, '')) : null;
  if (titleGenre) return { analysed: false, code: 'genre', detail: [titleGenre, model.title!.text] };
  // A reference in passing ("(raadsvoorstel 2025/118)", "bijlage bij het raadsvoorstel") is no letterhead.
  for (const line of headerLines(model.plain).filter((l) => !/^[([]|^(bijlage|annex|appendix)/iu.test(l))) {
    const genre = genreIn(line);
    if (genre && normalize(line).startsWith(normalize(genre))) return { analysed: false, code: 'genre', detail: [genre, line] };
  }
  if (!settings.scope.autoDetect) return { analysed: false, code: 'auto-detect-off', detail: [] };

  const groups = new Set(model.mentions.map((m) => m.group));
  const municipal = groups.has('gemeentebestuur');
  const education = groups.has('schoolbesturen');
  // A kind and one side is enough (the absent side is then a finding), if the text is about education at all.
  if (model.kind && (education || (municipal && aboutEducation(model.plain)))) return { analysed: true, code: 'detected', detail: [model.kind] };
  const structure = model.sections.some((s) => s.heading && (s.cls === 'parties' || s.cls === 'ambition' || s.cls === 'contributions'));
  if (!model.kind && municipal && education && structure) return { analysed: true, code: 'detected', detail: [] };
  const missing: MissingForDetection[] = [];
  if (model.kind) missing.push('municipal-or-education-party');
  else {
    if (!municipal) missing.push('municipal-party');
    if (!education) missing.push('education-party');
    if (!structure) missing.push('kind-or-heading');
  }
  return { analysed: false, code: 'not-partnership', detail: missing };
}
