import { RULES } from './rules';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_FILE_SIZE_KB, settingsSchema, type SchemaNode } from './schema';
import { globProblem } from './glob';
import type { RuleLevel, Settings } from './types';

export function defaultSettings(): Settings {
  return {
    rules: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
    extraRequiredGroups: [],
    vocabulary: { groups: {} },
    scope: { include: [], exclude: [], autoDetect: true },
    debounceMs: DEFAULT_DEBOUNCE_MS,
    maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_KB,
  };
}

/** One thing wrong in the configuration: where (the key path, for a diagnostic on that key) and what, in nl / en. */
export interface SettingsIssue {
  path: Array<string | number>;
  message: string;
}

const SCHEMA = settingsSchema();

const keyName = (path: Array<string | number>): string => path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');

/** Edit distance, for "did you mean": keys are short, so the quadratic table is tiny. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/** "Did you mean" for a near miss ("ruels" → "rules"), else the keys there are: [nl, en]. */
function suggestion(key: string, known: string[]): [string, string] {
  const lower = key.toLowerCase();
  const best = known.map((k) => ({ k, d: distance(lower, k.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
  if (best && best.d <= Math.max(best.k.length > 3 ? 2 : 1, Math.floor(best.k.length / 3))) return [`; bedoelt u "${best.k}"?`, `; did you mean "${best.k}"?`];
  return [` (bekend: ${known.join(', ')})`, ` (known: ${known.join(', ')})`];
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function hasType(node: SchemaNode, value: unknown): boolean {
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  return (
    !types.length ||
    types.some((t) => (t === 'integer' ? Number.isInteger(value) : t === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeOf(value) === t))
  );
}

const TYPE_WORDS: Record<string, [string, string]> = {
  object: ['een object met sleutels', 'an object with keys'],
  array: ['een lijst', 'a list'],
  string: ['tekst', 'text'],
  number: ['een getal', 'a number'],
  integer: ['een geheel getal', 'a whole number'],
  boolean: ['true of false', 'true or false'],
};

/**
 * The part of `value` that the schema accepts: wrong values are left out (so their defaults apply) and reported.
 * Keys are only read when they are the value's own, so `toString`, `constructor` and `__proto__` are unknown keys
 * like any other, never something inherited.
 */
function accepted(value: unknown, node: SchemaNode, path: Array<string | number>, issues: SettingsIssue[]): unknown {
  const [nlWhere, enWhere] = path.length ? [`"${keyName(path)}"`, `"${keyName(path)}"`] : ['de instellingen', 'the settings'];
  const report = (nl: string, en: string): undefined => {
    issues.push({ path, message: `${nlWhere} ${nl} / ${enWhere} ${en}` });
    return undefined;
  };
  const shown = JSON.stringify(value)?.slice(0, 60) ?? typeOf(value);
  if (!hasType(node, value)) {
    const types = Array.isArray(node.type) ? node.type : [node.type!];
    return report(`moet ${types.map((t) => TYPE_WORDS[t][0]).join(' of ')} zijn, niet ${shown}`, `must be ${types.map((t) => TYPE_WORDS[t][1]).join(' or ')}, not ${shown}`);
  }
  if (node.enum && !node.enum.includes(value as string | boolean)) {
    const options = node.enum.filter((e) => typeof e === 'string').join(', ');
    return report(`heeft een ongeldige waarde ${shown} (kies uit ${options})`, `has an invalid value ${shown} (use ${options})`);
  }
  if (typeof value === 'number' && ((node.minimum !== undefined && value < node.minimum) || (node.maximum !== undefined && value > node.maximum))) {
    return report(`moet tussen ${node.minimum} en ${node.maximum} liggen, niet ${value}`, `must be between ${node.minimum} and ${node.maximum}, not ${value}`);
  }
  if (typeof value === 'string') {
    if (node.maxLength !== undefined && value.length > node.maxLength) return report(`is te lang (${value.length} tekens, hooguit ${node.maxLength})`, `is too long (${value.length} characters, at most ${node.maxLength})`);
    if ((node.minLength !== undefined && value.length < node.minLength) || (node.pattern && !new RegExp(node.pattern, 'u').test(value))) return report('is leeg', 'is empty');
  }
  if (Array.isArray(value) && node.items) {
    const items = node.items;
    return value.map((item, i) => accepted(item, items, [...path, i], issues)).filter((item) => item !== undefined);
  }
  if (typeOf(value) === 'object' && node.properties) {
    const known = Object.keys(node.properties);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object)) {
      const child = Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
      if (!child) {
        const [nl, en] = suggestion(key, known);
        issues.push({ path: [...path, key], message: `onbekende sleutel "${keyName([...path, key])}"${nl} / unknown key "${keyName([...path, key])}"${en}` });
        continue;
      }
      const v = accepted((value as Record<string, unknown>)[key], child, [...path, key], issues);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return value;
}

/** A glob that could stall the checker (extglobs, very long) is declined: it matches nothing, and the writer hears why. */
function safeGlobs(globs: string[] | undefined, key: string, issues: SettingsIssue[]): string[] {
  return (globs ?? []).filter((glob, i) => {
    const problem = globProblem(glob);
    if (problem) issues.push({ path: ['scope', key, i], message: `glob "${glob.slice(0, 60)}" in "scope.${key}" genegeerd / ignored: ${problem}` });
    return !problem;
  });
}

type Accepted = Partial<{
  rules: Record<string, RuleLevel | boolean>;
  extraRequiredGroups: string[];
  vocabulary: { groups?: Record<string, string[]> };
  scope: { include?: string[]; exclude?: string[]; autoDetect?: boolean };
  debounceMs: number;
  maxFileSizeKB: number;
}>;

/**
 * Turns user configuration (VS Code settings, a project file) into settings, validated against the settings schema.
 * Whatever is wrong is reported, naming its key, and replaced by its default, so a typo in one key never switches
 * the checker off. `issues` carry the key path, for a diagnostic on that key in a project file.
 */
export function resolveSettings(raw: unknown): { settings: Settings; problems: string[]; issues: SettingsIssue[] } {
  const settings = defaultSettings();
  const issues: SettingsIssue[] = [];
  if (raw !== undefined && raw !== null) {
    const input = (accepted(raw, SCHEMA, [], issues) ?? {}) as Accepted;
    for (const [id, level] of Object.entries(input.rules ?? {})) {
      settings.rules[id] = level === true ? RULES.find((r) => r.id === id)!.defaultSeverity : level === false ? 'off' : level;
    }
    if (input.extraRequiredGroups) settings.extraRequiredGroups = [...new Set(input.extraRequiredGroups)];
    for (const [id, words] of Object.entries(input.vocabulary?.groups ?? {})) settings.vocabulary.groups[id] = words.map((w) => w.trim());
    settings.scope.include = safeGlobs(input.scope?.include, 'include', issues);
    settings.scope.exclude = safeGlobs(input.scope?.exclude, 'exclude', issues);
    if (input.scope?.autoDetect !== undefined) settings.scope.autoDetect = input.scope.autoDetect;
    if (input.debounceMs !== undefined) settings.debounceMs = input.debounceMs;
    if (input.maxFileSizeKB !== undefined) settings.maxFileSizeKB = input.maxFileSizeKB;
  }
  return { settings, problems: issues.map((i) => i.message), issues };
}
