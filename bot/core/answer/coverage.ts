/**
 * How much of a question a piece of text covers, weighted by term rarity (idf), so that the
 * sentences and FAQ entries chosen for an answer contain the question's distinctive words.
 */
import type { LexicalIndex, RelatedTerm, TextAnalyzer } from '../../ports/search.ts';

/** One word of the question: forms that cover it fully, compound parts that cover it partly, and weight. */
interface WeightedWord {
  readonly forms: readonly string[];
  readonly parts: readonly string[];
  /** Share (summing to 1) each compound part carries, by its idf: in "Urlaubstage" the rare "Urlaub", not "Tag". */
  readonly partWeights?: readonly number[];
  readonly weight: number;
  /** 1, or 0.5 for a word whose spelling was corrected (the correction may be wrong). */
  readonly credit: number;
  /** Synonyms and expansions: each covers the word with its weight (below 1). */
  readonly related: readonly RelatedTerm[];
  /** Whether the corpus contains the word at all (else its weight is the maximal idf, or less for everyday words). */
  readonly known: boolean;
}

/**
 * Share of the maximal idf that an everyday word ("gesessen", "nervt") keeps when the corpus lacks it: it is how the
 * person talks, not a topic the documents miss. Words outside the everyday list keep the full maximal idf.
 */
export const everydayUnknownShare = 0.25;
/** Very frequent everyday words ("geben", "machen", "gibt") that the corpus does contain keep this share of their idf. */
export const everydayKnownShare = 0.6;
/** Rank below which an everyday word counts as very frequent. */
export const everydayCommonRank = 1000;

/**
 * The credit (0..1) that related terms give a word in a text: the best weight among related words (or whole related
 * phrases, all of whose terms must be present) that occur.
 */
export function relatedCredit(related: readonly RelatedTerm[], present: ReadonlySet<string>): number {
  let best = 0;
  const groups = new Map<string, { weight: number; complete: boolean }>();
  for (const entry of related) {
    if (!entry.group) {
      if (present.has(entry.term)) best = Math.max(best, entry.weight);
      continue;
    }
    const group = groups.get(entry.group) ?? { weight: entry.weight, complete: true };
    group.complete &&= present.has(entry.term);
    groups.set(entry.group, group);
  }
  for (const group of groups.values()) if (group.complete) best = Math.max(best, group.weight);
  return best;
}

/** Share (0..1) of a word covered by its compound parts present in a text, each part weighted by its idf. */
export function partShare(word: Pick<WeightedWord, 'parts' | 'partWeights'>, present: ReadonlySet<string>): number {
  if (!word.parts.length) return 0;
  if (!word.partWeights) return word.parts.filter((part) => present.has(part)).length / word.parts.length;
  return word.parts.reduce((sum, part, index) => sum + (present.has(part) ? (word.partWeights?.[index] ?? 0) : 0), 0);
}

/** The question's words with their weights, computed once per question. */
export interface WeightedQuery {
  readonly words: readonly WeightedWord[];
  readonly total: number;
}

/** Analyses a question into words, corrects misspelt forms against the index, and weights each word by idf. */
export function weighQuery(question: string, analyzer: TextAnalyzer, lexical: LexicalIndex): WeightedQuery {
  const groups =
    analyzer.expandQuery?.(question) ??
    analyzer.analyzeWords?.(question) ??
    analyzer.analyze(question).map((term) => ({ forms: [term], parts: [] }));
  const seen = new Set<string>();
  const words: WeightedWord[] = [];
  const unknownIdf = lexical.idf('\u0000');
  const isKnown = (term: string): boolean => lexical.idf(term) < unknownIdf - 1e-9;
  for (const group of groups) {
    // A compound whose parts the corpus knows ("Raumbuchung") is not a typo of some other word.
    const compoundOfKnownParts = group.parts.length >= 2 && group.parts.every(isKnown);
    // A word of the German word list is no typo either ("mitgemacht" is not "mitgedacht").
    const corrected = group.forms.map((term) =>
      compoundOfKnownParts || ('dictionary' in group && group.dictionary) || isKnown(term) ? undefined : lexical.correct?.(term),
    );
    const forms = group.forms.map((term, index) => corrected[index] ?? term);
    const key = forms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const credit = corrected.some(Boolean) ? 0.5 : 1;
    // A word the corpus does not contain keeps the maximal idf: questions about things the documents never
    // mention must not look answered (out-of-corpus abstention).
    const idf = Math.max(0.1, Math.min(...forms.map((term) => lexical.idf(term))));
    const known = forms.some(isKnown);
    const rank = 'everyday' in group ? group.everyday : undefined;
    const weight =
      rank === undefined ? idf : !known ? idf * everydayUnknownShare : rank < everydayCommonRank ? idf * everydayKnownShare : idf;
    const partIdf = group.parts.map((part) => lexical.idf(part));
    const partTotal = partIdf.reduce((sum, value) => sum + value, 0);
    const partWeights = partTotal > 0 ? partIdf.map((value) => value / partTotal) : undefined;
    words.push({
      forms,
      parts: group.parts,
      ...(partWeights ? { partWeights } : {}),
      credit,
      weight,
      known,
      related: ('related' in group ? group.related : undefined) ?? [],
    });
  }
  return { words, total: words.reduce((sum, word) => sum + word.weight, 0) };
}

/** Share (0..1) of the question's weight whose words occur in `text` (a word counts if any of its forms does). */
export function coverageOf(query: WeightedQuery, text: string, analyzer: TextAnalyzer): number {
  if (query.total === 0) return 0;
  const present = new Set(analyzer.analyze(text));
  let covered = 0;
  for (const word of query.words) {
    if (word.forms.some((term) => present.has(term))) covered += word.weight * word.credit;
    else {
      const parts = partShare(word, present);
      covered += word.weight * word.credit * Math.max(parts, relatedCredit(word.related, present));
    }
  }
  return covered / query.total;
}
