/**
 * Tiny text helpers shared by core and adapters: folding for comparisons and safe truncation.
 */

/** Lower-cases and folds German umlauts and ß so that "Öffnungszeiten" equals "oeffnungszeiten" and "offnungszeiten". */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** `text` with the characters that are special in a regular expression escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cuts text to at most `max` characters at a word boundary and marks the cut with "…". */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + ' …';
}
