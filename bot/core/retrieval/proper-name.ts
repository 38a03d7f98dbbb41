/**
 * Whether the evidence names the thing a question asks for by name. "Welches DMS-Produkt nutzt Paderborn?" over "die
 * Bereitstellung eines Dokumentenmanagementsystems": the passage is on the topic but names no product. A product, firm
 * or place name is a word the German word list lacks ("Fabasoft", "Alfresco", "Drupal"), an acronym ("VIS"), a word of
 * letters and digits ("epay21"), or a name set apart (CamelCase, quoted, emphasised, a legal form). Confidence uses it as the feature `missingProperName`.
 */
import type { TextAnalyzer } from '../../ports/search.ts';
import { cityNames, districtNames } from '../answer/place-names.ts';
import { askedIdentityClasses, namedThing, placeClass } from './indefinite-mention.ts';

/** The words of German district and city names ("viersen", "unna", "kleve"): places, no product or firm. */
const placeWords: ReadonlySet<string> = new Set(
  [...districtNames, ...cityNames].flatMap(([, names]) => names.toLowerCase().split(/[|\s()-]+/u)).filter((word) => word.length >= 3),
);

/** A word of letters and digits ("epay21", "ekom21", "ITILv4"): product names are often written so. */
const productCode = /(?<![\p{L}\d])\p{L}+\d+[\p{L}\d]*(?![\p{L}\d])/u;

/** A capitalised word or acronym, hyphen pieces apart ("KI-Anwendung" gives "KI" and "Anwendung"). */
const capitalisedWord = /(?<![\p{L}\d])\p{Lu}[\p{L}\d]*/gu;

/** Whether the analyser knows the word as German (in the shipped word list or a compound of listed words). */
function isGermanWord(word: string, analyzer: TextAnalyzer): boolean {
  const forms = analyzer.analyzeWords?.(word);
  // Without a word list the analyser cannot tell: take the word for German, so the feature stays off.
  if (!forms) return true;
  return forms.length === 0 || forms.some((form) => form.dictionary === true);
}

/**
 * 1 when the question asks which firm, product or place ("welche Software", "mit welcher Firma") and `text` names none
 * that the question does not already name; else 0. Words of two letters ("KI", "IT") name topics, not things; town
 * and district names count only when a place is asked for.
 */
export function properNameMissing(question: string, text: string, analyzer: TextAnalyzer): number {
  const classes = askedIdentityClasses(question);
  if (!classes.size || !analyzer.analyzeWords) return 0;
  if (namedThing.test(text) || productCode.test(text)) return 0;
  const asked = new Set((question.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).flatMap((word) => [word, word.replace(/s$/u, '')]));
  const placesCount = classes.has(placeClass);
  const isName = (word: string): boolean => {
    const lower = word.toLowerCase();
    if (word.length < 3 || asked.has(lower) || (!placesCount && placeWords.has(lower))) return false;
    if (/^[\p{Lu}\d]+$/u.test(word)) return true;
    // The word list holds words of four letters or more: a shorter capitalised word ("Amt", "Pro") tells nothing.
    return word.length >= 4 && !isGermanWord(word, analyzer);
  };
  return (text.match(capitalisedWord) ?? []).some(isName) ? 0 : 1;
}
