/**
 * The focus of a question: the thing asked for right after the question word ("wie viele **Mitarbeitende**",
 * "welches **CMS**", "mit welcher **Firma**"). An answering sentence names the focus (or a related word) next to a
 * value of the expected type; a same-topic sentence without it does not answer.
 */
import type { WeightedQuery } from '../answer/coverage.ts';
import { relatedCredit } from '../answer/coverage.ts';

const focusCue = /\b(?:wie\s*viele?|wieviele?|welche[rnms]?|was\s+für\s+(?:eine?[nmrs]?\s+)?)\s+([\p{L}\p{N}-]+)(?:\s+([\p{L}\p{N}-]+))?/iu;

/**
 * Nouns that name the kind of value asked for, not the thing asked about ("zu welchem **Zeitpunkt**", "wie viel
 * **Prozent**", "wie viele **Leute**"): the answer type already covers them, and a document that says "zum
 * Jahreswechsel" or "Mitarbeitende" does not lack the focus because it never says "Zeitpunkt" or "Leute".
 */
const valueFrameNouns: ReadonlySet<string> = new Set([
  'zeitpunkt',
  'datum',
  'jahr',
  'jahre',
  'monat',
  'tag',
  'uhrzeit',
  'zeitraum',
  'prozent',
  'quote',
  'anteil',
  'geld',
  'euro',
  'höhe',
  'anzahl',
  'menge',
  'umfang',
  'form',
  'weise',
  'art',
  'leute',
]);

/** The question words right after the cue (up to two; stop words and value-frame nouns drop out), or none. */
export function focusCandidates(question: string, weighted: WeightedQuery, analyze: (text: string) => string[]): WeightedQuery['words'] {
  const match = focusCue.exec(question);
  if (!match) return [];
  return [match[1], match[2]]
    .filter((token): token is string => Boolean(token) && !valueFrameNouns.has(token!.toLowerCase()))
    .flatMap((token) => {
      const terms = new Set(analyze(token));
      return weighted.words.filter((word) => word.forms.some((form) => terms.has(form)));
    });
}

/** The question word that makes up the focus (the rarer of the candidates), or none. */
export function focusWords(question: string, weighted: WeightedQuery, analyze: (text: string) => string[]): WeightedQuery['words'] {
  const candidates = focusCandidates(question, weighted, analyze);
  if (!candidates.length) return [];
  return [candidates.reduce((best, word) => (word.weight > best.weight ? word : best))];
}

/** Whether a set of text terms names the focus word (as itself, a compound part or a related word). */
export function namesFocus(focus: WeightedQuery['words'], terms: ReadonlySet<string>): boolean {
  return focus.every(
    (word) =>
      word.forms.some((form) => terms.has(form)) || word.parts.some((part) => terms.has(part)) || relatedCredit(word.related, terms) > 0,
  );
}
