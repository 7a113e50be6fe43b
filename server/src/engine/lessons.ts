import lessonData from '../lessons/lessons.json';
import type { Language, LessonRef } from './types';

type Localized = Record<Language, string>;

export interface Quote {
  text: string;
  attribution: Localized;
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
  return { id: l.id, title: lessonLabel(l, lang), quote: { text: q.text, attribution: q.attribution[lang] } };
}

/** The lesson as Markdown, for hovers and the CLI: advice, pitfall, quotes with attribution and seed lines. */
export function lessonMarkdown(id: string, lang: Language, quoteIndexes?: number[], withSource = true): string {
  const l = lesson(id);
  const nl = lang === 'nl';
  const parts = [`**${lessonLabel(l, lang)}**`, '', l.advice[lang]];
  if (l.pitfall) parts.push('', `*${nl ? 'Valkuil' : 'Pitfall'}:* ${l.pitfall[lang]}`);
  const quotes = (quoteIndexes ?? l.quotes.map((_, i) => i)).map((i) => l.quotes[i]).filter(Boolean);
  for (const q of quotes) {
    const lines = q.lines[0] === q.lines[1] ? `${nl ? 'regel' : 'line'} ${q.lines[0]}` : `${nl ? 'regels' : 'lines'} ${q.lines[0]}–${q.lines[1]}`;
    parts.push('', `> „${q.text}”`, `> — ${q.attribution[lang]} (${lines})`);
  }
  if (withSource) parts.push('', `*${LESSON_SOURCE.publisher}, ${LESSON_SOURCE.title} (${LESSON_SOURCE.year})*`);
  return parts.join('\n');
}
