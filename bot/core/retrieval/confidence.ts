/**
 * How sure lotse is that the retrieved passages answer the question (0..1). A logistic combination of
 * evidence features: idf-weighted coverage of the question's terms by the best passage and by its best
 * sentence (answers usually sit in one sentence; same-topic passages without the answer do not cover
 * the question's rare terms), the dense/n-gram similarity, and agreement of the lexical and vector lists.
 */
import type { LexicalIndex, TextAnalyzer } from '../../ports/search.ts';
import { coverageOf, weighQuery } from '../answer/coverage.ts';
import { splitSentences } from '../answer/sentences.ts';
import type { RetrievalHit } from './hybrid-retriever.ts';

/** The features confidence is computed from (exported for diagnostics and the benchmark). */
export interface EvidenceFeatures {
  readonly passageCoverage: number;
  readonly sentenceCoverage: number;
  readonly vectorSimilarity: number;
  readonly agreement: number;
}

/** Weights of the logistic model (tuned on the development question sets, not on the benchmark). */
export const confidenceWeights = { bias: -6, passage: 3, sentence: 6, vector: 2.5, agreement: 0.6 } as const;

const passagesConsidered = 3;

/** Computes the evidence features of the top hits. */
export function evidenceFeatures(input: {
  query: string;
  hits: readonly RetrievalHit[];
  textOf: (id: string) => string;
  analyzer: TextAnalyzer;
  lexical: LexicalIndex;
}): EvidenceFeatures {
  const weighted = weighQuery(input.query, input.analyzer, input.lexical);
  let passageCoverage = 0;
  let sentenceCoverage = 0;
  for (const hit of input.hits.slice(0, passagesConsidered)) {
    const text = input.textOf(hit.id);
    passageCoverage = Math.max(passageCoverage, coverageOf(weighted, text, input.analyzer));
    const evidence = hit.evidence ?? Math.max(0, ...splitSentences(text).map((sentence) => coverageOf(weighted, sentence.text, input.analyzer)));
    sentenceCoverage = Math.max(sentenceCoverage, evidence);
  }
  const top = input.hits[0];
  return {
    passageCoverage,
    sentenceCoverage,
    vectorSimilarity: Math.max(0, top?.vectorScore ?? 0),
    agreement: top && top.lexicalRank === 0 && top.vectorRank === 0 ? 1 : 0,
  };
}

/** Maps features to a probability-like confidence. */
export function confidenceFromFeatures(features: EvidenceFeatures): number {
  const w = confidenceWeights;
  const z = w.bias + w.passage * features.passageCoverage + w.sentence * features.sentenceCoverage +
    w.vector * features.vectorSimilarity + w.agreement * features.agreement;
  return 1 / (1 + Math.exp(-z));
}

/** Confidence (0..1) that the hits answer the query. */
export function estimateConfidence(input: Parameters<typeof evidenceFeatures>[0]): number {
  if (input.hits.length === 0) return 0;
  return confidenceFromFeatures(evidenceFeatures(input));
}
