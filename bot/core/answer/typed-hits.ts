/**
 * Type-aware ordering of retrieved passages (issue #16): a question that asks for a value ("Wie viele …?",
 * "Wann …?", "Wie viel Prozent …?") is answered by a passage that holds such a value. Among the first hits, a
 * passage without one steps back by `untypedFactor`; hits keep the score of the place they move to, so the
 * score margins the confidence model reads stay those of retrieval.
 */
import { checkedAnswerType, containsAnswerType } from '../retrieval/answer-type.ts';
import { reweighPlaces } from './reweigh-places.ts';

/** Ranking factor of a passage that holds no value of the asked-for type. */
export const untypedFactor = 0.75;
/** How many of the first hits are re-ordered. */
export const typedWindow = 10;

/** The hits with passages lacking the asked-for value moved down among the first `typedWindow`. */
export function preferTypedHits<H extends { readonly id: string; readonly score: number }>(
  hits: readonly H[],
  question: string,
  textOf: (id: string) => string,
): H[] {
  const type = checkedAnswerType(question);
  if (type === 'none' || hits.length < 2) return [...hits];
  const places = hits.slice(0, typedWindow).map((_, index) => index);
  return reweighPlaces(hits, places, (hit) => (containsAnswerType(textOf(hit.id), type) ? 1 : untypedFactor));
}
