/**
 * Two checks of the value a count question asks for, beyond "the window has a number" (answer-type.ts):
 *
 * - `onlyGivenValue`: the only figures in the window are those the question already states. "Wie viele der ca.
 *   30.000 Rechnungen kommen als XRechnung?" over "ca. 30.000 Rechnungen … die Zahl der E-Rechnungssteller ist noch
 *   sehr gering": the asker knows the 30.000; the part asked for is not given.
 * - `missingUnit`: the question counts in a unit ("wie viele Stunden pro Woche", "wie viele Tage") and no figure in the
 *   window carries it. "37 Digitallotsinnen" does not say how many hours they get.
 */

import { withoutNonCounts } from './answer-type.ts';

/** Figures: digits with separators ("30.000", "0,8", "10,8"). */
const figure = /\d+(?:[.,]\d+)*/g;

/** The figures of a text that can be counts (no years, dates, section numbers, footnote marks), without separators ("30.000" → "30000"). */
function figuresOf(text: string): Set<string> {
  return new Set((withoutNonCounts(text).match(figure) ?? []).map((value) => value.replace(/[.,]/g, '')));
}

/**
 * 1 when the question states a figure (two digits or more) that the window holds, and the window holds no other figure;
 * else 0.
 */
export function onlyGivenValue(question: string, window: string): number {
  const given = [...figuresOf(question)].filter((value) => value.length > 1);
  if (!given.length) return 0;
  const present = figuresOf(window);
  if (!present.size) return 0;
  return [...present].every((value) => given.includes(value)) && given.some((value) => present.has(value)) ? 1 : 0;
}

/** Units a count question may ask in, with the forms a document writes them in. */
const units: Readonly<Record<string, string>> = {
  stunden: 'stunden|std\\.?|h',
  tage: 'tage|tagen|tag|arbeitstage',
  wochen: 'wochen|woche',
  monate: 'monate|monaten|monat',
  jahre: 'jahre|jahren|jahr',
  minuten: 'minuten|min\\.?',
  seiten: 'seiten|blatt',
  stellen: 'stellen|vollzeitstellen|vzä|planstellen',
};

const askedUnit = new RegExp(`\\b(?:wie\\s*viele?|wieviele?)\\s+(?:\\p{L}+[\\s-])?(${Object.keys(units).join('|')})\\b`, 'iu');
/** A magnitude between figure and unit ("10,8 Mio. Seiten", "9 Mio. Blatt"). */
const magnitude = '(?:mio\\.?|millionen|mrd\\.?|milliarden|tsd\\.?|tausend)';
const numberWord =
  '\\d[\\d.,]*|eine[nmr]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert';

/** 1 when the question counts in a unit ("wie viele Stunden") and no figure in the window carries that unit; else 0. */
export function missingUnit(question: string, window: string): number {
  const unit = askedUnit.exec(question)?.[1]?.toLowerCase();
  if (!unit) return 0;
  const carried = new RegExp(
    `(?:${numberWord})(?:\\s*(?:bis|-|–)\\s*(?:${numberWord}))?\\s*(?:${magnitude}\\s*)?(?:${units[unit]})(?![\\p{L}])`,
    'iu',
  );
  return carried.test(window) ? 0 : 1;
}
