/** Turning bytes into a document the engine can read, or a clear reason why not. Shared by the CLI and the server. */
import type { Language } from './engine';

/**
 * A document over the `maxFileSizeKB` setting is not analysed: no partnership document is this long, and analysis
 * must stay interactive. The notice says so, once, in place of findings.
 */
export function sizeNotice(bytes: number, maxFileSizeKB: number, lang: Language | 'both'): string | null {
  if (bytes <= maxFileSizeKB * 1024) return null;
  const size = (n: number, decimal: string): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '').replace('.', decimal)} MB` : `${Math.ceil(n / 1024)} KB`);
  const nl = `Samenspel controleert dit document niet: het is ${size(bytes, ',')}, groter dan de grens van ${size(maxFileSizeKB * 1024, ',')} (instelling maxFileSizeKB)`;
  const en = `Samenspel does not check this document: it is ${size(bytes, '.')}, larger than the limit of ${size(maxFileSizeKB * 1024, '.')} (setting maxFileSizeKB)`;
  return lang === 'nl' ? nl : lang === 'en' ? en : `${nl} / ${en}`;
}

export function checkText(text: string, lang: Language): string | null {
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
