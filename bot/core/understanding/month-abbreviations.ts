/**
 * Month abbreviations as staff type them ("im dez 24", "ab okt.", "seit sept 2025") spelled out, with a two-digit
 * year after a month made four-digit ("Dezember 2024"): the documents write "Dezember 2024", and "dez" alone matches
 * nothing. An abbreviation counts only where it must be a month: before a year or after a word of time ("im", "ab",
 * "seit", "Anfang" …); "Jan" as a name and "Dez. III" (Dezernat) stay as they are.
 */

const months: Readonly<Record<string, string>> = {
  jan: 'Januar',
  feb: 'Februar',
  mär: 'März',
  mrz: 'März',
  apr: 'April',
  jun: 'Juni',
  jul: 'Juli',
  aug: 'August',
  sep: 'September',
  sept: 'September',
  okt: 'Oktober',
  nov: 'November',
  dez: 'Dezember',
};

const fullMonths = 'januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember';
const abbreviations = Object.keys(months).join('|');
/** Words after which an abbreviation is a month ("im dez", "anfang feb", "bis ende nov."). */
const timeWords = 'im|ab|seit|bis|vom|von|zum|anfang|ende|mitte|letzten|nächsten|diesen|kommenden|jeden';
/** A year after the month: two digits (optionally after an apostrophe) or four. */
const year = `(?:'|’)?(\\d{2}|(?:19|20)\\d{2})(?![\\d,/]|\\.\\d)`;

const afterTimeWord = new RegExp(
  `(?<![\\p{L}\\p{N}])(${timeWords})\\s+(${abbreviations})\\.?(?![\\p{L}\\p{N}])(?!\\.?\\s*(?:[IVX]+|\\d)\\b(?!\\d))`,
  'giu',
);
const beforeYear = new RegExp(`(?<![\\p{L}\\p{N}])(${abbreviations}|${fullMonths})\\.?\\s+${year}`, 'giu');

/** The full name of an abbreviated month, or the word itself. */
const spell = (word: string): string => months[word.toLowerCase()] ?? word;
/** "24" → "2024"; four digits stay. */
const fullYear = (digits: string): string => (digits.length === 2 ? `20${digits}` : digits);

/** Spells out month abbreviations that must be months and completes two-digit years after a month. */
export function expandMonthAbbreviations(text: string): string {
  return text
    .replace(beforeYear, (_match, month: string, digits: string) => `${spell(month)} ${fullYear(digits)}`)
    .replace(afterTimeWord, (_match, word: string, month: string) => `${word} ${spell(month)}`);
}
