import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { LineIndex, Span } from '../text';
import type { Notice } from '../types';
import type { FrontMatter } from './types';

export const PARTY_KEYS = ['partijen', 'parties', 'ondertekenaars', 'signatories', 'partners'];
export const KIND_KEYS = ['type', 'soort', 'kind', 'documenttype', 'genre'];
export const LANGUAGE_KEYS = ['taal', 'language', 'lang'];
export const NAME_KEYS = ['naam', 'name', 'partij', 'party'];
export const TITLE_KEYS = ['title', 'titel'];

export function readFrontMatter(node: (Span & { value: string }) | null, index: LineIndex, notices: Notice[]): FrontMatter | null {
  if (!node) return null;
  const span = { start: node.start, end: node.end };
  try {
    const data: unknown = parseYaml(node.value);
    if (data === null || data === undefined) return { ...span, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) {
      notices.push({ message: 'Front matter is geen lijst van sleutels en waarden / front matter is not a key-value map', range: index.range(span.start, span.end) });
      return { ...span, data: {} };
    }
    return { ...span, data: data as Record<string, unknown> };
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line : 0;
    const at = index.lineStart(index.position(span.start).line + line);
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    notices.push({
      message: `Front matter kan niet worden gelezen (YAML): ${detail}. De rest van het document wordt wel gecontroleerd.`,
      range: index.range(at, index.lineEnd(at)),
    });
    return { ...span, data: salvage(node.value) };
  }
}

/**
 * What can still be read from front matter the YAML parser rejects (a tab, an alias bomb): the top-level `type:`
 * and `taal:` lines, so the notice's promise holds and the rest of the document is checked as what it declares.
 */
function salvage(yaml: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0 || /\s/.test(line[0])) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
    if ((KIND_KEYS.includes(key.toLowerCase()) || LANGUAGE_KEYS.includes(key.toLowerCase())) && value && !(key in data)) data[key] = value;
  }
  return data;
}

export function firstValue(data: Record<string, unknown>, keys: string[]): unknown {
  for (const [key, value] of Object.entries(data)) if (keys.includes(key.toLowerCase())) return value;
  return undefined;
}
