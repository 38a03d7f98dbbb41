/**
 * A simple `LexicalIndex` for tests: tf-idf over the terms of any analyzer (the fake analyzer by default),
 * exact and easy to reason about. The reference for what the real BM25 index must at least do.
 */
import type { IdFilter, LexicalEntry, LexicalIndex, ScoredId, TextAnalyzer } from '../../bot/ports/search.ts';
import { fakeAnalyzer } from './fake-analyzer.ts';

/** Term-count index with smoothed idf; records the queries it was asked. */
export class InMemoryLexicalIndex implements LexicalIndex {
  readonly queries: string[] = [];
  private readonly terms = new Map<string, Map<string, number>>();

  constructor(private readonly analyzer: TextAnalyzer = fakeAnalyzer) {}

  get size(): number {
    return this.terms.size;
  }

  upsert(entries: readonly LexicalEntry[]): void {
    for (const entry of entries) {
      const counts = new Map<string, number>();
      for (const term of this.analyzer.analyze(entry.text)) counts.set(term, (counts.get(term) ?? 0) + 1);
      this.terms.set(entry.id, counts);
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.terms.delete(id);
  }

  idf(term: string): number {
    let frequency = 0;
    for (const counts of this.terms.values()) if (counts.has(term)) frequency += 1;
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  search(query: string, k: number, filter?: IdFilter): ScoredId[] {
    this.queries.push(query);
    const queryTerms = [...new Set(this.analyzer.analyze(query))];
    const weights = new Map(queryTerms.map((term) => [term, this.idf(term)]));
    const scored: ScoredId[] = [];
    for (const [id, counts] of this.terms) {
      if (filter && !filter(id)) continue;
      let score = 0;
      for (const term of queryTerms) score += (counts.get(term) ?? 0) > 0 ? (1 + Math.log(counts.get(term)!)) * weights.get(term)! : 0;
      if (score > 0) scored.push({ id, score });
    }
    return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, Math.max(0, k));
  }
}
