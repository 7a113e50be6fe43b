/**
 * Globs for `scope.include` / `scope.exclude`, matched without regexes. Globs come from settings and project files
 * that a workspace can ship; a glob compiled to a backtracking regex (picomatch's extglobs: `*(*([a-z-]))z`) can
 * stall the server for minutes. Here a glob is a list of tokens run as a set of states over the path (a Thompson
 * simulation), so matching costs at most path length × glob length, whatever the glob.
 *
 * Supported: `*`, `**` (as a whole path segment), `?`, `[abc]`, `[a-z]`, `[!a]` / `[^a]`, `{a,b}` and `\` escapes.
 * Extglobs (`@(…)`, `*(…)`, `+(…)`, `?(…)`, `!(…)`) are declined with a clear reason, and so are very long globs.
 */

/** Longer globs are declined: no real path pattern is this long, and each one costs time on every check. */
export const MAX_GLOB_LENGTH = 1000;
/** `{a,b}{c,d}…` multiplies: more alternatives than this are declined. */
const MAX_ALTERNATIVES = 64;

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'any' } // ?
  | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> }
  | { kind: 'star' } // * : any run without '/'
  | { kind: 'globstar' } // ** as a segment followed by '/': zero or more whole segments
  | { kind: 'rest' }; // a trailing ** : anything

/** Why a glob cannot be used, in Dutch / English, or null when it can. */
export function globProblem(glob: string): string | null {
  if (glob.length > MAX_GLOB_LENGTH) return `te lang (${glob.length} tekens, hooguit ${MAX_GLOB_LENGTH}) / too long (${glob.length} characters, at most ${MAX_GLOB_LENGTH})`;
  if (/(?<!\\)[@*+?!]\(/u.test(glob)) return 'extglob-patronen zoals @(…), *(…) of !(…) worden niet ondersteund / extglob patterns such as @(…), *(…) or !(…) are not supported';
  const alternatives = expandBraces(glob);
  if (!alternatives) return `te veel alternatieven tussen {} (hooguit ${MAX_ALTERNATIVES}) / too many {} alternatives (at most ${MAX_ALTERNATIVES})`;
  return null;
}

/** `{a,b}` expanded, innermost first; null when there are too many alternatives. */
function expandBraces(glob: string): string[] | null {
  let open = -1;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') open = i;
    else if (c === '}' && open >= 0) {
      const parts = splitTopLevel(glob.slice(open + 1, i));
      if (parts.length < 2) {
        open = -1;
        continue;
      }
      const out: string[] = [];
      for (const part of parts) {
        const expanded = expandBraces(glob.slice(0, open) + part + glob.slice(i + 1));
        if (!expanded) return null;
        out.push(...expanded);
        if (out.length > MAX_ALTERNATIVES) return null;
      }
      return out;
    }
  }
  return [glob];
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++;
    else if (inner[i] === ',') {
      parts.push(inner.slice(at, i));
      at = i + 1;
    }
  }
  parts.push(inner.slice(at));
  return parts;
}

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) tokens.push({ kind: 'char', char: glob[++i] });
    else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '*') {
      let j = i;
      while (glob[j + 1] === '*') j++;
      const segmentStart = i === 0 || glob[i - 1] === '/';
      if (j > i && segmentStart && glob[j + 1] === '/') {
        tokens.push({ kind: 'globstar' });
        j++; // the '/' belongs to the globstar: "**/" is zero or more "segment/"
      } else if (j > i && segmentStart && j + 1 === glob.length) tokens.push({ kind: 'rest' });
      else tokens.push({ kind: 'star' });
      i = j;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        tokens.push({ kind: 'char', char: c });
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      const ranges: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else ranges.push([body[k], body[k]]);
      }
      tokens.push({ kind: 'class', negated, ranges });
      i = close;
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** Does one token consume `c`? */
function consumes(t: Token, c: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.char === c;
    case 'any':
    case 'star':
      return c !== '/';
    case 'class':
      return c !== '/' && t.ranges.some(([lo, hi]) => lo <= c && c <= hi) !== t.negated;
    case 'globstar':
    case 'rest':
      return true;
  }
}

/** Tokens that can match nothing. */
const optional = (t: Token): boolean => t.kind === 'star' || t.kind === 'globstar' || t.kind === 'rest';

function matchTokens(tokens: Token[], path: string): boolean {
  const n = tokens.length;
  // Entering a state also enters the states after it that may match nothing.
  const enter = (set: Uint8Array, s: number): void => {
    for (let at = s; at <= n && !set[at]; at++) {
      set[at] = 1;
      if (at === n || !optional(tokens[at])) break;
    }
  };
  let states = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  enter(states, 0);
  for (const c of path) {
    next.fill(0);
    let alive = false;
    for (let s = 0; s < n; s++) {
      if (!states[s]) continue;
      const t = tokens[s];
      if (!consumes(t, c)) continue;
      alive = true;
      if (t.kind === 'globstar') {
        // Inside a segment the globstar only stays; past a '/' it is at a segment boundary again and may end.
        next[s] = 1;
        if (c === '/') enter(next, s + 1);
      } else if (t.kind === 'star' || t.kind === 'rest') enter(next, s);
      else enter(next, s + 1);
    }
    if (!alive) return false;
    [states, next] = [next, states];
  }
  return states[n] === 1;
}

/**
 * A matcher for a glob that `globProblem` accepts (others never match). Case-insensitive, and `*` matches dot
 * files too: a writer's "archief/**" means every file in it.
 */
export function compileGlob(glob: string): (path: string) => boolean {
  if (globProblem(glob)) return () => false;
  const alternatives = expandBraces(glob)!.map((g) => tokenize(g.toLowerCase()));
  return (path) => {
    const lower = path.toLowerCase();
    return alternatives.some((tokens) => matchTokens(tokens, lower));
  };
}
