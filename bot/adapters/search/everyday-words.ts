/**
 * Everyday spoken German: marks question words that are frequent in ordinary conversation ("eigentlich",
 * "gesessen", "schicken", "nervt") with their frequency rank. The list is the frequency-ranked German word list of
 * `@zxcvbn-ts/language-de` (MIT; 12,558 words from film subtitles, most frequent first). When a question word of this
 * kind does not occur in the documents, it is phrasing, not a topic the documents lack (see `weighQuery`).
 */
import { dictionary } from '@zxcvbn-ts/language-de';
import type { TextAnalyzer, WordForms } from '../../ports/search.ts';

/** The frequency-ranked everyday words (lower case, most frequent first). */
export function everydayGermanWords(): readonly string[] {
  const words: unknown = dictionary.commonWords;
  return Array.isArray(words) ? words.filter((word): word is string => typeof word === 'string') : [];
}

/**
 * Wraps an analyzer so that `expandQuery` reports the everyday rank of each question word (the best rank of any
 * listed word with the same index form). Indexing (`analyze`, `analyzeWords`) is unchanged.
 */
export function withEverydayWords<A extends TextAnalyzer>(analyzer: A, words: readonly string[] = everydayGermanWords()): A {
  let ranks: Map<string, number> | undefined;
  const rankOf = (form: string): number | undefined => {
    if (!ranks) {
      ranks = new Map();
      words.forEach((word, rank) => {
        for (const term of analyzer.analyzeWords?.(word)[0]?.forms ?? analyzer.analyze(word)) if (!ranks!.has(term)) ranks!.set(term, rank);
      });
    }
    return ranks.get(form);
  };
  const mark = (word: WordForms): WordForms => {
    const found = word.forms.map(rankOf).filter((rank): rank is number => rank !== undefined);
    return found.length ? { ...word, everyday: Math.min(...found) } : word;
  };
  const expandQuery = analyzer.expandQuery ? (text: string) => analyzer.expandQuery!(text).map(mark) : undefined;
  return { ...analyzer, ...(expandQuery ? { expandQuery } : {}) };
}
