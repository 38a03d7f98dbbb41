/**
 * Text normalisation for extracted documents: Unicode NFC, hyphenation at line ends (also with U+2011
 * and soft hyphens), hard-wrapped lines joined into paragraphs, page numbers and page-break boxes
 * dropped, tab and column tables turned into one line per row, inline HTML tags dropped. Pure functions.
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

/** Whether a line is a column row: tab-separated, or at least two gaps of 3+ spaces ("2024      322.537      363.883"). */
function isColumnRow(line: string): boolean {
  const trimmed = line.trim();
  return /\S\t+\S/.test(trimmed) || (trimmed.match(/\S {3,}(?=\S)/g)?.length ?? 0) >= 2;
}

/**
 * Turns table rows (tab-separated, or columns aligned with runs of spaces) into "a | b | c" lines so that
 * table cells stay apart and each row stays one line (`joinWrappedLines` never joins a row with other lines).
 */
export function flattenTabTables(text: string): string {
  return text.replace(/^[^\n]*$/gm, (line) =>
    isColumnRow(line)
      ? line
          .split(/\t+| {3,}/)
          .map((cell) => cell.trim())
          .filter(Boolean)
          .join(' | ')
      : line,
  );
}

/** Simple inline HTML markup some exports leave in plain text ("<b>Einsatzbereich</b>", "<br>"). */
export function dropInlineMarkup(text: string): string {
  return text.replace(/<\/?(?:b|i|u|em|strong|span|small|sup|sub|font)(?:\s[^<>\n]*)?>/gi, '').replace(/<br\s*\/?>/gi, '\n');
}

/** A short label line right under a table row ("Scans Scans Scans"): kept with the row. */
function isCaption(line: string): boolean {
  return line.length <= 60 && !/[.!?:;,]$/.test(line) && !isListItem(line) && !/^#{1,6}\s/.test(line);
}

/** A flattened table row ("a | b | c", also Markdown "| a | b |"). */
function isTableRow(line: string): boolean {
  return /\S \| \S/.test(line) || /^\|.*\|$/.test(line);
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
  const lengths = lines
    .map((line) => line.trim().length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b);
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
  const state = { current: '', previousLine: '', pendingBreak: false, table: 'none' as TableState };
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed) {
      state.pendingBreak = state.current !== '';
      continue;
    }
    if (!addTableLine(state, trimmed, paragraphs)) {
      const { current, pendingBreak } = state;
      const continues =
        current !== '' &&
        !endsSentence(current) &&
        !isListItem(trimmed) &&
        !/^#{1,6}\s/.test(current) &&
        !isHeadingLine(trimmed) &&
        (/^\p{Ll}/u.test(trimmed) || (current.length > 50 && trimmed.length > 30 && /\p{Ll}/u.test(current.slice(-3))));
      if (current && (pendingBreak ? !continues : breaksWithoutBlankLine(state.previousLine, trimmed, typical))) {
        paragraphs.push(current);
        state.current = trimmed;
      } else {
        state.current = current ? `${current} ${trimmed}` : trimmed;
      }
    }
    state.previousLine = trimmed;
    state.pendingBreak = false;
  }
  if (state.current) paragraphs.push(state.current);
  return paragraphs.join('\n\n');
}

/** Where the line joiner is relative to a table: outside, after a row, or after a row's label line. */
type TableState = 'none' | 'row' | 'captioned';

/**
 * Handles a line that is a table row or follows one: consecutive rows (and one short label line right
 * under them) form one block with a line per row; the first other line starts a new paragraph.
 * Returns false when the line is ordinary text for the paragraph joiner.
 */
function addTableLine(state: { current: string; pendingBreak: boolean; table: TableState }, line: string, paragraphs: string[]): boolean {
  const row = isTableRow(line);
  if (!row && state.table === 'none') return false;
  const attached = state.table !== 'none' && !state.pendingBreak;
  const caption = !row && attached && state.table === 'row' && isCaption(line);
  if (attached && (row || caption)) state.current = `${state.current}\n${line}`;
  else {
    if (state.current) paragraphs.push(state.current);
    state.current = line;
  }
  state.table = row ? 'row' : caption ? 'captioned' : 'none';
  return true;
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
  const unified = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/\u00A0/g, ' ');
  const cleaned = flattenTabTables(dropPageArtifacts(dehyphenate(dropInlineMarkup(unified))));
  return joinWrappedLines(cleaned)
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
