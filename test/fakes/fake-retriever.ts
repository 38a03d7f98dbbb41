import type { IdFilter, TextAnalyzer } from '../../bot/ports/search.ts';
import type { KnowledgeStore } from '../../bot/ports/knowledge-store.ts';

/** Ranks stored chunks by the number of shared analysed terms; records every call. */
export class OverlapRetriever {
  readonly calls: { query: string; k: number }[] = [];
  constructor(
    private readonly store: KnowledgeStore,
    private readonly analyzer: TextAnalyzer,
  ) {}

  async retrieve(query: string, options: { k: number; filter?: IdFilter }): Promise<{ id: string; score: number }[]> {
    this.calls.push({ query, k: options.k });
    const terms = new Set(this.analyzer.analyze(query));
    const scored = [...this.store.allChunks()]
      .filter((chunk) => !options.filter || options.filter(chunk.id))
      .map((chunk) => {
        const words = new Set(this.analyzer.analyze(`${chunk.section} ${chunk.text}`));
        const shared = [...terms].filter((term) => words.has(term)).length;
        return { id: chunk.id, score: terms.size ? shared / terms.size : 0 };
      })
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score);
    return scored.slice(0, options.k);
  }
}
