/**
 * How much of a question a piece of text covers, weighted by term rarity (idf), so that the
 * sentences and FAQ entries chosen for an answer contain the question's distinctive words.
 */
import type { LexicalIndex, TextAnalyzer } from '../../ports/search.ts';

/** One word of the question: its forms (whole word, compound parts, joined hyphen form) and weight. */
interface WeightedWord {
  readonly forms: readonly string[];
  readonly weight: number;
  /** 1, or 0.5 for a word whose spelling was corrected (the correction may be wrong). */
  readonly credit: number;
}

/** The question's words with their weights, computed once per question. */
export interface WeightedQuery {
  readonly words: readonly WeightedWord[];
  readonly total: number;
}

/** Analyses a question into words, corrects misspelt forms against the index, and weights each word by idf. */
export function weighQuery(question: string, analyzer: TextAnalyzer, lexical: LexicalIndex): WeightedQuery {
  const groups = analyzer.expandQuery?.(question) ?? analyzer.analyzeWords?.(question) ?? analyzer.analyze(question).map((term) => [term]);
  const seen = new Set<string>();
  const words: WeightedWord[] = [];
  for (const group of groups) {
    const corrected = group.map((term) => lexical.correct?.(term));
    const forms = group.map((term, index) => corrected[index] ?? term);
    const key = forms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    // A word the corpus does not contain keeps the maximal idf: questions about things the documents never
    // mention must not look answered (out-of-corpus abstention).
    const credit = corrected.some(Boolean) ? 0.5 : 1;
    words.push({ forms, credit, weight: Math.max(0.1, Math.min(...forms.map((term) => lexical.idf(term)))) });
  }
  return { words, total: words.reduce((sum, word) => sum + word.weight, 0) };
}

/** Share (0..1) of the question's weight whose words occur in `text` (a word counts if any of its forms does). */
export function coverageOf(query: WeightedQuery, text: string, analyzer: TextAnalyzer): number {
  if (query.total === 0) return 0;
  const present = new Set(analyzer.analyze(text));
  let covered = 0;
  for (const word of query.words) if (word.forms.some((term) => present.has(term))) covered += word.weight * word.credit;
  return covered / query.total;
}
