/**
 * The lesson behind findings as Markdown: short for the hover, whole for the lesson page ("Samenspel: Show lesson").
 *
 * The hover sits under the finding's message, which the editor already shows, so it leaves the message out, and it
 * names each lesson once even where several findings share it (two missing groups at one heading). Citations name
 * what a reader can find: the success factor or the municipality's case study, the speaker, and the publication.
 */
import type { AnalysisResult, Finding } from '../engine';
import { lessonMarkdown, quoteMarkdown, sourceLine } from '../engine/lessons';
import type { Language, LessonRef } from '../engine/types';

type Words = Record<'practice' | 'aboutRule', string>;

const WORDS: Record<Language, Words> = {
  nl: { practice: 'Uit de praktijk', aboutRule: 'Over deze regel' },
  en: { practice: 'From practice', aboutRule: 'About this rule' },
};

/** Items in first-seen order, once per key. */
function once<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

function practice(examples: LessonRef[], lang: Language): string[] {
  if (!examples.length) return [];
  return ['', `**${WORDS[lang].practice}**`, '', once(examples, (e) => e.quote.text).map((e) => `*${e.title}*\n\n${quoteMarkdown(e.quote, lang)}`).join('\n\n')];
}

function ruleLinks(findings: Finding[], lang: Language, href: (ruleId: string) => string): string {
  return once(findings.map((f) => f.ruleId), (id) => id).map((id) => `[${WORDS[lang].aboutRule}: ${id}](${href(id)})`).join(' · ');
}

/** How many municipalities' examples a hover shows; the lesson page shows them all. */
const HOVER_EXAMPLES = 2;

/** Each finding's first example before anyone's second, so every finding at the spot is represented. */
function firstExamples(findings: Finding[]): LessonRef[] {
  const longest = Math.max(...findings.map((f) => f.examples.length));
  const turns = Array.from({ length: longest }, (_, i) => findings.flatMap((f) => f.examples.slice(i, i + 1))).flat();
  return once(turns, (e) => e.id).slice(0, HOVER_EXAMPLES);
}

/**
 * The hover: per lesson its title, advice and pitfall, the quotes the findings cite, one example from each of at most
 * two municipalities, the source once, the rule links.
 */
export function hoverMarkdown(findings: Finding[], lang: AnalysisResult['language'], href: (ruleId: string) => string): string {
  const byLesson = once(findings, (f) => f.lesson.id).map((first) => findings.filter((f) => f.lesson.id === first.lesson.id));
  const parts = byLesson.map((group) => {
    const [first] = group;
    const quotes = once(group.map((f) => f.lesson.quote), (q) => q.text).map((q) => quoteMarkdown(q, lang));
    return [lessonMarkdown(first.lesson.id, lang, [], false), '', quotes.join('\n\n'), ...practice(firstExamples(group), lang)].join('\n');
  });
  return [parts.join('\n\n---\n\n'), '', sourceLine(lang), '', ruleLinks(findings, lang, href)].join('\n');
}

/** The lesson page: each finding's message, the whole lesson with all its quotes, and practice. */
export function lessonPageMarkdown(findings: Finding[], lang: AnalysisResult['language'], href: (ruleId: string) => string): string {
  const messages = findings.map((f) => `**${f.message}**`).join('\n\n');
  const lessons = once(findings, (f) => f.lesson.id).map((first) =>
    [lessonMarkdown(first.lesson.id, lang, undefined, false), ...practice(findings.filter((f) => f.lesson.id === first.lesson.id).flatMap((f) => f.examples), lang)].join('\n'),
  );
  return [messages, '', lessons.join('\n\n---\n\n'), '', sourceLine(lang), '', ruleLinks(findings, lang, href)].join('\n');
}
