import lessonData from '../lessons/lessons.json';
import type { Language, LessonRef } from './types';

type Localized = Record<Language, string>;

export interface Quote {
  /** Word for word from the publication, in Dutch. */
  text: string;
  /** A translation for English readers, labelled as ours: never shown as a quote. */
  gloss: { en: string };
  attribution: Localized;
  /** Lines in the text extraction of the seed, for the verbatim test only: no reader has that extraction. */
  lines: [number, number];
}

export interface Lesson {
  id: string;
  kind: 'factor' | 'example';
  factor?: number;
  municipality?: string;
  title: Localized;
  advice: Localized;
  pitfall?: Localized;
  lines: [number, number];
  quotes: Quote[];
}

export const LESSON_SOURCE = lessonData.source;
export const LESSONS = lessonData.lessons as Lesson[];

export function lesson(id: string): Lesson {
  const found = LESSONS.find((l) => l.id === id);
  if (!found) throw new Error(`Unknown lesson ${id}`);
  return found;
}

/** "les 1: Betrek alle belanghebbenden" / "Eindhoven: …" — how a fix title or message names a lesson. */
export function lessonLabel(l: Lesson, lang: Language): string {
  if (l.kind === 'factor') return `${lang === 'nl' ? 'les' : 'lesson'} ${l.factor}: ${l.title[lang]}`;
  return l.title[lang];
}

export function lessonRef(id: string, lang: Language, quoteIndex = 0): LessonRef {
  const l = lesson(id);
  const q = l.quotes[Math.min(quoteIndex, l.quotes.length - 1)];
  return { id: l.id, title: lessonLabel(l, lang), quote: { text: q.text, attribution: q.attribution[lang], ...(lang === 'en' ? { gloss: q.gloss.en } : {}) } };
}

/** The publication, as a reader can look it up. */
export function sourceLine(lang: Language): string {
  return `*${lang === 'nl' ? 'Bron' : 'Source'}: ${LESSON_SOURCE.publisher}, ${LESSON_SOURCE.title} (${LESSON_SOURCE.year})*`;
}

/**
 * A quote as Markdown, cited by what a reader can find: the success factor or the municipality's case study, and the
 * speaker where one is named. The Dutch stays verbatim; an English reader gets a translation below it, labelled so.
 */
export function quoteMarkdown(quote: LessonRef['quote'], lang: Language): string {
  const lines = [`> „${quote.text}”`, `> — ${quote.attribution}`];
  if (lang === 'en' && quote.gloss) lines.push('', `*In English (our translation, not a quote):* ${quote.gloss}`);
  return lines.join('\n');
}

/** The whole lesson as Markdown, for the lesson page and the rule docs: advice, pitfall, quotes cited, the source. */
export function lessonMarkdown(id: string, lang: Language, quoteIndexes?: number[], withSource = true): string {
  const l = lesson(id);
  const nl = lang === 'nl';
  const parts = [`**${lessonLabel(l, lang)}**`, '', l.advice[lang]];
  if (l.pitfall) parts.push('', `*${nl ? 'Valkuil' : 'Pitfall'}:* ${l.pitfall[lang]}`);
  const quotes = (quoteIndexes ?? l.quotes.map((_, i) => i)).map((i) => l.quotes[i]).filter(Boolean);
  for (const q of quotes) parts.push('', quoteMarkdown({ text: q.text, attribution: q.attribution[lang], gloss: q.gloss.en }, lang));
  if (withSource) parts.push('', sourceLine(lang));
  return parts.join('\n');
}
