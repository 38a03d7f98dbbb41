/**
 * German sentence splitting with character offsets, aware of common abbreviations ("z. B.", "Abs.",
 * "Nr.") and dates ("01.03.2025"), so that quotes are whole sentences.
 */

/** A sentence and its position in the text it came from. */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const abbreviations = new Set(
  [
    'z', 'b', 'abs', 'nr', 'ca', 'bzw', 'ggf', 'u', 'a', 'd', 'h', 'vgl', 'evtl', 'inkl', 'ggü', 'usw', 'etc', 'str',
    'dr', 'prof', 'hr', 'fr', 'tel', 'bspw', 'max', 'min', 'mind', 'ziff', 'lit', 'art', 'gem', 'o', 's', 'sog',
    'v', 'i', 'e', 'ff', 'f', 'zzgl', 'allg', 'jan', 'feb', 'mrz', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
    'okt', 'nov', 'dez', 'st', 'bzgl', 'std', 'mio', 'mrd', 'kap', 'anm', 'insb',
  ],
);

function isBoundary(text: string, index: number): boolean {
  const char = text[index];
  if (char === '\n' && text[index + 1] === '\n') return true;
  if (char !== '.' && char !== '!' && char !== '?') return false;
  const next = text.slice(index + 1, index + 3);
  if (!/^\s/.test(next) && next !== '') return false;
  if (char !== '.') return true;
  const before = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(0, index - 12), index))?.[1] ?? '';
  if (/^\d+$/.test(before)) return !/^\s*\d/.test(text.slice(index + 1, index + 4)) && before.length > 2;
  if (abbreviations.has(before.toLowerCase())) return false;
  return !/^\s+[a-zäöüß]/.test(text.slice(index + 1, index + 4)) || before.length > 3;
}

/** Splits text into trimmed sentences with offsets; bullet lines count as sentences. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) {
      sentences.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
    }
    start = end;
  };
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\n' && /^\s*([-•*–]|\d+[.)])\s/.test(text.slice(index + 1, index + 6))) push(index + 1);
    else if (isBoundary(text, index)) push(index + 1);
  }
  push(text.length);
  return sentences;
}
