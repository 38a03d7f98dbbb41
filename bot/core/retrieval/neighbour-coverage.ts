/**
 * Soft matching by word-vector neighbours: question words that a text lacks (as a form, compound part, thesaurus
 * or lexicon term) but for which it has a close neighbour in the self-trained vectors (related terms whose source
 * is `vectors`, added by the analyzer's query expansion). The other coverage features ignore these terms.
 */
import { relatedCredit, type WeightedQuery } from '../answer/coverage.ts';

/** Source label of related terms that come from word vectors (as the search adapter sets it). */
export const vectorSource = 'vectors';

const isVector = (entry: { readonly source: string }): boolean => entry.source === vectorSource;

/** The query without vector neighbours (what the other evidence features are computed from). */
export function withoutVectorTerms(query: WeightedQuery): WeightedQuery {
  const words = query.words.map((word) =>
    word.related.some(isVector) ? { ...word, related: word.related.filter((entry) => !isVector(entry)) } : word,
  );
  return { words, total: query.total };
}

/**
 * Weight share (0..1) of the question's words that `terms` misses in every other way but covers by a vector
 * neighbour; each such word counts with the credit of its best neighbour relative to the strongest possible one.
 */
export function neighbourShare(query: WeightedQuery, terms: readonly string[] | ReadonlySet<string>): number {
  if (query.total === 0) return 0;
  const present = terms instanceof Set ? (terms as ReadonlySet<string>) : new Set(terms as readonly string[]);
  let share = 0;
  for (const word of query.words) {
    const vectors = word.related.filter(isVector);
    if (!vectors.length) continue;
    if (word.forms.some((form) => present.has(form)) || word.parts.some((part) => present.has(part))) continue;
    if (
      relatedCredit(
        word.related.filter((entry) => !isVector(entry)),
        present,
      ) > 0
    )
      continue;
    const strongest = Math.max(...vectors.map((entry) => entry.weight));
    const credit = relatedCredit(vectors, present);
    if (credit > 0) share += (word.weight * word.credit * credit) / strongest;
  }
  return share / query.total;
}
