import picomatch from 'picomatch';
import type { DocumentModel } from './model';
import type { Scope, Settings } from './types';
import { kindIn } from './vocabulary';

export interface ScopeDecision extends Scope {
  analysed: boolean;
}

/** What is missing for auto-detection, as detail of 'not-partnership'. */
export type MissingForDetection = 'municipal-party' | 'education-party' | 'kind-or-heading';

/** The scope in words, for the CLI and logs (English, with the setting names). */
export function scopeReason(scope: Scope): string {
  const [first] = scope.detail;
  switch (scope.code) {
    case 'declared':
      return `front matter declares "${first}"`;
    case 'included':
      return `included by scope.include "${first}"`;
    case 'detected':
      return first ? `names municipality and school board, kind "${first}"` : 'names municipality and school board, has a parties or ambition section';
    case 'excluded':
      return `excluded by scope.exclude "${first}"`;
    case 'declared-other':
      return `front matter declares "${first}", not a partnership document`;
    case 'auto-detect-off':
      return 'no front matter type and auto-detection is off';
    case 'not-partnership': {
      const words: Record<string, string> = { 'municipal-party': 'no municipal party', 'education-party': 'no education party', 'kind-or-heading': 'no kind or parties/ambition heading' };
      return `not a partnership document (${scope.detail.map((d) => words[d] ?? d).join(', ')})`;
    }
    case 'unreadable':
      return first ?? 'unreadable';
  }
}

function matches(globs: string[], path: string): string | undefined {
  const normalized = path.replace(/\\/g, '/');
  // Paths are absolute and the workspace root unknown here, so a relative glob ("archief/**", "*.concept.md")
  // matches at any depth, as in .gitignore.
  return globs.find((glob) => picomatch(glob.startsWith('/') || glob.startsWith('**') ? glob : `**/${glob}`, { dot: true, nocase: true })(normalized));
}

/**
 * Only partnership documents are checked: a README or meeting notes that happen to mention a wethouder must stay
 * silent. A document is in scope when its front matter declares a kind, its path matches `scope.include`, or it
 * names a municipal and an education party and either has a kind in its title or a parties/ambition heading.
 */
export function decideScope(model: DocumentModel, path: string | undefined, settings: Settings): ScopeDecision {
  const excluded = path ? matches(settings.scope.exclude, path) : undefined;
  if (excluded) return { analysed: false, code: 'excluded', detail: [excluded] };
  if (model.kindSource === 'front-matter') return { analysed: true, code: 'declared', detail: [model.kind!] };
  const included = path ? matches(settings.scope.include, path) : undefined;
  if (included) return { analysed: true, code: 'included', detail: [included] };
  // The writer said what this is, and it is something else (a school's annual report, a blog post).
  if (model.declaredType) return { analysed: false, code: 'declared-other', detail: [model.declaredType] };
  if (!settings.scope.autoDetect) return { analysed: false, code: 'auto-detect-off', detail: [] };

  const groups = new Set(model.mentions.map((m) => m.group));
  const municipal = groups.has('gemeentebestuur');
  const education = groups.has('schoolbesturen');
  const headingKind = model.kind ?? model.sections.map((s) => (s.heading ? kindIn(s.heading.text) : null)).find(Boolean);
  const structure = model.sections.some((s) => s.heading && (s.cls === 'parties' || s.cls === 'ambition'));
  if (municipal && education && (headingKind || structure)) {
    return { analysed: true, code: 'detected', detail: headingKind ? [headingKind] : [] };
  }
  const missing: MissingForDetection[] = [];
  if (!municipal) missing.push('municipal-party');
  if (!education) missing.push('education-party');
  if (!(headingKind || structure)) missing.push('kind-or-heading');
  return { analysed: false, code: 'not-partnership', detail: missing };
}
