/**
 * Sentence evidence: how well the best window of two consecutive sentences of a passage covers the
 * question's idf-weighted terms. Questions are usually answered by one sentence, so this separates the
 * passage that answers from same-topic passages that merely share words.
 */
import type { LexicalIndex, TextAnalyzer } from '../../ports/search.ts';
import { coverageOf, weighQuery, type WeightedQuery } from '../answer/coverage.ts';
import { splitSentences } from '../answer/sentences.ts';
import { withoutVectorTerms } from './neighbour-coverage.ts';
import { containsAnswerType, expectedAnswerType, type AnswerType } from './answer-type.ts';

/** Scores candidate ids for a query (0..1 each). */
export type EvidenceScorer = (query: string, ids: readonly string[]) => Map<string, number>;

const cacheLimit = 20_000;
/** Evidence of a window that cannot hold the expected kind of answer (no number for "wie viele"). */
const wrongTypeFactor = 0.8;

/** Creates the scorer over chunk texts; sentence splits are cached per chunk id. */
export function createSentenceEvidence(deps: {
  textOf: (id: string) => string;
  analyzer: TextAnalyzer;
  lexical: LexicalIndex;
}): EvidenceScorer {
  const windows = new Map<string, string[]>();
  const windowsOf = (id: string): string[] => {
    const cached = windows.get(id);
    if (cached) return cached;
    const sentences = splitSentences(deps.textOf(id)).map((sentence) => sentence.text);
    const result = sentences.map((sentence, index) => `${sentence} ${sentences[index + 1] ?? ''}`);
    if (windows.size > cacheLimit) windows.clear();
    windows.set(id, result);
    return result;
  };
  const best = (query: WeightedQuery, type: AnswerType, id: string): number =>
    windowsOf(id).reduce((max, window) => {
      const coverage = coverageOf(query, window, deps.analyzer) * (containsAnswerType(window, type) ? 1 : wrongTypeFactor);
      return Math.max(max, coverage);
    }, 0);
  return (query, ids) => {
    // Word-vector neighbours only feed the retrieval of unknown words and `neighbourPassage`, not the evidence.
    const weighted = withoutVectorTerms(weighQuery(query, deps.analyzer, deps.lexical));
    const type = expectedAnswerType(query);
    return new Map(ids.map((id) => [id, best(weighted, type, id)]));
  };
}
