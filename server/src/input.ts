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

/** UTF-16 by its byte order mark, or without one by NULs in every other byte of ASCII-like text. */
function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 512);
  if (sample.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? odd++ : even++;
  const half = sample.length / 2;
  return (odd > half * 0.9 && even === 0) || (even > half * 0.9 && odd === 0);
}

export function readDocument(bytes: Uint8Array, lang: Language): { text: string } | { error: string } {
  if (looksUtf16(bytes)) return { error: lang === 'nl' ? 'UTF-16-tekst; sla het bestand op als UTF-8' : 'UTF-16 text; save the file as UTF-8' };
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
