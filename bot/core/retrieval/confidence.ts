/**
 * How sure lotse is that the retrieved passages answer the question (0..1). A logistic combination of
 * evidence features: idf-weighted coverage of the question's terms by the best passage and by its best
 * two-sentence window (answers usually sit in one sentence; same-topic passages without the answer do not
 * cover the question's rare terms), the heaviest question word that window misses, the share of the
 * question the corpus never mentions, the n-gram similarity, the fused-score margin and list agreement.
 * The per-passage window scoring is in confidence-windows.ts.
 */
import { otherMonth } from './asked-month.ts';
import { checkedAnswerType, decisiveAnswerTypes } from './answer-type.ts';
import type { LexicalIndex, TextAnalyzer } from '../../ports/search.ts';
import { partShare, relatedCredit, weighQuery, type WeightedQuery } from '../answer/coverage.ts';
import type { RetrievalHit } from './hybrid-retriever.ts';
import { confidenceModel } from './confidence-model.ts';
import { numbersMissing, windowEvidence, yearsElsewhere, type WindowEvidence } from './confidence-windows.ts';
import { focusWords } from './question-focus.ts';
import { withoutVectorTerms } from './neighbour-coverage.ts';
import { indefiniteOnly } from './indefinite-mention.ts';
import { pairProximity } from './term-proximity.ts';

/** The features confidence is computed from (exported for diagnostics and the benchmark). */
export interface EvidenceFeatures {
  /** Best idf-weighted coverage of the question by one of the top passages (0..1). */
  readonly passageCoverage: number;
  /** The retriever's sentence evidence of the top passages (without it: best coverage by a single sentence). */
  readonly sentenceCoverage: number;
  /** Coverage by the best two-sentence window, with partial credit for long shared prefixes ("hugenottisch" ~ "Hugenotten"). */
  readonly softSentence: number;
  /** Weight share of the heaviest question word missing from that best window (0 = nothing important missing). */
  readonly maxMissing: number;
  /** Weight share of question words that occur nowhere in the index. */
  readonly unknownShare: number;
  /** Cosine similarity of the top hit in the first vector list (0 when absent). */
  readonly vectorSimilarity: number;
  /** 1 when the top hit is first in both the lexical and the vector list. */
  readonly agreement: number;
  /** Fused score of the top hit minus that of the second (score fusion units, about 0..2). */
  readonly margin: number;
  /** 1 when a number or year of the question ("2021", "40") is missing around the best window (± one sentence). */
  readonly missingNumber: number;
  /**
   * 1 when the question asks about a year ("2023") or a month ("im September") that the best window (± one sentence)
   * lacks while it gives other years or months: the passage has the series, not the asked-for point
   * ("Ausstattungsgrad 2021 … 2025", asked for 2023; "Anmeldungen in 10/25", asked for September).
   */
  readonly otherYear: number;
  /**
   * When the question asks for a value (number, date, percentage, amount, name, …): the share of the best window's
   * coverage lost when the window must hold such a value (0: the best window holds one; 1: no window does).
   */
  readonly missingAnswerType: number;
  /**
   * 1 when the question asks for a person's name, an amount of money or a phone number (`decisiveAnswerTypes`) and the
   * best window lacks it (`missingAnswerType` ≥ 0.5): the documents name the role or the topic, not the value.
   */
  readonly missingNamedValue: number;
  /** Coverage of the best window by whole words only (no compound parts, no prefixes). */
  readonly strictSentence: number;
  /** Coverage of the best window counting only question words the corpus knows (unknown words are `unknownShare`). */
  readonly knownSentence: number;
  /**
   * Weight share of the heaviest question word that the corpus contains but none of the top passages does, as a
   * whole word: the question is about something the allowed documents lack (another county's term, a detail).
   */
  readonly knownAbsent: number;
  /**
   * Weight share of the heaviest question word the corpus does not contain and the top passages do not bridge either
   * (no compound part, no synonym present), scaled by the share left unbridged: a topic the documents lack
   * ("Elterngeld"), as opposed to chat words (everyday words weigh little) or new compounds of known parts ("Scanfirma").
   */
  readonly unknownAbsent: number;
  /** 1 when the best window covers at most one word of a question of two or more (one shared word is no evidence of an answer). */
  readonly singleWord: number;
  /** 1 when that absent word carries at least half of the question's weight (the question is about it). */
  readonly dominantAbsent: number;
  /** 1 when no word of the question occurs in the documents at all ("Urlaubstage" where they only say "Tage"). */
  readonly allUnknown: number;
  /** 1 when some window names the question's focus ("wie viele Mitarbeitende") next to a value of the expected type, or the question has no focus. */
  readonly focusAnswered: number;
  /** Weight share of question words that the named county's documents lack while others have them. */
  readonly outsideScope: number;
  /**
   * How much better (0..1) another county's documents answer a question that names a county: best typed window
   * coverage outside its scope minus the best inside ("wie viele Mitarbeitende hat Unna?" — Paderborn's paper has the figure).
   */
  readonly betterElsewhere: number;
  /** 1 when another county's documents answer clearly better (`betterElsewhere` ≥ 0.5): lets the fit treat it as a trap, not a shade. */
  readonly clearlyElsewhere: number;
  /** 1 when the question insists on specifics ("genau", "konkret", "Liste", "Namen", "alle einzeln"): a passage on the topic is not enough. */
  readonly asksSpecifics: number;
  /**
   * Weight share of question words that one of the top passages lacks in every other way but covers by a close
   * neighbour in the self-trained word vectors (best passage; see `neighbour-coverage.ts`).
   */
  readonly neighbourPassage: number;
  /** 1 when the question asks which firm, product or place and the best window names one only indefinitely ("mit einem Unternehmen"). */
  readonly indefiniteOnly: number;
  /** Weighted share of neighbouring question word pairs that stand close together in the best window (see term-proximity.ts). */
  readonly pairProximity: number;
}

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

