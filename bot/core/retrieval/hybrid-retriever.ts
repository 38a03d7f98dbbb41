/**
 * Hybrid retrieval: BM25 and one or more vector lists (hashed n-grams by default, dense embeddings when
 * configured), fused by weighted RRF. Each hit keeps its lexical and vector evidence for confidence.
 */
import type { Embedder, IdFilter, LexicalIndex, ScoredId, VectorIndex } from '../../ports/search.ts';
import { fuseRankedLists } from './reciprocal-rank-fusion.ts';

/** One fused hit with the evidence behind it. */
export interface RetrievalHit {
  readonly id: string;
  readonly score: number;
  readonly lexicalScore: number;
  readonly lexicalRank: number | null;
  readonly vectorScore: number | null;
  readonly vectorRank: number | null;
}

/** A vector list of the fusion. */
export interface VectorSource {
  readonly embedder: Embedder;
  readonly index: VectorIndex;
  readonly weight?: number;
}

const candidatesPerList = 50;

/** Retrieves chunk ids for a query from all lists and fuses them. */
export class HybridRetriever {
  constructor(
    private readonly deps: { readonly lexical: LexicalIndex; readonly vectors: readonly VectorSource[]; readonly lexicalWeight?: number },
  ) {}

  async retrieve(query: string, options: { k: number; filter?: IdFilter }): Promise<RetrievalHit[]> {
    const depth = Math.max(candidatesPerList, options.k);
    const lexical = this.deps.lexical.search(query, depth, options.filter);
    const vectorLists: ScoredId[][] = [];
    for (const source of this.deps.vectors) {
      const [vector] = await source.embedder.embed([query]);
      vectorLists.push(vector ? source.index.search(vector, depth, options.filter) : []);
    }
    const fused = fuseRankedLists([
      { hits: lexical, weight: this.deps.lexicalWeight ?? 1 },
      ...vectorLists.map((hits, index) => ({ hits, weight: this.deps.vectors[index]?.weight ?? 1 })),
    ]);
    const lexicalRank = new Map(lexical.map((hit, rank) => [hit.id, { rank, score: hit.score }]));
    const firstVector = vectorLists[0] ?? [];
    const vectorRank = new Map(firstVector.map((hit, rank) => [hit.id, { rank, score: hit.score }]));
    return fused.slice(0, options.k).map((hit) => ({
      id: hit.id,
      score: hit.score,
      lexicalScore: lexicalRank.get(hit.id)?.score ?? 0,
      lexicalRank: lexicalRank.get(hit.id)?.rank ?? null,
      vectorScore: vectorRank.get(hit.id)?.score ?? null,
      vectorRank: vectorRank.get(hit.id)?.rank ?? null,
    }));
  }
}
