/**
 * The project configuration: `.samenspel.yaml` (or `.yml`, or `.samenspel.json`) in a document's folder or any
 * parent, the nearest winning. Read the same way by the CLI and the language server. A project file is data only:
 * it is parsed, never run (YAML tags are not resolved to code), and its words stay literal text.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Range } from './engine';
import { resolveSettings, type SettingsIssue } from './engine/settings';

/** In one folder the first of these wins. */
export const CONFIG_NAMES = ['.samenspel.yaml', '.samenspel.yml', '.samenspel.json'];
/** A configuration is a few lines; a larger file is refused rather than parsed. */
const MAX_CONFIG_BYTES = 256 * 1024;

export interface ConfigProblem {
  message: string;
  /** Where in the config file, 0-based as in LSP: the offending key, or the spot of a syntax error. */
  range: Range;
}

export interface ProjectConfig {
  path: string;
  /** The parsed data (undefined when unreadable); invalid parts are dropped later by `resolveSettings`. */
  raw: unknown;
  problems: ConfigProblem[];
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The nearest project file from `dir` upwards, or null. */
export function findConfigFile(dir: string): string | null {
  for (let at = dir; ; at = dirname(at)) {
    for (const name of CONFIG_NAMES) if (isFile(join(at, name))) return join(at, name);
    if (dirname(at) === at) return null;
  }
}

const start = { line: 0, character: 0 };
const atStart: Range = { start, end: start };

/** The node a key path leads to, and the key's own node where the path ends on a map key. */
function nodeAt(doc: Document, path: SettingsIssue['path']): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = isScalar(node) || isMap(node) || isSeq(node) ? node : null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      // The key itself: "at the offending key", for a wrong value as for an unknown key.
      found = isScalar(pair.key) ? pair.key : found;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (isScalar(node) || isMap(node) || isSeq(node)) found = node;
      else break;
    } else break;
  }
  return found;
}

function rangeOf(node: Node | null, lines: LineCounter): Range {
  if (!node?.range) return atStart;
  const position = (offset: number): Range['start'] => {
    const { line, col } = lines.linePos(offset);
    return { line: line - 1, character: col - 1 };
  };
  return { start: position(node.range[0]), end: position(node.range[1]) };
}

/** A JSON syntax error's spot, from the parser's message ("… at position 12" or "(line 2 column 3)"). */
function jsonErrorRange(error: Error, text: string, lines: LineCounter): Range {
  const lineColumn = /line (\d+) column (\d+)/.exec(error.message);
  if (lineColumn) {
    const p = { line: Number(lineColumn[1]) - 1, character: Number(lineColumn[2]) - 1 };
    return { start: p, end: p };
  }
  const position = /position (\d+)/.exec(error.message);
  if (!position) return atStart;
  const { line, col } = lines.linePos(Math.min(Number(position[1]), text.length));
  const p = { line: line - 1, character: col - 1 };
  return { start: p, end: p };
}

/** Parses a project file's text; every problem carries its place in the file. */
export function parseConfig(path: string, text: string): ProjectConfig {
  const lines = new LineCounter();
  // Aliases are capped (a "billion laughs" file is refused), and unknown tags stay plain data.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const syntax = path.endsWith('.json') ? 'JSON' : 'YAML';
  if (path.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (error) {
      return { path, raw: undefined, problems: [{ message: `ongeldige JSON / invalid JSON: ${(error as Error).message.split('\n')[0]}`, range: jsonErrorRange(error as Error, text, lines) }] };
    }
  }
  if (doc.errors.length) {
    const problems = doc.errors.map((e): ConfigProblem => {
      const [from, to] = e.linePos ?? [];
      const p = (pos: { line: number; col: number } | undefined): Range['start'] => (pos ? { line: pos.line - 1, character: pos.col - 1 } : start);
      return { message: `ongeldige ${syntax} / invalid ${syntax}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, range: { start: p(from), end: p(to ?? from) } };
    });
    return { path, raw: undefined, problems };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { path, raw: undefined, problems: [{ message: `ongeldige ${syntax} / invalid ${syntax}: ${(error as Error).message.split('\n')[0]}`, range: atStart }] };
  }
  // An empty file, or one with only comments, configures nothing.
  if (raw === null || raw === undefined) return { path, raw: undefined, problems: [] };
  const problems = resolveSettings(raw).issues.map((issue): ConfigProblem => ({ message: issue.message, range: rangeOf(nodeAt(doc, issue.path), lines) }));
  return { path, raw, problems };
}

/** Reads and parses a project file; an unreadable or oversized one is a problem at its start, never an exception. */
export function readConfig(path: string): ProjectConfig {
  try {
    const size = statSync(path).size;
    if (size > MAX_CONFIG_BYTES) return { path, raw: undefined, problems: [{ message: `configuratiebestand te groot (${size} bytes, hooguit ${MAX_CONFIG_BYTES}) / config file too large (${size} bytes, at most ${MAX_CONFIG_BYTES})`, range: atStart }] };
    return parseConfig(path, readFileSync(path, 'utf8'));
  } catch (error) {
    return { path, raw: undefined, problems: [{ message: `kan niet lezen / cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, range: atStart }] };
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Editor settings with the project file over them, key by key (like `.markdownlint.json` over VS Code's settings):
 * what the project file sets wins, what it leaves out comes from the editor. Lists are replaced, not joined.
 * Built from entries, so a key named `__proto__` stays a key and reaches validation, never the prototype.
 */
export function mergeSettings(editor: unknown, project: unknown): unknown {
  if (!isPlainObject(project)) return project === undefined ? editor : project;
  if (!isPlainObject(editor)) return project;
  const keys = [...new Set([...Object.keys(editor), ...Object.keys(project)])];
  return Object.fromEntries(
    keys.map((k) => [k, Object.hasOwn(project, k) ? (Object.hasOwn(editor, k) ? mergeSettings(editor[k], project[k]) : project[k]) : editor[k]]),
  );
}
