/**
 * Hybrid retrieval: BM25 (normalised by the best score) plus weighted cosine similarities of one or
 * more vector lists (hashed n-grams by default, dense embeddings when configured), then re-scored with
 * sentence evidence. Each hit keeps its lexical, vector and evidence scores for confidence.
 */
import type { Embedder, IdFilter, LexicalIndex, ScoredId, VectorIndex } from '../../ports/search.ts';
import type { EvidenceScorer } from './sentence-evidence.ts';

/** One fused hit with the evidence behind it. */
export interface RetrievalHit {
  readonly id: string;
  readonly score: number;
  readonly lexicalScore: number;
  readonly lexicalRank: number | null;
  readonly vectorScore: number | null;
  readonly vectorRank: number | null;
  /** Best sentence-window coverage of the question (0..1), when an evidence scorer is configured. */
  readonly evidence: number | null;
}

/** A vector list of the fusion. */
export interface VectorSource {
  readonly embedder: Embedder;
  readonly index: VectorIndex;
  /** Weight of this list's cosine similarity (default 0.3 for n-grams). */
  readonly weight?: number;
}

/** Fusion weights; measured on XQuAD-de and the development questions (see docs/retrieval.md). */
export const fusionDefaults = { candidates: 30, vectorWeight: 0.3, evidenceWeight: 1 } as const;

interface Candidate {
  lexical?: { rank: number; score: number };
  vectors: ({ rank: number; score: number } | undefined)[];
}

/** Retrieves chunk ids for a query from all lists and fuses them. */
export class HybridRetriever {
  constructor(
    private readonly deps: {
      readonly lexical: LexicalIndex;
      readonly vectors: readonly VectorSource[];
      readonly evidence?: EvidenceScorer;
      /** Told when a vector list is skipped because its embedder failed (the composition root logs it). */
      readonly onListFailure?: (embedderId: string, error: unknown) => void;
    },
  ) {}

  private async candidates(query: string, depth: number, filter?: IdFilter): Promise<Map<string, Candidate>> {
    const candidates = new Map<string, Candidate>();
    const entry = (id: string): Candidate => {
      let candidate = candidates.get(id);
      if (!candidate) candidates.set(id, (candidate = { vectors: [] }));
      return candidate;
    };
    this.deps.lexical.search(query, depth, filter).forEach((hit, rank) => (entry(hit.id).lexical = { rank, score: hit.score }));
    for (const [list, source] of this.deps.vectors.entries()) {
      const vector = await this.embedQuery(source, query);
      const hits: ScoredId[] = vector ? source.index.search(vector, depth, filter) : [];
      hits.forEach((hit, rank) => (entry(hit.id).vectors[list] = { rank, score: hit.score }));
    }
    return candidates;
  }

  /** The query vector of one list; an unreachable embedding endpoint leaves that list out (degraded, not failed). */
  private async embedQuery(source: VectorSource, query: string): Promise<readonly number[] | undefined> {
    try {
      return (await source.embedder.embed([query]))[0];
    } catch (error) {
      this.deps.onListFailure?.(source.embedder.id, error);
      return undefined;
    }
  }

  async retrieve(query: string, options: { k: number; filter?: IdFilter }): Promise<RetrievalHit[]> {
    const candidates = await this.candidates(query, Math.max(fusionDefaults.candidates, options.k), options.filter);
    const ids = [...candidates.keys()];
    const maxLexical = Math.max(1e-9, ...ids.map((id) => candidates.get(id)?.lexical?.score ?? 0));
    const evidence = this.deps.evidence?.(query, ids);
    const hits = ids.map((id): RetrievalHit => {
      const candidate = candidates.get(id)!;
      const vectorPart = this.deps.vectors.reduce(
        (sum, source, list) => sum + (source.weight ?? fusionDefaults.vectorWeight) * Math.max(0, candidate.vectors[list]?.score ?? 0),
        0,
      );
      const lexicalPart = (candidate.lexical?.score ?? 0) / maxLexical;
      const sentence = evidence?.get(id) ?? null;
      return {
        id,
        score: lexicalPart + vectorPart + fusionDefaults.evidenceWeight * (sentence ?? 0),
        lexicalScore: candidate.lexical?.score ?? 0,
        lexicalRank: candidate.lexical?.rank ?? null,
        vectorScore: candidate.vectors[0]?.score ?? null,
        vectorRank: candidate.vectors[0]?.rank ?? null,
        evidence: sentence,
      };
    });
    return hits.sort((a, b) => b.score - a.score).slice(0, options.k);
  }
}
