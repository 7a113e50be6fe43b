import { classifyHeading } from '../vocabulary';
import type { ChunkFacts } from './chunks';
import type { Block, Heading, Section } from './types';

export function buildSections(headings: Heading[], length: number): Section[] {
  const root: Section = { start: 0, end: length, heading: null, cls: null, parent: null };
  const sections: Section[] = [root];
  const stack: Section[] = [];
  // Each heading's section ends where the next heading of its depth or higher starts: one pass from the back.
  const ends = new Array<number>(headings.length).fill(length);
  const open: number[] = [];
  for (let i = headings.length - 1; i >= 0; i--) {
    while (open.length && headings[open[open.length - 1]].depth > headings[i].depth) open.pop();
    if (open.length) ends[i] = headings[open[open.length - 1]].start;
    open.push(i);
  }
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i];
    while (stack.length && stack[stack.length - 1].heading!.depth >= heading.depth) stack.pop();
    const parent = stack[stack.length - 1] ?? root;
    // A subsection without a class of its own ("Thema 2 – Jeugd") carries its parent's, except under the title.
    const cls = classifyHeading(heading.text) ?? (parent.heading && parent.heading.depth > 1 ? parent.cls : null);
    const section: Section = { start: heading.start, end: ends[i], heading, cls, parent };
    sections.push(section);
    stack.push(section);
  }
  return sections;
}

/** Blocks and sections are both in document order, so one sweep assigns each block its innermost section. */
export function assignSections(rawBlocks: ChunkFacts['blocks'], sections: Section[]): Block[] {
  const withHeading = sections.filter((s) => s.heading);
  const stack: Section[] = [];
  let next = 0;
  return rawBlocks.map((b) => {
    while (next < withHeading.length && withHeading[next].start <= b.start) stack.push(withHeading[next++]);
    while (stack.length && stack[stack.length - 1].end <= b.start) stack.pop();
    return { ...b, section: stack[stack.length - 1] ?? sections[0] };
  });
}
