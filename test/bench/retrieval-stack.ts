/**
 * An in-memory retrieval stack for benchmarks: the same analyzer, BM25, n-gram embedder, hnswlib index,
 * hybrid retriever and confidence as the product, without the SQLite store.
 */
import { withEverydayWords } from '../../bot/adapters/search/everyday-words.ts';
import { createGermanAnalyzer, createPlainAnalyzer } from '../../bot/adapters/search/german-analyzer.ts';
import { Bm25Index } from '../../bot/adapters/search/bm25-index.ts';
import { HashedNgramEmbedder } from '../../bot/adapters/search/hashed-ngram-embedder.ts';
import { HnswVectorIndex } from '../../bot/adapters/search/hnsw-vector-index.ts';
import { estimateConfidence } from '../../bot/core/retrieval/confidence.ts';
import { HybridRetriever, type RetrievalHit } from '../../bot/core/retrieval/hybrid-retriever.ts';
import { createSentenceEvidence } from '../../bot/core/retrieval/sentence-evidence.ts';

/** A built stack. */
export interface RetrievalStack {
  readonly retriever: HybridRetriever;
  readonly bm25: Bm25Index;
  retrieve(query: string, k: number): Promise<RetrievalHit[]>;
  confidence(query: string, hits: readonly RetrievalHit[]): number;
}

/** Indexes `documents` and returns the stack; `vectors: false` builds lexical-only. */
export async function buildStack(
  documents: readonly { id: string; text: string }[],
  options: { vectors?: boolean } = {},
): Promise<RetrievalStack> {
  const german = createGermanAnalyzer();
  const analyzer = withEverydayWords(german);
  const bm25 = new Bm25Index(analyzer);
  // As in the product (create-lotse.ts): query expansion keeps the thesaurus words the index contains.
  german.useVocabulary((term) => bm25.contains(term));
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  bm25.upsert(documents);
  const vectors = [];
  if (options.vectors !== false) {
    const embedder = new HashedNgramEmbedder();
    const index = new HnswVectorIndex(embedder.dimensions, documents.length + 16);
    for (let offset = 0; offset < documents.length; offset += 512) {
      const batch = documents.slice(offset, offset + 512);
      const embedded = await embedder.embed(batch.map((document) => document.text));
      index.upsert(batch.map((document, position) => ({ id: document.id, vector: embedded[position]! })));
    }
    vectors.push({ embedder, index });
  }
  const textOf = (id: string): string => texts.get(id) ?? '';
  const evidence = createSentenceEvidence({ textOf, analyzer, lexical: bm25 });
  const retriever = new HybridRetriever({ lexical: bm25, vectors, evidence });
  return {
    retriever,
    bm25,
    retrieve: (query, k) => retriever.retrieve(query, { k }),
    confidence: (query, hits) => estimateConfidence({ query, hits, textOf, analyzer, lexical: bm25 }),
  };
}

/** The plain BM25 baseline (lower-cased word tokens, no stemming). */
export function buildPlainBm25(documents: readonly { id: string; text: string }[]): Bm25Index {
  const index = new Bm25Index(createPlainAnalyzer(), { k1: 1.2, b: 0.75, correctSpelling: false });
  index.upsert(documents);
  return index;
}
