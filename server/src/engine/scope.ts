import picomatch from 'picomatch';
import type { DocumentModel } from './model';
import type { Settings } from './types';
import { kindIn } from './vocabulary';

export interface ScopeDecision {
  analysed: boolean;
  reason: string;
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
  if (excluded) return { analysed: false, reason: `excluded by scope.exclude "${excluded}"` };
  if (model.kindSource === 'front-matter') return { analysed: true, reason: `front matter declares "${model.kind}"` };
  const included = path ? matches(settings.scope.include, path) : undefined;
  if (included) return { analysed: true, reason: `included by scope.include "${included}"` };
  // The writer said what this is, and it is something else (a school's annual report, a blog post).
  if (model.declaredType) return { analysed: false, reason: `front matter declares "${model.declaredType}", not a partnership document` };
  if (!settings.scope.autoDetect) return { analysed: false, reason: 'no front matter type and auto-detection is off' };

  const groups = new Set(model.mentions.map((m) => m.group));
  const municipal = groups.has('gemeentebestuur');
  const education = groups.has('schoolbesturen');
  const headingKind = model.kind ?? model.sections.map((s) => (s.heading ? kindIn(s.heading.text) : null)).find(Boolean);
  const structure = model.sections.some((s) => s.heading && (s.cls === 'parties' || s.cls === 'ambition'));
  if (municipal && education && (headingKind || structure)) {
    return { analysed: true, reason: headingKind ? `names municipality and school board, kind "${headingKind}"` : 'names municipality and school board, has a parties or ambition section' };
  }
  const missing = [!municipal && 'no municipal party', !education && 'no education party', !(headingKind || structure) && 'no kind or parties/ambition heading'].filter(Boolean);
  return { analysed: false, reason: `not a partnership document (${missing.join(', ')})` };
}
