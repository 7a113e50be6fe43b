/**
 * Adversarial documents (issue #11 §2): each builds a Markdown text of about the given size. Shared by the
 * adversarial test suite and bench/adversarial.ts, so the times in the bench are of the documents the tests check.
 * Most sit inside a covenant (front matter `type: convenant`), so every rule runs on them, not only the scope check.
 */
export interface AdversarialCase {
  name: string;
  /** Whether it grows with `size` (then its time is compared at two sizes); fixed-shape cases ignore `size`. */
  scales: boolean;
  build(size: number): string;
}

const COVENANT = '---\ntype: convenant\n---\n# Convenant Kindcentrum\n\n';
const PARTIES = '## Partijen\n\n- Gemeente Rivierstad\n- Stichting Kits Primair\n\n';

/** `unit` repeated until the text reaches `size` characters. */
export function repeat(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, Math.max(size, unit.length));
}

/** `depth` containers nested on one line ("- - - … x", "> > > … x"), then lines indented a level deeper each, to 1,000. */
function nested(marker: string, depth: number): string {
  const lines = [`${`${marker} `.repeat(depth)}niveau ${depth}`, ''];
  for (let i = 0; i < 1000; i++) lines.push(marker === '>' ? `${'>'.repeat(i + 1)} niveau ${i}` : `${'  '.repeat(i)}- niveau ${i}`);
  return lines.join('\n');
}

const PROSE = 'De gemeente en de schoolbesturen werken samen aan een sterke kansengelijkheid voor alle kinderen in de wijk, ';

export const CASES: AdversarialCase[] = [
  { name: 'single line of prose', scales: true, build: (n) => `${COVENANT}${PARTIES}## Ambitie\n\n${repeat(PROSE, n)}\n` },
  ...['*', '_', '[', '<', '|', '(', '`', '.', '!', '?', ' ', ';'].map((c): AdversarialCase => ({
    name: `run of ${c === ' ' ? 'spaces' : c}`,
    scales: true,
    build: (n) => `${COVENANT}${PARTIES}## Ambitie\n\nPartijen willen ${repeat(c, n)} x\n`,
  })),
  { name: 'spaces in a list item', scales: true, build: (n) => `${COVENANT}## Partijen\n\n- Gemeente${' '.repeat(n)}x\n` },
  { name: 'spaces in a contribution item', scales: true, build: (n) => `${COVENANT}${PARTIES}## Bijdragen\n\n- Gemeente Rivierstad${' '.repeat(n)}x\n` },
  { name: '[ in a contribution item', scales: true, build: (n) => `${COVENANT}${PARTIES}## Bijdragen\n\n- Gemeente Rivierstad: ${'['.repeat(n)}\n` },
  { name: 'spaces in an ambition sentence', scales: true, build: (n) => `${COVENANT}${PARTIES}## Ambitie\n\nPartijen willen zoveel mogelijk samenwerken${' '.repeat(n)}\n` },
  { name: '; in an ambition sentence', scales: true, build: (n) => `${COVENANT}${PARTIES}## Ambitie\n\nPartijen willen zoveel mogelijk samenwerken${';'.repeat(n)}\n` },
  { name: 'backtick fences', scales: true, build: (n) => `${COVENANT}${repeat('```a`\n\n', n)}` },
  { name: 'nested lists (10,000)', scales: false, build: () => `${COVENANT}${PARTIES}${nested('-', 10_000)}\n` },
  { name: 'nested blockquotes (10,000)', scales: false, build: () => `${COVENANT}${PARTIES}${nested('>', 10_000)}\n` },
  {
    name: 'table of 5,000 columns',
    scales: false,
    build: () => `${COVENANT}${PARTIES}## Bijdragen\n\n| ${Array.from({ length: 5000 }, (_, i) => `k${i}`).join(' | ')} |\n|${' --- |'.repeat(5000)}\n| ${Array.from({ length: 5000 }, () => 'n.t.b.').join(' | ')} |\n`,
  },
  {
    name: 'table of 20,000 rows under Partijen',
    scales: false,
    build: () => `${COVENANT}## Partijen\n\n| Partij | Rol |\n| --- | --- |\n${Array.from({ length: 20_000 }, (_, i) => `| Stichting ${i} | bestuur |`).join('\n')}\n`,
  },
  { name: '100,000 headings', scales: false, build: () => `${COVENANT}${Array.from({ length: 100_000 }, (_, i) => `## Kop ${i}`).join('\n')}\n` },
  { name: 'parties list of 5,000 items', scales: false, build: () => `${COVENANT}## Partijen\n\n${Array.from({ length: 5000 }, (_, i) => `- Stichting Onderwijs ${i}`).join('\n')}\n` },
  {
    name: '1,000 parties, contributions in prose',
    scales: false,
    build: () =>
      `${COVENANT}## Partijen\n\n${Array.from({ length: 1000 }, (_, i) => `- Stichting ${i}`).join('\n')}\n\n## Afspraken\n\nStichting 0 stelt € 1.000 beschikbaar.\n`,
  },
  { name: 'mixed CRLF, LF and CR', scales: true, build: (n) => repeat(`${PARTIES.replace(/\n/g, '\r\n')}## Ambitie\r\rPartijen willen samenwerken.\n`, n) },
  { name: 'BOM and NUL bytes', scales: true, build: (n) => `\uFEFF${COVENANT}${PARTIES}${repeat('Partijen willen\u0000 samen\u0000werken. ', n)}\n` },
  { name: 'front matter unclosed', scales: false, build: () => `---\ntype: convenant\n${repeat('partijen: x\n', 100_000)}` },
  { name: 'front matter with tabs', scales: false, build: () => `---\ntype: convenant\n\tpartijen:\n\t\t- Gemeente X\n---\n# Convenant\n\n${PARTIES}## Ambitie\n\nPartijen willen zoveel mogelijk samenwerken.\n` },
  {
    name: 'front matter alias bomb',
    scales: false,
    build: () => {
      const lines = ['---', 'type: convenant', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
      return `${lines.join('\n')}\npartijen: *a11\n---\n# Convenant\n\n${PARTIES}## Ambitie\n\nPartijen willen zoveel mogelijk samenwerken.\n`;
    },
  },
  { name: 'front matter nested 10,000 deep', scales: false, build: () => `---\ntype: convenant\npartijen: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n# Convenant\n\n${PARTIES}` },
  { name: 'front matter partijen a string', scales: false, build: () => `---\ntype: convenant\npartijen: Gemeente X\n---\n# Convenant\n\n${PARTIES}` },
  { name: 'front matter partijen a number', scales: false, build: () => `---\ntype: convenant\npartijen: 42\n---\n# Convenant\n\n${PARTIES}` },
  {
    name: 'front matter partijen 100,000 items',
    scales: false,
    build: () => `---\ntype: convenant\npartijen:\n${Array.from({ length: 100_000 }, (_, i) => `  - Stichting ${i}`).join('\n')}\n---\n# Convenant\n\n## Bijdragen\n\nStichting 1 stelt € 1.000 beschikbaar.\n`,
  },
];
