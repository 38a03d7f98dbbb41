/**
 * How sure lotse is that the retrieved passages answer the question (0..1). A logistic combination of
 * evidence features: idf-weighted coverage of the question's terms by the best passage and by its best
 * two-sentence window (answers usually sit in one sentence; same-topic passages without the answer do not
 * cover the question's rare terms), the heaviest question word that window misses, the share of the
 * question the corpus never mentions, the n-gram similarity, the fused-score margin and list agreement.
 * The per-passage window scoring is in confidence-windows.ts.
 */
import { otherMonth } from './asked-month.ts';
import { askedDecisiveTypes, checkedAnswerType, containsAnswerType, decisiveAnswerTypes } from './answer-type.ts';
import type { LexicalIndex, TextAnalyzer } from '../../ports/search.ts';
import { partShare, relatedCredit, weighQuery, type WeightedQuery } from '../answer/coverage.ts';
import type { RetrievalHit } from './hybrid-retriever.ts';
import { confidenceModel } from './confidence-model.ts';
import { numbersMissing, windowEvidence, yearsElsewhere, type WindowEvidence } from './confidence-windows.ts';
import { focusWords } from './question-focus.ts';
import { withoutVectorTerms } from './neighbour-coverage.ts';
import { indefiniteOnly } from './indefinite-mention.ts';
import { properNameMissing } from './proper-name.ts';
import { pairProximity } from './term-proximity.ts';
import { missingUnit, onlyGivenValue } from './asked-values.ts';
import { featureNames, type EvidenceFeatures } from './evidence-features.ts';

export { featureDirections, featureNames, type EvidenceFeatures } from './evidence-features.ts';

/** Evidence about the question's scope, computed where the scope is known (see `outsideScopeShare`). */
export interface ScopeEvidence {
  readonly outsideScope: number;
  /** See `EvidenceFeatures.betterElsewhere`; 0 when the question names no county. */
  readonly betterElsewhere?: number;
}

/** Input of `evidenceFeatures` and `estimateConfidence`. */
export interface ConfidenceInput {
  readonly query: string;
  readonly hits: readonly RetrievalHit[];
  readonly textOf: (id: string) => string;
  readonly analyzer: TextAnalyzer;
  readonly lexical: LexicalIndex;
  readonly scope?: ScopeEvidence;
}

const weights: Partial<Record<keyof EvidenceFeatures, number>> = confidenceModel.weights;

const passagesConsidered = 3;

const specificsCue = /\b(genau|konkret\p{L}*|namentlich|namen|liste|aufzählung|aufzählen|einzeln|im\s+detail|detailliert)\b/iu;