/** The feature names in the order of the fitted model's weights. */
export const featureNames: readonly (keyof EvidenceFeatures)[] = [
  'passageCoverage',
  'sentenceCoverage',
  'softSentence',
  'maxMissing',
  'unknownShare',
  'vectorSimilarity',
  'agreement',
  'margin',
  'missingNumber',
  'missingAnswerType',
  'strictSentence',
  'knownSentence',
  'knownAbsent',
  'unknownAbsent',
  'singleWord',
  'dominantAbsent',
  'allUnknown',
  'focusAnswered',
  'outsideScope',
  'asksSpecifics',
  'betterElsewhere',
  'clearlyElsewhere',
  'otherYear',
  'neighbourPassage',
  'missingNamedValue',
  'indefiniteOnly',
  'pairProximity',
];
/** The direction each feature must act in (+1: more evidence, more confidence; -1: less); the fit enforces it. */
export const featureDirections: Readonly<Record<keyof EvidenceFeatures, 1 | -1>> = {
  passageCoverage: 1,
  sentenceCoverage: 1,
  softSentence: 1,
  maxMissing: -1,
  unknownShare: -1,
  vectorSimilarity: 1,
  agreement: 1,
  margin: 1,
  missingNumber: -1,
  missingAnswerType: -1,
  strictSentence: 1,
  knownSentence: 1,
  knownAbsent: -1,
  unknownAbsent: -1,
  singleWord: -1,
  dominantAbsent: -1,
  allUnknown: -1,
  focusAnswered: 1,
  outsideScope: -1,
  asksSpecifics: -1,
  betterElsewhere: -1,
  clearlyElsewhere: -1,
  otherYear: -1,
  neighbourPassage: 1,
  missingNamedValue: -1,
  indefiniteOnly: -1,
  pairProximity: 1,
};
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
    missingNamedValue: missingAnswerType >= 0.5 && decisiveAnswerTypes.has(checkedAnswerType(input.query)) ? 1 : 0,
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
    clearlyElsewhere: (input.scope?.betterElsewhere ?? 0) >= 0.5 ? 1 : 0,
    asksSpecifics: specificsCue.test(input.query) ? 1 : 0,
    neighbourPassage: best.neighbourPassage,
    indefiniteOnly: indefiniteOnly(input.query, best.text),
    pairProximity: pairProximity(weighted, best.text, input.analyzer),
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
