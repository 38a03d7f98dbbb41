/**
 * The evidence windows of confidence.ts: each of the top passages is split into sentences, and every
 * two-sentence window is scored for how it covers the question (softly, strictly, by known words, with a value
 * of the expected answer type near the question's focus); the best window, with a sentence of context on each
 * side, is where a question's numbers and years are looked for.
 */
import type { TextAnalyzer } from '../../ports/search.ts';
import { coverageOf, type WeightedQuery } from '../answer/coverage.ts';
import { splitSentences } from '../answer/sentences.ts';
import { checkedAnswerType, containsAnswerType } from './answer-type.ts';
import type { RetrievalHit } from './hybrid-retriever.ts';
import { neighbourShare } from './neighbour-coverage.ts';
import { namesFocus } from './question-focus.ts';
import { softCoverageOfTerms } from './soft-coverage.ts';

/** What the window scoring reads of the confidence input. */
export interface WindowInput {
  readonly query: string;
  readonly textOf: (id: string) => string;
  readonly analyzer: TextAnalyzer;
}

/** What one passage offers as evidence: its coverage and that of its best two-sentence window (see `EvidenceFeatures`). */
export interface WindowEvidence {
  passage: number;
  sentence: number;
  soft: number;
  maxMissing: number;
  strict: number;
  known: number;
  typed: boolean;
  /** Best window coverage among windows that hold a value of the expected answer type. */
  typedSoft: number;
  focus: boolean;
  neighbourPassage: number;
  /** How many question words the best window covers in any way. */
  words: number;
  /** The best window with one sentence of context on each side (where the answer's figures would be). */
  text: string;
}

const questionNumber = /\b\d+(?:[.,]\d+)*\b/g;

/** A year that names a document's edition ("Strategie 2021", "Agenda 2026") says which paper, not which fact. */
const editionYear = /[\p{L}-]*(?:strategie|agenda|konzept|papier|fassung|version|ausgabe)\s+(?:von\s+|aus\s+)?(\d{4})\b/giu;

const yearInText = /(?<![\d.,])(?:19|20)\d{2}(?![\d])/g;
/** A month written as "10/25" in tables of key figures: the year 2025. */
const monthOfYear = /(?<![\d/])\d{1,2}\/(\d{2})(?![\d/])/g;
/** The years of the months a text writes as "10/25" ("2025"). */
const yearsOfMonths = (text: string): string[] => [...text.matchAll(monthOfYear)].map((match) => `20${match[1]!}`);

/** See `EvidenceFeatures.otherYear`. */
export function yearsElsewhere(question: string, text: string): number {
  const editions = new Set([...question.matchAll(editionYear)].map((match) => match[1]!));
  const asked = [...new Set(question.match(yearInText) ?? [])].filter((year) => !editions.has(year));
  if (!asked.length) return 0;
  const given = new Set([...(text.match(yearInText) ?? []), ...yearsOfMonths(text)]);
  return asked.some((year) => !given.has(year)) && [...given].some((year) => !asked.includes(year)) ? 1 : 0;
}

/**
 * See `EvidenceFeatures.missingNumber`: 1 when a number of the question (two digits or more, no edition year) is in none
 * of `texts` (a year 2025 is also in a month "10/25").
 */
export function numbersMissing(question: string, texts: readonly string[]): number {
  const editions = new Set([...question.matchAll(editionYear)].map((match) => match[1]!));
  // Single digits are usually written as words in documents ("zwei", "fünf"); edition years name the paper.
  const numbers = [...new Set(question.match(questionNumber) ?? [])].filter((number) => number.length > 1 && !editions.has(number));
  if (!numbers.length) return 0;
  // A year also stands in a month written as "10/25" (tables of key figures do).
  const present = (number: string): boolean =>
    texts.some(
      (text) =>
        new RegExp(`(^|[^\\d.,])${number.replace(/[.,]/g, '[.,]')}($|[^\\d])`).test(text) ||
        (/^20\d{2}$/.test(number) && yearsOfMonths(text).includes(number)),
    );
  return numbers.every(present) ? 0 : 1;
}

/**
 * The evidence of one hit: coverage of the question by the whole passage (`weighted`), by neighbours in the word
 * vectors (`full`), and by its best two-sentence window, softly, strictly and by `known` words only, with and
 * without a value of the expected answer type next to the `focus` words.
 */
export function windowEvidence(
  full: WeightedQuery,
  weighted: WeightedQuery,
  known: WeightedQuery,
  focus: WeightedQuery['words'],
  hit: RetrievalHit,
  input: WindowInput,
): WindowEvidence {
  const text = input.textOf(hit.id);
  const sentences = splitSentences(text).map((sentence) => sentence.text);
  // Each sentence is analysed once; a window's terms are those of its two sentences, the passage's those of all.
  const terms = sentences.map((sentence) => input.analyzer.analyze(sentence));
  const passage = softCoverageOfTerms(weighted, terms.flat(), { prefixes: false }).coverage;
  const neighbourPassage = neighbourShare(full, terms.flat());
  const result: WindowEvidence = {
    passage,
    sentence: hit.evidence ?? 0,
    soft: 0,
    maxMissing: 1,
    strict: 0,
    known: 0,
    typed: false,
    typedSoft: 0,
    focus: false,
    neighbourPassage,
    words: 0,
    text: '',
  };
  const type = checkedAnswerType(input.query);
  sentences.forEach((sentence, index) => {
    if (hit.evidence === null) result.sentence = Math.max(result.sentence, coverageOf(weighted, sentence, input.analyzer));
    const window = [...terms[index]!, ...(terms[index + 1] ?? [])];
    const detail = softCoverageOfTerms(weighted, window);
    const typed = containsAnswerType(`${sentence} ${sentences[index + 1] ?? ''}`, type);
    if (typed) result.typedSoft = Math.max(result.typedSoft, detail.coverage);
    if (detail.coverage > result.soft) {
      const text = sentences.slice(Math.max(0, index - 1), index + 3).join(' ');
      Object.assign(result, {
        soft: detail.coverage,
        maxMissing: detail.maxMissing,
        words: detail.coveredWords,
        typed,
        text,
      });
    }
    result.strict = Math.max(result.strict, softCoverageOfTerms(weighted, window, { prefixes: false, parts: false }).coverage);
    result.known = Math.max(result.known, softCoverageOfTerms(known, window).coverage);
    if (!result.focus && focus.length && namesFocus(focus, new Set(window))) {
      result.focus = containsAnswerType(`${sentence} ${sentences[index + 1] ?? ''}`, type);
    }
  });
  return result;
}
