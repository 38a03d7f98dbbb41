/**
 * Retrieval ports: text analysis, the lexical (BM25) index, embedders and vector indexes.
 * The core fuses their ranked lists; adapters implement them (own BM25, hnswlib, OpenAI, ONNX).
 */

/** A document id with a score from one ranked list (higher is better). */
export interface ScoredId {
  readonly id: string;
  readonly score: number;
}

/** Restricts a search to some chunk ids (metadata filters are resolved to ids by the caller). */
export type IdFilter = (id: string) => boolean;

/** The terms of one word: forms that each stand for the whole word, and its compound parts. */
export interface WordForms {
  /** Stem of the word and equivalent forms (genitive base, joined hyphen form, synonyms). */
  readonly forms: readonly string[];
  /** Stems of its compound parts ("Mietzuschuss" → miet, zuschuss). */
  readonly parts: readonly string[];
}

/** Turns text into index terms (German: lower-case, fold, stop words, stem, compound parts). */
export interface TextAnalyzer {
  analyze(text: string): string[];
  /** The terms grouped per word, so that coverage can credit a word found as a whole or by its parts. Optional. */
  analyzeWords?(text: string): WordForms[];
  /** Like `analyzeWords` for a question, with synonyms added as extra forms of their word. Optional. */
  expandQuery?(text: string): WordForms[];
}

/** Something that can be indexed lexically. */
export interface LexicalEntry {
  readonly id: string;
  readonly text: string;
}

/** A BM25-style full-text index over chunks. */
export interface LexicalIndex {
  upsert(entries: readonly LexicalEntry[]): void;
  remove(ids: readonly string[]): void;
  search(query: string, k: number, filter?: IdFilter): ScoredId[];
  /** Inverse document frequency of an analysed term (the maximum for unknown terms); used for confidence. */
  idf(term: string): number;
  /** The indexed term a misspelt query term most likely means (edit distance 1–2), if any. */
  correct?(term: string): string | undefined;
  readonly size: number;
}

/** Maps texts to vectors. Hashed n-grams by default; a neural model or an endpoint when configured. */
export interface Embedder {
  /** Stable id, e.g. "hash-ngram-3-5-1024" or "openai:text-embedding-3-small"; part of the index version. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** A vector with the chunk id it belongs to. */
export interface VectorEntry {
  readonly id: string;
  readonly vector: readonly number[];
}

/** Nearest-neighbour search by cosine similarity (score = similarity, higher is better). */
export interface VectorIndex {
  upsert(entries: readonly VectorEntry[]): void;
  remove(ids: readonly string[]): void;
  search(vector: readonly number[], k: number, filter?: IdFilter): ScoredId[];
  readonly size: number;
}
