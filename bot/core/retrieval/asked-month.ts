/**
 * Months in questions and passages (issue #16): "im September 25", "Sept. 2025", "10/25", "01.10.2025". A question
 * about one month that a passage answers only for other months is a near miss ("Anmeldungen in 10/25: 480", asked
 * for September), the month counterpart of `otherYear`.
 */

const monthNames: readonly (readonly [RegExp, number])[] = [
  [/\bjan(?:uar|\.)?\b/iu, 1],
  [/\bfeb(?:ruar|\.)?\b/iu, 2],
  [/\bmär(?:z|\.)?\b|\bmaerz\b/iu, 3],
  [/\bapr(?:il|\.)?\b/iu, 4],
  [/\bmai\b/iu, 5],
  [/\bjuni?\b/iu, 6],
  [/\bjuli?\b/iu, 7],
  [/\baug(?:ust|\.)?\b/iu, 8],
  [/\bsep(?:t(?:ember)?)?\.?(?=\s|$|\d)/iu, 9],
  [/\bokt(?:ober|\.)?\b/iu, 10],
  [/\bnov(?:ember|\.)?\b/iu, 11],
  [/\bdez(?:ember|\.)?\b/iu, 12],
];
/** "10/25", "10/2025" (month/year) and "01.10.2025", "1.10." (day.month.). */
const numericMonth = /(?<![\d/.])(\d{1,2})\/(?:\d{2}|\d{4})(?![\d/])|(?<![\d.])\d{1,2}\.(\d{1,2})\.(?:\d{2,4})?(?!\d)/gu;

/** The months (1–12) a text names by name or in a numeric date. */
export function monthsIn(text: string): Set<number> {
  const months = new Set<number>();
  for (const [pattern, month] of monthNames) if (pattern.test(text)) months.add(month);
  for (const match of text.matchAll(numericMonth)) {
    const month = Number(match[1] ?? match[2]);
    if (month >= 1 && month <= 12) months.add(month);
  }
  return months;
}

/** 1 when the question names a month that the text lacks while the text gives other months, else 0. */
export function otherMonth(question: string, text: string): number {
  const asked = monthsIn(question);
  if (!asked.size) return 0;
  const given = monthsIn(text);
  return [...asked].some((month) => !given.has(month)) && [...given].some((month) => !asked.has(month)) ? 1 : 0;
}
