/**
 * Recognises headings in normalised text: Markdown `#` lines, numbered section lines ("4.3.4.3 Jabber",
 * "§ 4 Grundsätze"), "Frage:" lines, and short title-like lines followed by a longer paragraph; key figures and scored
 * table rows are never headings.
 */

/** A heading with its nesting level and position. */
export interface Heading {
  readonly level: number;
  readonly title: string;
  readonly start: number;
}

const markdownHeading = /^(#{1,6})\s+(.+)$/;
const paragraphSign = /^§\s*\d+[a-z]?\b/;
const numbered = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+\S/;
/** "Label: value" with a number ("Teilnehmende: 342", "Beteiligung: rd. 25%", "Anzahl …: 37"). */
const keyFigure = /\p{L}\)?\s*:\s*(?:rd\.|ca\.|ungefähr|etwa|~)?\s*\d/u;
/** A table row that ends in a score or amount ("… kurz 2,85", "… 1,20"). */
const scoredRow = /\s\d+,\d+\s*$/;

function clean(title: string): string {
  return title
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The heading a block represents, if any; `next` is the following block's text. */
export function detectHeading(block: { text: string; start: number }, next: string | undefined): Heading | undefined {
  const { text, start } = block;
  if (text.includes('\n') && !markdownHeading.test(text)) return undefined;
  const markdown = markdownHeading.exec(text);
  if (markdown) return { level: markdown[1]!.length, title: clean(markdown[2]!), start };
  if (text.length > 100 || (/[.,;:!]$/.test(text) && !/\?$/.test(text))) return undefined;
  if (/\S \| \S/.test(text)) return undefined; // a table row, not a heading
  // Key figures ("Teilnehmende: 342", "Beteiligung: rd. 25%") and scored table rows ("44 Work Space … 2,85") are content:
  // as a heading they would leave the chunk text, and with it the quotes and the answers.
  if (keyFigure.test(text) || scoredRow.test(text)) return undefined;
  if (/^frage:\s*/i.test(text)) return { level: 3, title: clean(text.replace(/^frage:\s*/i, '')), start };
  if (paragraphSign.test(text)) return { level: 2, title: clean(text), start };
  const number = numbered.exec(text);
  if (number && !/^\d+\s*(%|€|euro|prozent|uhr|tage)/i.test(text) && text.split(/\s+/).length <= 12) {
    return { level: Math.min(6, number[1]!.split('.').length + 1), title: clean(text), start };
  }
  const words = text.split(/\s+/).length;
  const titleLike = /^[\p{Lu}\d„"]/u.test(text) && words <= 8 && text.length <= 70 && !/\?$/.test(text);
  if (titleLike && next !== undefined && next.length >= 120) return { level: 5, title: clean(text), start };
  return undefined;
}
