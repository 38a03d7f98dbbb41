/**
 * Evidence from the question's scope: when the question names a county, the share of its words that the corpus
 * contains but none of that county's documents does ("Digitallotsen" asked for Unna, whose papers never mention
 * them, while Viersen's do). Such a question is a trap across counties, not a gap in retrieval.
 */
import type { IdFilter, LexicalIndex, TextAnalyzer } from '../../ports/search.ts';
import { containsAnswerType, expectedAnswerType } from '../retrieval/answer-type.ts';
import { focusCandidates } from '../retrieval/question-focus.ts';
import { coverageOf, type WeightedQuery } from './coverage.ts';
import { splitSentences } from './sentences.ts';

/** Weight share (0..1) of question words present in the corpus but absent from every document the filter allows. */
export function outsideScopeShare(query: WeightedQuery, lexical: LexicalIndex, filter: IdFilter): number {
  if (!lexical.contains || query.total === 0) return 0;
  let outside = 0;
  for (const word of query.words) {
    if (!word.known) continue;
    const inScope = word.forms.some((form) => lexical.contains!(form, filter));
    if (!inScope) outside += word.weight;
  }
  return outside / query.total;
}

/**
 * Whether the thing a question about a named county asks for ("wie viele **Digitallotsen** hat der Kreis
 * Paderborn?") occurs in other counties' documents but in none of the named county's, not even as a related word.
 * Then the named county's documents cannot answer, and another county's figure must not be passed off as its own.
 */
export function focusOutsideScope(
  question: string,
  query: WeightedQuery,
  lexical: LexicalIndex,
  filter: IdFilter,
  analyze: (text: string) => string[],
): boolean {
  if (!lexical.contains) return false;
  // Every word right after the question word must be missing ("wie viele Fachverfahren hängen …": the county's
  // documents name Fachverfahren, so the rarer "hängen" alone does not make a trap).
  const focus = focusCandidates(question, query, analyze);
  const inScope = (term: string): boolean => lexical.contains!(term, filter);
  return (
    focus.length > 0 &&
    focus.every((word) => word.known && !word.forms.some(inScope) && !word.related.some((related) => inScope(related.term)))
  );
}

/** Best coverage of the question by a window of two sentences that can hold the expected kind of answer. */
function bestTypedWindow(query: WeightedQuery, question: string, texts: readonly string[], analyzer: TextAnalyzer): number {
  const type = expectedAnswerType(question);
  let best = 0;
  for (const text of texts) {
    const sentences = splitSentences(text).map((sentence) => sentence.text);
    sentences.forEach((sentence, index) => {
      const window = `${sentence} ${sentences[index + 1] ?? ''}`;
      if (containsAnswerType(window, type)) best = Math.max(best, coverageOf(query, window, analyzer));
    });
  }
  return best;
}

/**
 * From this `betterElsewhere` on, another county's documents answer clearly better: lotse abstains before the
 * confidence model (a cross-county trap). Leave-one-set-out over the 17 fitted seed sets: answered 87.7 → 87.8 %,
 * abstained 81.7 → 82.1 % against leaving it to the model (docs/measurements.md).
 */
export const clearlyElsewhereMin = 0.5;

/** What `betterElsewhere` needs: the question, its weighted words, and the passages inside and outside its scope. */
export interface ElsewhereInput {
  readonly question: string;
  readonly query: WeightedQuery;
  readonly analyzer: TextAnalyzer;
  /** Texts of the best passages of the named county's documents. */
  readonly inside: readonly string[];
  /** Texts of the best passages of all other documents. */
  readonly outside: readonly string[];
}

/**
 * How much better (0..1) other counties' passages answer the question than the named county's: the best window
 * with a value of the expected type, outside minus inside. A question about Unna whose figure only Paderborn's
 * paper has scores high; a question the named county answers scores 0.
 */
export function betterElsewhere(input: ElsewhereInput): number {
  // Without an asked-for value ("Was …?") every window qualifies and the comparison says little.
  if (!input.outside.length || expectedAnswerType(input.question) === 'none') return 0;
  const outside = bestTypedWindow(input.query, input.question, input.outside, input.analyzer);
  const inside = bestTypedWindow(input.query, input.question, input.inside, input.analyzer);
  return Math.max(0, outside - inside);
}
