/**
 * A ~30 KB covenant built deterministically from examples/*.md, so the benchmark needs no committed data: the clean
 * covenant (front matter, title, parties and its own sections) is followed by the sections of the other Dutch
 * examples, round after round, until the text is at least `minBytes` long; the signatures come last.
 *
 *   npx tsx bench/generate-covenant.ts [variant] > covenant.md
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLES = join(__dirname, '..', 'examples');
const BASE = 'convenant-kindcentrum-de-brug.md';
/** Dutch examples whose sections are appended, in this order. The English covenant would switch the language. */
const DONORS = ['lea-2027-2030.md', 'ihp-vage-ambities.md', 'plan-van-aanpak-bijdragen.md', 'samenwerkingsovereenkomst-zonder-frontmatter.md', 'notulen-overleg.md'];
/** Sections that belong to one document only: a second parties list or signature block would be odd. */
const SKIP = /^(\d+\.\s*)?(partijen|ondertekening|aanwezig)\b/i;

interface Section {
  heading: string;
  body: string;
}

/** The level-2 sections of a Markdown file (sub-headings stay inside), without front matter and title. */
function sections(markdown: string): Section[] {
  const withoutFrontMatter = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const parts = withoutFrontMatter.split(/^(?=## )/m);
  return parts
    .filter((p) => p.startsWith('## '))
    .map((p) => {
      const newline = p.indexOf('\n');
      return { heading: p.slice(3, newline).trim(), body: p.slice(newline + 1).trimEnd() };
    });
}

export interface CovenantOptions {
  /** Makes each generated document different (title and a reference line); 0 leaves the clean covenant's title. */
  variant?: number;
  minBytes?: number;
}

export function generateCovenant({ variant = 0, minBytes = 30 * 1024 }: CovenantOptions = {}): string {
  const base = readFileSync(join(EXAMPLES, BASE), 'utf8').replace(/\r\n/g, '\n');
  const signatureAt = base.search(/^## Ondertekening/m);
  let head = base.slice(0, signatureAt).trimEnd();
  const signature = base.slice(signatureAt).trimEnd();
  if (variant) {
    head = head
      .replace(/^titel: (.*)$/m, (_, t: string) => `titel: ${t} (nr. ${variant})`)
      .replace(/^# (.*)$/m, (_, t: string) => `# ${t} (nr. ${variant})\n\nKenmerk van dit convenant: RS-${String(variant).padStart(4, '0')}.`);
  }

  const donors = DONORS.map((file) => sections(readFileSync(join(EXAMPLES, file), 'utf8').replace(/\r\n/g, '\n')).filter((s) => !SKIP.test(s.heading)));
  const parts = [head];
  let bytes = Buffer.byteLength(head);
  const signatureBytes = Buffer.byteLength(signature) + 2;
  for (let round = 1; bytes + signatureBytes < minBytes; round++) {
    for (const donor of donors) {
      for (const section of donor) {
        if (bytes + signatureBytes >= minBytes) break;
        const part = `## ${section.heading.replace(/^\d+\.\s*/, '')} (deel ${round})\n\n${section.body}`;
        parts.push(part);
        bytes += Buffer.byteLength(part) + 2;
      }
    }
  }
  parts.push(signature);
  return `${parts.join('\n\n')}\n`;
}

if (require.main === module) {
  const variant = Number(process.argv[2] ?? 0);
  process.stdout.write(generateCovenant({ variant: Number.isFinite(variant) ? variant : 0 }));
}
