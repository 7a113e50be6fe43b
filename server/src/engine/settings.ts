import { RULES } from './rules';
import type { RuleLevel, Settings } from './types';
import { GROUP_IDS, STAKEHOLDER_GROUPS } from './vocabulary';

const LEVELS: RuleLevel[] = ['off', 'error', 'warning', 'information', 'hint'];

export function defaultSettings(): Settings {
  return {
    rules: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
    extraRequiredGroups: [],
    vocabulary: { groups: {} },
    scope: { include: [], exclude: [], autoDetect: true },
  };
}

/**
 * Turns user configuration (VS Code settings or a YAML file) into settings. Whatever is wrong is reported in
 * `problems` and replaced by its default, so a typo in one key never switches the checker off.
 */
export function resolveSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('de instellingen zijn geen lijst van sleutels en waarden / settings are not a key-value map');
    return { settings, problems };
  }
  const input = raw as Record<string, unknown>;

  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) {
      problems.push('"rules" moet per regel een niveau geven / "rules" must map rule ids to levels');
    } else {
      for (const [id, level] of Object.entries(input.rules as Record<string, unknown>)) {
        if (!(id in settings.rules)) problems.push(`onbekende regel / unknown rule "${id}" (${RULES.map((r) => r.id).join(', ')})`);
        else if (typeof level === 'boolean') settings.rules[id] = level ? RULES.find((r) => r.id === id)!.defaultSeverity : 'off';
        else if (LEVELS.includes(level as RuleLevel)) settings.rules[id] = level as RuleLevel;
        else problems.push(`ongeldig niveau / invalid level ${JSON.stringify(level)} for "${id}" (${LEVELS.join(', ')})`);
      }
    }
  }

  if (input.extraRequiredGroups !== undefined) {
    const known = STAKEHOLDER_GROUPS.map((g) => g.id);
    if (!Array.isArray(input.extraRequiredGroups)) problems.push('"extraRequiredGroups" moet een lijst zijn / must be a list');
    else {
      for (const id of input.extraRequiredGroups) {
        if (typeof id === 'string' && known.includes(id)) settings.extraRequiredGroups.push(id);
        else problems.push(`onbekende groep / unknown group ${JSON.stringify(id)} (${known.join(', ')})`);
      }
    }
  }

  if (input.vocabulary !== undefined) {
    const vocabulary = input.vocabulary as Record<string, unknown>;
    const groups = typeof vocabulary === 'object' && vocabulary !== null && !Array.isArray(vocabulary) ? vocabulary.groups : undefined;
    if (typeof groups !== 'object' || groups === null || Array.isArray(groups)) problems.push('"vocabulary.groups" moet per groep een lijst woorden geven / must map group ids to lists of words');
    else {
      for (const [id, words] of Object.entries(groups as Record<string, unknown>)) {
        if (!GROUP_IDS.includes(id)) problems.push(`onbekende groep / unknown group "${id}" in vocabulary.groups (${GROUP_IDS.join(', ')})`);
        else if (!Array.isArray(words) || !words.every((w) => typeof w === 'string' && w.trim() && w.length <= 100)) problems.push(`"vocabulary.groups.${id}" moet een lijst woorden zijn (elk hooguit 100 tekens) / must be a list of words (at most 100 characters each)`);
        else settings.vocabulary.groups[id] = (words as string[]).map((w) => w.trim());
      }
    }
  }

  if (input.scope !== undefined) {
    const scope = input.scope as Record<string, unknown>;
    if (typeof scope !== 'object' || scope === null || Array.isArray(scope)) problems.push('"scope" moet een object zijn / must be an object');
    else {
      for (const key of ['include', 'exclude'] as const) {
        const value = scope[key];
        if (value === undefined) continue;
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) settings.scope[key] = value;
        else problems.push(`"scope.${key}" moet een lijst van globs zijn / must be a list of globs`);
      }
      if (scope.autoDetect !== undefined) {
        if (typeof scope.autoDetect === 'boolean') settings.scope.autoDetect = scope.autoDetect;
        else problems.push('"scope.autoDetect" moet true of false zijn / must be true or false');
      }
    }
  }
  return { settings, problems };
}
