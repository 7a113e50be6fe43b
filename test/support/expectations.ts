/**
 * Inline expectations in fixture documents: `<!-- expect RULE key=value -->` says a finding of RULE starts on that
 * line (or, when the comment stands alone on its line, on the next non-blank line). No expectations: no findings.
 * `<!-- expect-scope in -->` or `<!-- expect-scope out -->` says whether the document is checked at all.
 */
import type { Finding } from '../../server/src/engine';
import { normalize } from '../../server/src/engine/text';

export interface Expectation {
  line: number;
  ruleId: string;
  data: Record<string, string>;
}

const COMMENT = /<!--\s*expect\s+([\w-]+)((?:\s+[\w.]+=(?:"[^"]*"|[^\s"]+))*)\s*-->/g;
const PAIR = /([\w.]+)=(?:"([^"]*)"|([^\s"]+))/g;

export function parseExpectations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const out: Expectation[] = [];
  lines.forEach((line, i) => {
    const standalone = line.replace(COMMENT, '').trim() === '' && COMMENT.test(line);
    COMMENT.lastIndex = 0;
    let target = i;
    if (standalone) {
      target = i + 1;
      while (target < lines.length && (lines[target].trim() === '' || lines[target].replace(COMMENT, '').trim() === '')) target++;
      COMMENT.lastIndex = 0;
    }
    for (const m of line.matchAll(COMMENT)) {
      const data: Record<string, string> = {};
      for (const p of m[2].matchAll(PAIR)) data[p[1]] = p[2] ?? p[3];
      out.push({ line: target, ruleId: m[1], data });
    }
  });
  return out;
}

const SCOPE = /<!--\s*expect-scope\s+(in|out)\s*-->/;

export function parseScopeLabel(text: string): 'in' | 'out' | null {
  return (SCOPE.exec(text)?.[1] as 'in' | 'out' | undefined) ?? null;
}

export function describeFinding(f: Finding): string {
  const key = (f.data.group ?? f.data.party ?? '') as string;
  return `line ${f.range.start.line + 1}: ${f.ruleId}${key ? ` ${key}` : ''} — ${f.message}`;
}

export function describeExpectation(e: Expectation): string {
  const data = Object.entries(e.data).map(([k, v]) => `${k}=${v}`).join(' ');
  return `line ${e.line + 1}: ${e.ruleId}${data ? ` ${data}` : ''}`;
}

function satisfies(f: Finding, e: Expectation): boolean {
  return f.ruleId === e.ruleId && f.range.start.line === e.line && Object.entries(e.data).every(([k, v]) => String(f.data[k]) === v);
}

/** Pairs findings with expectations; returns what is missing and what is unexpected, readable in a failure. */
export function compare(findings: Finding[], expectations: Expectation[]): { missing: string[]; unexpected: string[] } {
  const left = [...findings];
  const missing: string[] = [];
  for (const e of expectations) {
    const i = left.findIndex((f) => satisfies(f, e));
    if (i >= 0) left.splice(i, 1);
    else missing.push(describeExpectation(e));
  }
  return { missing, unexpected: left.map(describeFinding) };
}

/** A party label names the party when, normalised, one contains the other ("Kindwijs" ~ "Stichting Kindwijs"). */
function sameParty(label: string, found: string): boolean {
  const a = normalize(label).replace(/^(de|het|the) /, '');
  const b = normalize(found).replace(/^(de|het|the) /, '');
  return a === b || (a.length >= 4 && b.includes(a)) || (b.length >= 4 && a.includes(b));
}

/**
 * As a reader counts findings: a missing group by its group, an unstated contribution by its party (`party=ALL`:
 * nobody states one), line rules by their line. For outsiders' documents, whose labels say what, not where.
 */
export function readerMatches(f: Finding, e: Expectation): boolean {
  if (f.ruleId !== e.ruleId) return false;
  switch (f.ruleId) {
    case 'missing-stakeholder':
      return f.data.group === e.data.group;
    case 'unstated-contribution':
      if (e.data.party === 'ALL') return f.data.reason === 'no-section';
      return f.data.reason !== 'no-section' && typeof f.data.party === 'string' && sameParty(e.data.party ?? '', f.data.party);
    default:
      return f.range.start.line === e.line;
  }
}

/** Pairs findings with expectations as a reader would; returns what is missing and what is unexpected. */
export function compareAsReader(findings: Finding[], expectations: Expectation[]): { missing: Expectation[]; unexpected: Finding[] } {
  const left = [...findings];
  const missing: Expectation[] = [];
  for (const e of expectations) {
    const i = left.findIndex((f) => readerMatches(f, e));
    if (i >= 0) left.splice(i, 1);
    else missing.push(e);
  }
  return { missing, unexpected: left };
}
