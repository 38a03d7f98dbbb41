/**
 * How much of a question a piece of text covers, weighted by term rarity (idf), so that the
 * sentences and FAQ entries chosen for an answer contain the question's distinctive words.
 */
import type { LexicalIndex, TextAnalyzer } from '../../ports/search.ts';

/** Analysed query terms with their weights, computed once per question. */
export interface WeightedQuery {
  readonly terms: ReadonlyMap<string, number>;
  readonly total: number;
}

/** Analyses a question and weights each distinct term by its idf (at least a small floor). */
export function weighQuery(question: string, analyzer: TextAnalyzer, lexical: LexicalIndex): WeightedQuery {
  const terms = new Map<string, number>();
  for (const term of analyzer.analyze(question)) {
    if (!terms.has(term)) terms.set(term, Math.max(lexical.idf(term), 0.1));
  }
  let total = 0;
  for (const weight of terms.values()) total += weight;
  return { terms, total };
}

/** Share (0..1) of the query's idf mass whose terms occur in `text`. */
export function coverageOf(query: WeightedQuery, text: string, analyzer: TextAnalyzer): number {
  if (query.total === 0) return 0;
  const present = new Set(analyzer.analyze(text));
  let covered = 0;
  for (const [term, weight] of query.terms) if (present.has(term)) covered += weight;
  return covered / query.total;
}
