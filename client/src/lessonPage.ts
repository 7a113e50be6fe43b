/**
 * The lesson page of "Samenspel: Show lesson", in the language of the document it is about, like the lesson text
 * the server writes: a Dutch lesson under the English heading "Lesson from Samenspel" was issue 10, bug 3.
 * Free of `vscode`, so it can be tested.
 */
import type { DocumentLanguage, Translate } from './translate';

/** What the server answers to samenspel/lesson. */
export interface LessonAnswer {
  markdown: string;
  language: DocumentLanguage;
}

/** The page's Markdown and its name (the preview's tab title). */
export function lessonPage(answer: LessonAnswer, translate: (lang: DocumentLanguage) => Translate): { name: string; markdown: string } {
  const t = translate(answer.language);
  return { name: t('Lesson'), markdown: `# ${t('Lesson from Samenspel')}\n\n${answer.markdown}\n` };
}
