/**
 * German sentence splitting with character offsets, aware of common abbreviations ("z. B.", "Abs.",
 * "Nr.") and dates ("01.03.2025"), so that quotes are whole sentences. Table rows ("2024 | 322.537 |
 * 363.883", tab- or space-aligned columns) and "label: value" lines ("Anzahl an Digitallotsinnen: 37")
 * are sentences of their own: never glued to their neighbours, never split inside.
 */

/** A sentence and its position in the text it came from. */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const abbreviations = new Set([
  'z',
  'b',
  'abs',
  'nr',
  'ca',
  'bzw',
  'ggf',
  'u',
  'a',
  'd',
  'h',
  'vgl',
  'evtl',
  'inkl',
  'ggü',
  'usw',
  'etc',
  'str',
  'dr',
  'prof',
  'hr',
  'fr',
  'tel',
  'bspw',
  'max',
  'min',
  'mind',
  'ziff',
  'lit',
  'art',
  'gem',
  'o',
  's',
  'sog',
  'v',
  'i',
  'e',
  'ff',
  'f',
  'zzgl',
  'allg',
  'jan',
  'feb',
  'mrz',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dez',
  'st',
  'bzgl',
  'std',
  'mio',
  'mrd',
  'kap',
  'anm',
  'insb',
]);

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

const tableRow = /\S \| \S|\S\t+\S|\S {3,}\S|^\|.*\|$/;
const labelValue = /^[^:.!?\n]{3,80}:[ \t]*\S[^\n]{0,40}$/u;

/** Whether a line is a unit of its own: a table row or a short "label: value" line. */
export function isUnitLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && (tableRow.test(trimmed) || (labelValue.test(trimmed) && !/:\/\//.test(trimmed)));
}

/** A short label line right under a column row ("2024 | 322.537 | 363.883" + "Scans Scans Scans") belongs to it. */
function isCaptionOf(row: string, line: string): boolean {
  const trimmed = line.trim();
  return (
    tableRow.test(row.trim()) &&
    !isUnitLine(trimmed) &&
    trimmed.length > 0 &&
    trimmed.length <= 60 &&
    !/[.!?:;,]$/.test(trimmed) &&
    !/^([-•*–]|\d+[.)])\s/.test(trimmed)
  );
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

function lineBefore(text: string, newline: number): string {
  return text.slice(text.lastIndexOf('\n', newline - 1) + 1, newline);
}

/** Splits text into trimmed sentences with offsets; bullet lines, table rows and "label: value" lines count as sentences. */
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
  let unitEnd = isUnitLine(lineAt(text, 0)) ? lineAt(text, 0).length : -1;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\n') {
      const next = lineAt(text, index + 1);
      const nextIsUnit = isUnitLine(next);
      const caption = index === unitEnd && isCaptionOf(lineBefore(text, index), next);
      if (caption) {
        unitEnd = index + 1 + next.length;
        continue;
      }
      if (nextIsUnit || index === unitEnd || isUnitLine(lineBefore(text, index)) || /^\s*([-•*–]|\d+[.)])\s/.test(next.slice(0, 5)))
        push(index + 1);
      else if (isBoundary(text, index)) push(index + 1);
      unitEnd = nextIsUnit ? index + 1 + next.length : -1;
    } else if (unitEnd < 0 && isBoundary(text, index)) push(index + 1);
  }
  push(text.length);
  return sentences;
}
