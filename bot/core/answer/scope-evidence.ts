/**
 * Evidence from the question's scope: when the question names a county, the share of its words that the corpus
 * contains but none of that county's documents does ("Digitallotsen" asked for Unna, whose papers never mention
 * them, while Viersen's do). Such a question is a trap across counties, not a gap in retrieval.
 */
import type { IdFilter, LexicalIndex } from '../../ports/search.ts';
import type { WeightedQuery } from './coverage.ts';

/** Weight share (0..1) of question words present in the corpus but absent from every document the filter allows. */
export function outsideScopeShare(query: WeightedQuery, lexical: LexicalIndex, filter: IdFilter): number {
  if (!lexical.contains || query.total === 0) return 0;
  let outside = 0;
  for (const word of query.words) {
    if (!word.known) continue;
    const inScope = word.forms.some((form) => lexical.contains!(form, filter));
    if (!inScope) outside += word.weight;
  }
  return outside / query.total;
}
