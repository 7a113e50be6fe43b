/**
 * The "Ignore here" and "Ignore in this file" fixes every finding gets: they insert a suppression comment (see
 * ./suppress) where it keeps the Markdown as it is. A comment line inside a list or table would end it, and inside a
 * paragraph would split it; so `disable-next-line` goes only above the first line of a top-level block, and a finding
 * further inside a block gets `disable` above the block and `enable` below it.
 */
import type { DocumentModel } from './model';
import type { Fix, Finding, Language } from './types';

const MESSAGES: Record<Language, { here: (rule: string) => string; file: (rule: string) => string }> = {
  nl: { here: (rule) => `Negeer hier (${rule})`, file: (rule) => `Negeer in dit bestand (${rule})` },
  en: { here: (rule) => `Ignore here (${rule})`, file: (rule) => `Ignore in this file (${rule})` },
};

export interface IgnoreFixes {
  /** Absent where no comment can go (inside the front matter). */
  here?: Fix;
  file: Fix;
}

const comment = (verb: string, ruleId: string): string => `<!-- samenspel-${verb} ${ruleId} -->`;

/** The top-level block that holds `offset`: topBlocks are in document order and do not overlap. */
function blockAt(model: DocumentModel, offset: number): { start: number; end: number } | undefined {
  let lo = 0;
  let hi = model.topBlocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = model.topBlocks[mid];
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** The ignore fixes for the findings of one model: what is the same for all of them is worked out once. */
export function ignoreFixer(model: DocumentModel): (finding: Finding) => IgnoreFixes {
  const { index, text, newline: nl } = model;
  const words = MESSAGES[model.language];
  const at = (offset: number) => index.range(offset, offset);

  return (finding) => {
    // File-wide: at the very top, or right after the front matter, which must stay the first thing in the file.
    const fm = model.frontMatter;
    const file: Fix = {
      title: words.file(finding.ruleId),
      edits: [fm ? { range: at(fm.end), newText: `${nl}${comment('disable-file', finding.ruleId)}` } : { range: at(0), newText: `${comment('disable-file', finding.ruleId)}${nl}${nl}` }],
    };

    const offset = index.offset(finding.range.start);
    if (fm && offset < fm.end) return { file };
    // A finding outside any block (on the title of an empty document, say) is silenced on its own line.
    const block = blockAt(model, offset) ?? { start: index.lineStart(finding.range.start.line), end: index.lineEnd(offset) };
    const blockLine = index.position(block.start).line;
    const lineStart = index.lineStart(blockLine);
    const indent = /^[ \t]*/.exec(text.slice(lineStart, block.start))?.[0] ?? '';
    const here: Fix =
      blockLine === finding.range.start.line
        ? { title: words.here(finding.ruleId), edits: [{ range: at(lineStart), newText: `${indent}${comment('disable-next-line', finding.ruleId)}${nl}` }] }
        : {
            title: words.here(finding.ruleId),
            edits: [
              { range: at(lineStart), newText: `${indent}${comment('disable', finding.ruleId)}${nl}` },
              { range: at(index.lineEnd(Math.max(block.end - 1, block.start))), newText: `${nl}${indent}${comment('enable', finding.ruleId)}` },
            ],
          };
    return { here, file };
  };
}
