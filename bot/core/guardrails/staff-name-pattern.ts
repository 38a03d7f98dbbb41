/**
 * Patterns for the names of staff from the directory (issue #17): full names in any case ("erika mustermann") and
 * bare surnames ("hat hoffmann aus amt 10 schon geantwortet"). A surname that is also an ordinary German word
 * (`surnames_need_context` in policies/pii.yaml: Lange, Richter, Beispiel …) counts only after a title or before
 * an organisational unit ("Kollege Richter", "lange aus dem Amt 36"), so "Wie lange dauert …" stays readable.
 */

import { escapeRegExp } from '../../shared/text.ts';

const notLetterBefore = '(?<![\\p{L}\\p{N}-])';
const notLetterAfter = '(?![\\p{L}\\p{N}-])';
const titleBefore = '(?<=\\b(?:herrn?|frau|kollegin|kollege|chefin|chef|dr\\.|prof\\.)\\s{1,3})';
const unitAfter =
  '(?=\\s+(?:aus|vom|von|im)\\s+(?:dem\\s+|der\\s+)?(?:amt|sachgebiet|team|referat|dezernat|stabsstelle|fachbereich|abteilung|personalrat|servicedesk)\\b)';

/** A case-insensitive pattern for the full names, or undefined when there are none. */
export function fullNamePattern(knownNames: readonly string[]): RegExp | undefined {
  const names = knownNames.map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.length === 0) return undefined;
  return new RegExp(
    `${notLetterBefore}(?:${names.map((name) => escapeRegExp(name).replace(/\s+/g, '\\s+')).join('|')})${notLetterAfter}`,
    'giu',
  );
}

/**
 * A case-insensitive pattern for the bare surnames of the full names (last word, at least three letters);
 * word-like surnames only with a title before or a unit after them.
 */
export function surnamePattern(knownNames: readonly string[], wordLike: readonly string[]): RegExp | undefined {
  const ordinary = new Set(wordLike.map((word) => word.toLocaleLowerCase('de')));
  const surnames = [...new Set(knownNames.map((name) => name.trim().split(/\s+/).at(-1) ?? '').filter((surname) => surname.length >= 3))];
  const plain = surnames.filter((surname) => !ordinary.has(surname.toLocaleLowerCase('de'))).map(escapeRegExp);
  const guarded = surnames.filter((surname) => ordinary.has(surname.toLocaleLowerCase('de'))).map(escapeRegExp);
  const parts = [
    ...(plain.length ? [`${notLetterBefore}(?:${plain.join('|')})${notLetterAfter}`] : []),
    ...(guarded.length
      ? [`${titleBefore}(?:${guarded.join('|')})${notLetterAfter}`, `${notLetterBefore}(?:${guarded.join('|')})${unitAfter}`]
      : []),
  ];
  return parts.length ? new RegExp(parts.join('|'), 'giu') : undefined;
}
