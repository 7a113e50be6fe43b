/**
 * Links to the rule documentation, and the extension's own files, which Samenspel never checks.
 *
 * The docs ship beside the bundle (dist/../docs/rules). A plain file URL opens them in most editors (Neovim, Emacs),
 * but VS Code opens a file URL as an editable document, and then the server would check its own help page. So a
 * client that says it can (initializationOptions.ruleDocs = "command") gets a command link instead, which its own
 * command opens read-only and rendered; every other client keeps the file URL.
 */
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The command the VS Code client registers for rule documentation; its argument is the rule id. */
export const RULE_DOCS_COMMAND = 'samenspel.openRuleDocs';

/** The installed extension (or the checkout), one folder above the bundle. */
const ROOT = join(__dirname, '..');

export type RuleDocsLinks = 'file' | 'command';

/** What the client asked for in initializationOptions.ruleDocs; a file URL unless it says it handles commands. */
export function ruleDocsLinks(initializationOptions: unknown): RuleDocsLinks {
  const asked = (initializationOptions as { ruleDocs?: unknown } | null | undefined)?.ruleDocs;
  return asked === 'command' ? 'command' : 'file';
}

export function ruleDocsHref(ruleId: string, links: RuleDocsLinks): string {
  if (links === 'command') return `command:${RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
  return pathToFileURL(join(ROOT, 'docs', 'rules', `${ruleId}.md`)).href;
}

/** The Markdown files the extension ships: its rule docs, walkthrough pages, README and CHANGELOG. */
export function isOwnFile(path: string): boolean {
  const inside = relative(ROOT, path);
  if (inside.startsWith('..') || inside === path) return false;
  const [first] = inside.split(sep);
  return first === 'docs' || first === 'media' || inside === 'README.md' || inside === 'CHANGELOG.md';
}
