/**
 * Coverage of a question by a text with partial credit for near-miss word forms that stemming does not
 * unify ("hugenottischen" ~ "Hugenotten", "Sepsis" ~ "septisch"): a question word that is neither found
 * whole nor by its compound parts earns `prefixCredit` when a text term shares a long prefix with it.
 */
import type { TextAnalyzer } from '../../ports/search.ts';
import { partShare, relatedCredit, type WeightedQuery } from '../answer/coverage.ts';

/** Credit of a prefix match, and the shortest shared prefix that counts. */
export const softCoverageDefaults = { prefixCredit: 0.6, minPrefix: 5, minShare: 0.6 } as const;

function sharedPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let index = 0;
  while (index < limit && a.charCodeAt(index) === b.charCodeAt(index)) index += 1;
  return index;
}

function prefixMatch(form: string, terms: readonly string[]): boolean {
  const { minPrefix, minShare } = softCoverageDefaults;
  if (form.length < minPrefix) return false;
  for (const term of terms) {
    const shared = sharedPrefix(form, term);
    if (shared >= minPrefix && shared >= minShare * Math.min(form.length, term.length)) return true;
  }
  return false;
}

/** Coverage of the question by a text, and the weight share of the heaviest question word it misses entirely. */
export interface CoverageDetail {
  readonly coverage: number;
  readonly maxMissing: number;
  /** How many question words the text covers in any way (whole, by parts, related terms or prefix). */
  readonly coveredWords: number;
}

/** Share (0..1) of the question's weight covered by `text`, whole words first, then parts, then prefixes. */
export function softCoverageDetail(query: WeightedQuery, text: string, analyzer: TextAnalyzer): CoverageDetail {
  return softCoverageOfTerms(query, analyzer.analyze(text));
}

/**
 * Like `softCoverageDetail` for already analysed terms (lets a caller analyse each sentence only once);
 * `prefixes: false` gives the plain coverage of `coverageOf` (whole words and compound parts only); `parts: false`
 * with it counts whole words only.
 */
export function softCoverageOfTerms(
  query: WeightedQuery,
  terms: readonly string[],
  options: { prefixes?: boolean; parts?: boolean } = {},
): CoverageDetail {
  const prefixes = options.prefixes ?? true;
  const parts = options.parts ?? true;
  if (query.total === 0) return { coverage: 0, maxMissing: 0, coveredWords: 0 };
  const present = new Set(terms);
  let covered = 0;
  let maxMissing = 0;
  let coveredWords = 0;
  for (const word of query.words) {
    const value = word.weight * word.credit;
    coveredWords += 1;
    if (word.forms.some((term) => present.has(term))) {
      covered += value;
      continue;
    }
    const partCredit = parts ? partShare(word, present) : 0;
    const related = parts ? relatedCredit(word.related, present) : 0;
    if (partCredit > 0 || related > 0) covered += value * Math.max(partCredit, related);
    else if (prefixes && word.forms.some((form) => prefixMatch(form, terms))) covered += value * softCoverageDefaults.prefixCredit;
    else {
      maxMissing = Math.max(maxMissing, word.weight);
      coveredWords -= 1;
    }
  }
  return { coverage: covered / query.total, maxMissing: maxMissing / query.total, coveredWords };
}

/** Share (0..1) of the question's weight covered by `text` (see `softCoverageDetail`). */
export function softCoverage(query: WeightedQuery, text: string, analyzer: TextAnalyzer): number {
  return softCoverageDetail(query, text, analyzer).coverage;
}
