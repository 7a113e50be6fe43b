/**
 * Suppression comments, the way remark-lint has them: `<!-- samenspel-disable rule-id -->` … `<!-- samenspel-enable
 * rule-id -->`, `<!-- samenspel-disable-next-line rule-id -->` and `<!-- samenspel-disable-file rule-id -->`. No rule
 * id means every rule; several are separated by spaces or commas. The comments are read with mdast-comment-marker and
 * applied by unified-message-control, over the findings as VFile messages.
 */
import type { Html, Root } from 'mdast';
import { commentMarker } from 'mdast-comment-marker';
import type { Node } from 'unist';
import { messageControl } from 'unified-message-control';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { LineIndex, Span } from './text';
import type { Finding, Language, Notice } from './types';

export type SuppressionVerb = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

export interface SuppressionMarker extends Span {
  verb: SuppressionVerb;
  /** Empty: every rule. */
  ruleIds: string[];
}

const NAME = 'samenspel';
const VERBS = new Set<string>(['disable', 'enable', 'disable-next-line', 'disable-file']);

/** The suppression comments of a parsed chunk. Most chunks have none: a string search skips the tree walk. */
export function suppressionMarkers(text: string, tree: Root): SuppressionMarker[] {
  if (!text.includes(`${NAME}-`)) return [];
  const markers: SuppressionMarker[] = [];
  visit(tree, 'html', (node: Html) => {
    // mdast-comment-marker reads `<!--name attributes-->`; its attributes are space-separated, so commas become spaces.
    const marker = commentMarker({ ...node, value: node.value.replace(/,/g, ' ') });
    if (!marker || !marker.name.startsWith(`${NAME}-`)) return;
    const verb = marker.name.slice(NAME.length + 1);
    if (!VERBS.has(verb)) return;
    markers.push({ start: node.position!.start.offset!, end: node.position!.end.offset!, verb: verb as SuppressionVerb, ruleIds: marker.attributes.split(/\s+/).filter(Boolean) });
  });
  return markers;
}

const UNKNOWN: Record<Language, (id: string, known: string[]) => string> = {
  nl: (id, known) => `Samenspel kent geen regel "${id}" in deze opmerking; bedoeld is een van: ${known.join(', ')}.`,
  en: (id, known) => `Samenspel has no rule "${id}" in this comment; use one of: ${known.join(', ')}.`,
};

export interface Suppressed {
  kept: Finding[];
  suppressed: Finding[];
  notices: Notice[];
}

/**
 * Splits the findings into those the comments leave and those they silence. `disable-file` sets the initial state,
 * like remark-message-control's `disable` option; `disable-next-line` is the library's `ignore` over a node that
 * spans the line after the comment; `disable` and `enable` are its own.
 */
export function applySuppression(findings: Finding[], markers: SuppressionMarker[], text: string, index: LineIndex, knownRules: string[], lang: Language): Suppressed {
  const notices: Notice[] = [];
  for (const m of markers) {
    for (const id of m.ruleIds) if (!knownRules.includes(id)) notices.push({ message: UNKNOWN[lang](id, knownRules), range: index.range(m.start, m.end) });
  }
  // A comment that names only unknown rules silences nothing (it does not fall back to "every rule").
  const valid = markers.flatMap((m) => {
    const ruleIds = m.ruleIds.filter((id) => knownRules.includes(id));
    return !m.ruleIds.length || ruleIds.length ? [{ ...m, ruleIds }] : [];
  });
  if (!valid.length || !findings.length) return { kept: findings, suppressed: [], notices };

  const point = (offset: number) => {
    const p = index.position(offset);
    return { line: p.line + 1, column: p.character + 1, offset };
  };
  const node = (start: number, end: number, attributes?: string) => ({ type: 'html', value: '', position: { start: point(start), end: point(end) }, data: { attributes } });
  const fileWide = valid.filter((m) => m.verb === 'disable-file');
  // Which rules are off at each comment. The library's `ignore` turns its rules back on after the next node even when
  // a `disable` before had turned them off, so a next-line comment names only the rules that are still on.
  const off = new Set(fileWide.some((m) => !m.ruleIds.length) ? knownRules : fileWide.flatMap((m) => m.ruleIds));
  const children: Node[] = [];
  for (const m of valid) {
    if (m.verb === 'disable-file') continue;
    const ids = m.ruleIds.length ? m.ruleIds : knownRules;
    if (m.verb !== 'disable-next-line') {
      for (const id of ids) (m.verb === 'disable' ? off.add(id) : off.delete(id));
      children.push(node(m.start, m.end, `${m.verb} ${m.ruleIds.join(' ')}`));
      continue;
    }
    const on = ids.filter((id) => !off.has(id));
    if (!on.length) continue;
    // The line after the comment, as the node that `ignore` covers.
    const line = index.position(m.end).line + 1;
    const lineStart = line < index.lineCount ? index.lineStart(line) : text.length;
    children.push(node(m.start, m.end, `ignore ${on.join(' ')}`), node(lineStart, index.lineEnd(lineStart)));
  }
  // The root ends where its last child does: unified-message-control drops messages in a gap after the last node.
  const end = children.length ? (children.at(-1)!.position!.end.offset ?? 0) : 0;
  const tree = { type: 'root', children, position: { start: point(0), end: point(end) } };

  const file = new VFile({ value: text });
  const byMessage = new Map<object, Finding>();
  for (const f of findings) {
    const message = file.message(f.message, { place: { line: f.range.start.line + 1, column: f.range.start.character + 1 }, ruleId: f.ruleId, source: NAME });
    byMessage.set(message, f);
  }
  const all = fileWide.some((m) => !m.ruleIds.length);
  messageControl(tree, {
    file,
    name: NAME,
    marker: (n: Node) => {
      const attributes = (n.data as { attributes?: string } | undefined)?.attributes;
      return attributes ? { name: NAME, attributes: attributes.trim(), parameters: {}, node: n as Html } : undefined;
    },
    test: 'html',
    reset: all,
    enable: [],
    disable: fileWide.flatMap((m) => m.ruleIds),
  });
  const keptSet = new Set(file.messages.map((m) => byMessage.get(m)).filter((f): f is Finding => !!f));
  return { kept: findings.filter((f) => keptSet.has(f)), suppressed: findings.filter((f) => !keptSet.has(f)), notices };
}
