/**
 * The settings schema, built from the rules' metadata and the vocabulary: one schema for VS Code settings
 * (package.json, generated), the project file (schemas/samenspel.schema.json, generated) and `resolveSettings`,
 * which validates against it.
 */
import { RULES } from './rules';
import { DEFAULT_REQUIRED_GROUPS, GROUP_IDS } from './vocabulary';

/** The subset of JSON Schema that the settings use, and that `resolveSettings` checks. */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | Array<'string' | 'boolean'>;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: false;
  items?: SchemaNode;
  enum?: Array<string | boolean>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

export const LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;

/** Words and globs are bounded: a setting is a list of words, not a document. */
const MAX_WORD_LENGTH = 100;
export const DEFAULT_DEBOUNCE_MS = 150;
/** A few seconds at most: a larger delay reads as "the checker stopped". */
export const MAX_DEBOUNCE_MS = 5000;
/** 2 MB: ten times the longest real partnership document seen (150 KB), and still checked in a blink. */
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

const word: SchemaNode = { type: 'string', minLength: 1, maxLength: MAX_WORD_LENGTH, pattern: '\\S' };
const globs: SchemaNode = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 1000 }, default: [] };

/** The settings as a JSON schema (without the `samenspel.` prefix VS Code adds). */
export function settingsSchema(): SchemaNode & { properties: Record<string, SchemaNode> } {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        type: 'object',
        additionalProperties: false,
        // true switches a rule on at its default level, false off.
        properties: Object.fromEntries(RULES.map((r) => [r.id, { type: ['string', 'boolean'], enum: [...LEVELS, true, false], default: r.defaultSeverity }])),
        default: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
      },
      extraRequiredGroups: { type: 'array', items: { type: 'string', enum: GROUP_IDS.filter((id) => !DEFAULT_REQUIRED_GROUPS.includes(id)) }, default: [] },
      vocabulary: {
        type: 'object',
        additionalProperties: false,
        properties: {
          groups: { type: 'object', additionalProperties: false, properties: Object.fromEntries(GROUP_IDS.map((id) => [id, { type: 'array', items: word }])), default: {} },
        },
      },
      scope: {
        type: 'object',
        additionalProperties: false,
        properties: { include: globs, exclude: globs, autoDetect: { type: 'boolean', default: true } },
      },
      debounceMs: { type: 'number', minimum: 0, maximum: MAX_DEBOUNCE_MS, default: DEFAULT_DEBOUNCE_MS },
      maxFileSizeKB: { type: 'integer', minimum: 1, maximum: 1024 * 1024, default: DEFAULT_MAX_FILE_SIZE_KB },
    },
  };
}
