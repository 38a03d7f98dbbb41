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

/**
 * A document word that may stand for a question word (synonym, expanded abbreviation, formal wording of a
 * colloquial word). It counts less than the person's own word: `weight` is its share (0..1) of that word's weight.
 */
export interface RelatedTerm {
  /** Analysed index term ("schulung"). */
  readonly term: string;
  readonly weight: number;
  /** Terms of one related phrase ("künstliche Intelligenz") share a group and count together; else one group per term. */
  readonly group?: string;
  /** Where the relation comes from: the domain lexicon or the thesaurus (with its usage label, e.g. "thesaurus:ugs."). */
  readonly source: string;
}

/** The terms of one word: forms that each stand for the whole word, its compound parts, and related terms. */
export interface WordForms {
  /** Stem of the word and equivalent forms (genitive base, joined hyphen form); each gives full credit. */
  readonly forms: readonly string[];
  /** Stems of its compound parts ("Mietzuschuss" → miet, zuschuss). */
  readonly parts: readonly string[];
  /** Related terms with weights below 1 (only from `expandQuery`); never full credit for the word. */
  readonly related?: readonly RelatedTerm[];
  /**
   * Rank (0 = most frequent) of the word in a list of everyday spoken German ("eigentlich", "gesessen", "schicken"),
   * when it is there (only from `expandQuery`). An everyday word the documents lack says little about the topic.
   */
  readonly everyday?: number;
  /** Set when the word is in the German word list or a compound of listed words: it is no typo, never "corrected". */
  readonly dictionary?: boolean;
  /** The infinitive a participle stands for ("mitgemacht" → "mitmachen"), folded; for thesaurus look-ups. */
  readonly lemma?: string;
}

/** Turns text into index terms (German: lower-case, fold, stop words, stem, compound parts). */
export interface TextAnalyzer {
  analyze(text: string): string[];
  /** The terms grouped per word, so that coverage can credit a word found as a whole or by its parts. Optional. */
  analyzeWords?(text: string): WordForms[];
  /** Like `analyzeWords` for a question, with weighted related terms (synonyms, abbreviations) per word. Optional. */
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
  /** Whether a chunk admitted by the filter contains the analysed term. Optional. */
  contains?(term: string, filter?: IdFilter): boolean;
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
