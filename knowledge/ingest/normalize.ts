/**
 * Text normalisation for extracted documents: Unicode NFC, hyphenation at line ends (also with U+2011
 * and soft hyphens), hard-wrapped lines joined into paragraphs, page numbers and page-break boxes
 * dropped, tab tables turned into readable rows. Pure functions.
 */

const lineEndHyphen = /([\p{Ll}\p{Lu}ÄÖÜäöüß])[-\u2011\u00AD]\s*\n\s*(\p{Ll})/gu;
const keptHyphen = /([\p{L}])[\u2011]\s*\n\s*(\p{Lu})/gu;
const pageNumberLine = /^\s*(?:seite\s+)?\d{1,3}(?:\s*(?:\/|von)\s*\d{1,3})?\s*$/i;
const boxLine = /^[\s\u2500-\u257F\u25A0-\u25FF|+=_-]{3,}$/;

/** Joins words hyphenated across a line break; keeps the hyphen before an upper-case word ("Kfz-\nZulassung"). */
export function dehyphenate(text: string): string {
  return text
    .replace(/\u00AD(?!\n)/g, '')
    .replace(lineEndHyphen, '$1$2')
    .replace(keptHyphen, '$1-$2')
    .replace(/[\u2010\u2011]/g, '-');
}

/** Turns tab-separated rows into "a | b | c" lines so that table cells stay apart. */
export function flattenTabTables(text: string): string {
  return text.replace(/^[^\n]*\t[^\n]*$/gm, (line) => line.split(/\t+/).map((cell) => cell.trim()).filter(Boolean).join(' | '));
}

function isListItem(line: string): boolean {
  return /^\s*([-•*–]|\d+[.)]|\(\d+\)|[a-z]\))\s/.test(line);
}

function endsSentence(line: string): boolean {
  return /[.!?:;)“"]\s*$/.test(line);
}

function isHeadingLine(line: string): boolean {
  return line.length < 80 && !/[.,;:]$/.test(line) && /^(\d{1,2}(\.\d{1,2})*\.?|§\s*\d+[a-z]?)\s+\p{Lu}/u.test(line);
}

/** Typical width of a full line (80th percentile), to tell paragraph ends in PDF text without blank lines. */
function typicalLineLength(lines: readonly string[]): number {
  const lengths = lines.map((line) => line.trim().length).filter((length) => length > 0).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? 0;
}

/** Whether a single line break between `previous` and `line` ends a paragraph (PDF text has no blank lines). */
function breaksWithoutBlankLine(previous: string, line: string, typical: number): boolean {
  if (isListItem(line) || /^#{1,6}\s/.test(line) || /^#{1,6}\s/.test(previous)) return true;
  if (isHeadingLine(line) || isHeadingLine(previous)) return true;
  return /[.!?:]$/.test(previous) && previous.length < typical * 0.75;
}

/** Joins hard-wrapped lines into paragraphs; a blank line ends a paragraph unless the sentence clearly continues. */
export function joinWrappedLines(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t]+$/g, ''));
  const typical = typicalLineLength(lines);
  const paragraphs: string[] = [];
  let current = '';
  let previousLine = '';
  let pendingBreak = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed) {
      pendingBreak = current !== '';
      continue;
    }
    const continues =
      current !== '' && !endsSentence(current) && !isListItem(trimmed) && !/^#{1,6}\s/.test(current) && !isHeadingLine(trimmed) &&
      (/^\p{Ll}/u.test(trimmed) || (current.length > 50 && trimmed.length > 30 && /\p{Ll}/u.test(current.slice(-3))));
    if (current && (pendingBreak ? !continues : breaksWithoutBlankLine(previousLine, trimmed, typical))) {
      paragraphs.push(current);
      current = trimmed;
    } else {
      current = current ? `${current} ${trimmed}` : trimmed;
    }
    previousLine = trimmed;
    pendingBreak = false;
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n\n');
}

/** Drops lines that are only page numbers or box-drawing/separator characters. */
export function dropPageArtifacts(text: string): string {
  return text
    .split('\n')
    .filter((line) => !pageNumberLine.test(line) && !boxLine.test(line))
    .join('\n');
}

/** The full normalisation pipeline for extracted plain text. */
export function normalizeText(text: string): string {
  const unified = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').replace(/\u00A0/g, ' ');
  const cleaned = flattenTabTables(dropPageArtifacts(dehyphenate(unified)));
  return joinWrappedLines(cleaned)
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