/** Computes the evidence features of the top hits. */
export function evidenceFeatures(input: ConfidenceInput): EvidenceFeatures {
  const full = weighQuery(input.query, input.analyzer, input.lexical);
  const weighted = withoutVectorTerms(full);
  const knownWords = weighted.words.filter((word) => word.known);
  const known: WeightedQuery = { words: knownWords, total: knownWords.reduce((sum, word) => sum + word.weight, 0) };
  const best: WindowEvidence = {
    passage: 0,
    sentence: 0,
    soft: 0,
    maxMissing: 1,
    strict: 0,
    known: 0,
    typed: false,
    typedSoft: 0,
    focus: false,
    neighbourPassage: 0,
    words: 0,
    text: '',
  };
  const focus = focusWords(input.query, weighted, (text) => input.analyzer.analyze(text));
  const top = input.hits.slice(0, passagesConsidered);
  const topTerms = new Set(top.flatMap((hit) => input.analyzer.analyze(input.textOf(hit.id))));
  const absent = knownWords.filter((word) => !word.forms.some((form) => topTerms.has(form)) && relatedCredit(word.related, topTerms) === 0);
  const knownAbsent = weighted.total > 0 ? Math.max(0, ...absent.map((word) => word.weight)) / weighted.total : 0;
  const unbridged = weighted.words
    .filter((word) => !word.known)
    .map((word) => word.weight * (1 - Math.max(partShare(word, topTerms), relatedCredit(word.related, topTerms))));
  const unknownAbsent = weighted.total > 0 ? Math.max(0, ...unbridged) / weighted.total : 0;
  for (const hit of top) {
    const evidence = windowEvidence(full, weighted, known, focus, hit, input);
    best.focus ||= evidence.focus;
    best.known = Math.max(best.known, evidence.known);
    best.passage = Math.max(best.passage, evidence.passage);
    best.sentence = Math.max(best.sentence, evidence.sentence);
    best.strict = Math.max(best.strict, evidence.strict);
    best.neighbourPassage = Math.max(best.neighbourPassage, evidence.neighbourPassage);
    best.typedSoft = Math.max(best.typedSoft, evidence.typedSoft);
    if (evidence.soft > best.soft)
      Object.assign(best, {
        soft: evidence.soft,
        maxMissing: evidence.maxMissing,
        words: evidence.words,
        typed: evidence.typed,
        text: evidence.text,
      });
  }
  const unknown = weighted.words.filter((word) => !word.known).reduce((sum, word) => sum + word.weight, 0);
  const [first, second] = input.hits;
  const missingAnswerType = best.typed ? 0 : best.soft > 0 ? Math.max(0, 1 - best.typedSoft / best.soft) : 1;
  const type = checkedAnswerType(input.query);
  return {
    passageCoverage: best.passage,
    sentenceCoverage: best.sentence,
    softSentence: best.soft,
    maxMissing: best.maxMissing,
    unknownShare: weighted.total > 0 ? unknown / weighted.total : 0,
    vectorSimilarity: Math.max(0, first?.vectorScore ?? 0),
    agreement: first && first.lexicalRank === 0 && first.vectorRank === 0 ? 1 : 0,
    margin: Math.max(0, (first?.score ?? 0) - (second?.score ?? 0)),
    missingNumber: numbersMissing(input.query, [best.text]),
    otherYear: Math.max(yearsElsewhere(input.query, best.text), otherMonth(input.query, best.text)),
    missingAnswerType,
    missingNamedValue:
      (missingAnswerType >= 0.5 && decisiveAnswerTypes.has(type)) ||
      askedDecisiveTypes(input.query).some((other) => other !== type && !containsAnswerType(best.text, other))
        ? 1
        : 0,
    strictSentence: best.strict,
    knownSentence: best.known,
    knownAbsent,
    unknownAbsent,
    singleWord: weighted.words.length >= 2 && best.words <= 1 ? 1 : 0,
    dominantAbsent: knownAbsent >= 0.5 ? 1 : 0,
    allUnknown: weighted.total > 0 && unknown >= weighted.total * 0.999 ? 1 : 0,
    focusAnswered: !focus.length || best.focus ? 1 : 0,
    outsideScope: input.scope?.outsideScope ?? 0,
    betterElsewhere: input.scope?.betterElsewhere ?? 0,
    asksSpecifics: specificsCue.test(input.query) ? 1 : 0,
    neighbourPassage: best.neighbourPassage,
    indefiniteOnly: indefiniteOnly(input.query, best.text),
    pairProximity: pairProximity(weighted, best.text, input.analyzer),
    missingProperName: properNameMissing(input.query, best.text, input.analyzer),
    onlyGivenValue: onlyGivenValue(input.query, best.text),
    missingUnit: missingUnit(input.query, best.text),
  };
}

/** Maps features to a probability-like confidence. */
export function confidenceFromFeatures(features: EvidenceFeatures): number {
  let z: number = confidenceModel.bias;
  for (const key of featureNames) z += (weights[key] ?? 0) * features[key];
  return 1 / (1 + Math.exp(-z));
}

/** Confidence (0..1) that the hits answer the query; 0 without hits. */
export function estimateConfidence(input: ConfidenceInput): number {
  if (input.hits.length === 0) return 0;
  return confidenceFromFeatures(evidenceFeatures(input));
}

/** What the confidence model saw for one question (for fitting and diagnostics). */
export interface ConfidenceObservation {
  readonly query: string;
  readonly features: EvidenceFeatures;
  readonly confidence: number;
}
