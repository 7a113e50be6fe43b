/**
 * The six-factor scan rewards content, never a heading alone: an untouched template scores no green factor, a
 * finished covenant scores green where it has the content, and a placeholder is work still to do.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../server/src/engine';

const dir = join(__dirname, '..', 'snippets');
const snippets = JSON.parse(readFileSync(join(dir, 'markdown.json'), 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[] }>;

/** The snippet as the writer gets it after pressing Esc: every tab stop left at its default. */
function untouched(body: string | string[]): string {
  const defaults = new Map<string, string>();
  return ([] as string[]).concat(body).join('\n').replace(/\$\{(\d+)(?::((?:[^{}]|\{[^{}]*\})*?)|\|([^|]*)\|)\}|\$(\d+)/g, (_m, n: string, def?: string, choice?: string, bare?: string) => {
    if (bare) return defaults.get(bare) ?? '';
    const value = def ?? choice?.split(',')[0] ?? '';
    if (!defaults.has(n)) defaults.set(n, value);
    return value;
  });
}

const covenant = (body: string[]): string =>
  ['---', 'type: convenant', 'partijen:', '  - Gemeente Rivierstad', '  - Stichting Kits Primair', '---', '# Convenant Kindcentrum Noord', '', ...body, ''].join('\n');

describe('partnership scan', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    const text = untouched(snippet.body);
    if (!text.startsWith('---')) continue;
    it(`${name}: untouched, it scores no green factor and counts its open spots`, () => {
      const { items, open } = scan(text);
      assert.equal(items.length, 6);
      assert.deepEqual(items.filter((i) => i.status === 'green').map((i) => `${i.factor}: ${i.explanation}`), []);
      assert.ok(open >= 20, `${open} open spots`);
    });
  }

  for (const file of readdirSync(join(dir, 'filled-examples')).filter((f) => f.endsWith('.md'))) {
    it(`${file}: filled in, every factor is green`, () => {
      const { items, open } = scan(readFileSync(join(dir, 'filled-examples', file), 'utf8'));
      assert.equal(open, 0);
      assert.deepEqual(items.filter((i) => i.status !== 'green').map((i) => `${i.factor}: ${i.explanation}`), []);
    });
  }

  it('a heading alone is no content: an empty Belangen section is amber, a named interest green', () => {
    const empty = scan(covenant(['## Belangen', '', '## Overleg', ''])).items.find((i) => i.factor === 3)!;
    assert.equal(empty.status, 'amber');
    const field = scan(covenant(['## Belangen', '', '- **Gemeente Rivierstad**: [eigen belang]', ''])).items.find((i) => i.factor === 3)!;
    assert.equal(field.status, 'amber');
    const named = scan(covenant(['## Belangen', '', '- **Gemeente Rivierstad**: minder kinderen die later jeugdhulp nodig hebben', ''])).items.find((i) => i.factor === 3)!;
    assert.equal(named.status, 'green');
  });

  it('recognises informing each other before going public, in Dutch and English', () => {
    const nl = scan(covenant(['## Communicatie', '', 'Partijen informeren elkaar ten minste 2 werkdagen vooraf over berichten aan de pers.', '', 'Contactpersonen: Gemeente Rivierstad, Mark Jansen; Stichting Kits Primair, Petra Smit.', '', 'De projectleider rapporteert twee keer per jaar over de voortgang.'])).items.find((i) => i.factor === 6)!;
    assert.equal(nl.status, 'green', nl.explanation);
    const en = scan(covenant(['## Communications', '', 'The partners give each other two working days’ notice before any press release.', '', 'Named contacts: Mark Jansen for the Council, Petra Smit for the Trust.', '', 'The project lead reports on progress to the board each term.'])).items.find((i) => i.factor === 6)!;
    assert.equal(en.status, 'green', en.explanation);
    const open = scan(covenant(['## Communicatie', '', 'Partijen informeren elkaar ten minste [aantal] werkdagen vooraf over berichten aan de pers.'])).items.find((i) => i.factor === 6)!;
    assert.notEqual(open.status, 'green');
  });

  it('needs a rhythm with a meeting for factor 4, and counts continuity when key players change', () => {
    const both = scan(covenant(['## Overleg', '', 'Het bestuurlijk overleg komt vier keer per jaar bijeen.', 'Na de verkiezingen draagt de vertrekkende wethouder het dossier over aan zijn opvolger.'])).items.find((i) => i.factor === 4)!;
    assert.equal(both.status, 'green', both.explanation);
    const none = scan(covenant(['## Overleg', '', 'Het overleg vindt plaats wanneer nodig.'])).items.find((i) => i.factor === 4)!;
    assert.equal(none.status, 'red', none.explanation);
  });
});
