/**
 * The evidence features of the answer/abstain decision (confidence.ts computes them; `npm run fit:confidence` fits their
 * weights): what each one measures, their order in the fitted model and the direction each must act in.
 */

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
   * best window lacks it (`missingAnswerType` ≥ 0.5), or asks for one in a second part ("… und wie heißt der CDO?") that
   * the best window lacks: the documents name the role or the topic, not the value.
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
   * From `clearlyElsewhereMin` (scope-evidence.ts) on, lotse abstains before the model, so the fit sees only smaller values.
   */
  readonly betterElsewhere: number;
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
  /** 1 when the only figures of the best window are those the question states ("wie viele der 30.000 Rechnungen …"). */
  readonly onlyGivenValue: number;
  /** 1 when the question counts in a unit ("wie viele Stunden") that no figure of the best window carries. */
  readonly missingUnit: number;
  /**
   * 1 when the question asks which firm, product or place and the best window names none: no word outside the German
   * word list, no acronym, no quoted or emphasised name (see proper-name.ts).
   */
  readonly missingProperName: number;
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
  'otherYear',
  'neighbourPassage',
  'missingNamedValue',
  'indefiniteOnly',
  'pairProximity',
  'onlyGivenValue',
  'missingUnit',
  'missingProperName',
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
  otherYear: -1,
  neighbourPassage: 1,
  missingNamedValue: -1,
  indefiniteOnly: -1,
  pairProximity: 1,
  onlyGivenValue: -1,
  missingUnit: -1,
  missingProperName: -1,
};
