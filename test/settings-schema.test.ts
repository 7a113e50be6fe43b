import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, resolveSettings } from '../server/src/engine';

const repo = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const schema = JSON.parse(readFileSync(join(repo, 'schemas', 'samenspel.schema.json'), 'utf8'));

describe('one settings schema for VS Code, the project file and resolveSettings', () => {
  it('is contributed for .samenspel.json, and the extension declares limited support in untrusted workspaces', () => {
    const validation = pkg.contributes.jsonValidation as Array<{ fileMatch: string; url: string }>;
    assert.ok(validation.some((v) => v.fileMatch === '.samenspel.json' && existsSync(join(repo, v.url))));
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.match(trust.description, /^%.+%$/);
    assert.deepEqual(trust.restrictedConfigurations.sort(), Object.keys(pkg.contributes.configuration.properties).sort());
    assert.ok(readFileSync(join(repo, '.vscodeignore'), 'utf8').includes('!schemas/*.json'), 'the schema ships in the .vsix');
  });

  it('describes the same keys in package.json and the schema file', () => {
    const flat = (node: { properties?: Record<string, unknown> }, prefix: string): string[] =>
      Object.entries(node.properties ?? {}).flatMap(([k, child]) => (['scope', 'vocabulary'].includes(k) ? flat(child as typeof node, `${prefix}${k}.`) : [`${prefix}${k}`]));
    assert.deepEqual(flat(schema, 'samenspel.').sort(), Object.keys(pkg.contributes.configuration.properties).sort());
    assert.equal(schema.properties.debounceMs.maximum, 5000);
  });

  it('accepts every default it declares, with no problems, and resolves it to the defaults', () => {
    const raw: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(pkg.contributes.configuration.properties as Record<string, { default: unknown }>)) {
      const path = key.replace(/^samenspel\./, '').split('.');
      let at = raw;
      for (const segment of path.slice(0, -1)) at = (at[segment] ??= {}) as Record<string, unknown>;
      at[path.at(-1)!] = property.default;
    }
    const { settings, problems } = resolveSettings(raw);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, defaultSettings());
  });
});
