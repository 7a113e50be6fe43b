/** Turning bytes into a document the engine can read, or a clear reason why not. Shared by the CLI and the server. */
import type { Language } from './engine';

/** Larger documents are refused: no partnership document is this long, and analysis must stay interactive. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function checkText(text: string, lang: Language): string | null {
  if (text.length > MAX_DOCUMENT_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return lang === 'nl' ? `document is te groot (${mb} MB, maximaal 5 MB) en wordt niet gecontroleerd` : `document is too large (${mb} MB, at most 5 MB) and is not checked`;
  }
  if (text.includes('\u0000')) return lang === 'nl' ? 'binair bestand, geen Markdown-tekst' : 'binary file, not Markdown text';
  return null;
}

export function readDocument(bytes: Uint8Array, lang: Language): { text: string } | { error: string } {
  if (bytes.includes(0)) return { error: lang === 'nl' ? 'binair bestand, geen Markdown-tekst' : 'binary file, not Markdown text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: lang === 'nl' ? 'geen geldige UTF-8-tekst (sla het bestand op als UTF-8)' : 'not valid UTF-8 text (save the file as UTF-8)' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const problem = checkText(text, lang);
  return problem ? { error: problem } : { text };
}
