/**
 * Everyday spoken German: marks question words that are frequent in ordinary conversation ("eigentlich",
 * "gesessen", "schicken", "nervt") with their frequency rank. The list is the frequency-ranked German word list of
 * `@zxcvbn-ts/language-de` (MIT; 12,558 words from film subtitles, most frequent first). When a question word of this
 * kind does not occur in the documents, it is phrasing, not a topic the documents lack (see `weighQuery`).
 */
import { dictionary } from '@zxcvbn-ts/language-de';
import type { TextAnalyzer, WordForms } from '../../ports/search.ts';
import { foldGerman } from '../../shared/text.ts';
import { boundedEditDistance } from './spelling.ts';

/** Shortest form that may be a typo of an everyday word ("ungefär" → "ungefähr"); shorter forms are too ambiguous. */
const minTypoLength = 6;

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
  /** Index forms and folded spellings of the listed words (stop words such as "ungefähr" have only the latter). */
  let spellings: Map<string, number> | undefined;
  /** The spellings by length (a typo is compared only with words one letter longer, shorter or as long). */
  let byLength: Map<number, [string, number][]> | undefined;
  const typos = new Map<string, number | undefined>();
  const rankOf = (form: string): number | undefined => {
    if (!ranks) {
      ranks = new Map();
      spellings = new Map();
      words.forEach((word, rank) => {
        for (const term of analyzer.analyzeWords?.(word)[0]?.forms ?? analyzer.analyze(word)) if (!ranks!.has(term)) ranks!.set(term, rank);
        const folded = foldGerman(word.toLowerCase());
        if (folded.length >= minTypoLength - 1 && !spellings!.has(folded)) spellings!.set(folded, rank);
      });
      for (const [term, rank] of ranks) if (term.length >= minTypoLength - 1 && !spellings.has(term)) spellings.set(term, rank);
      byLength = new Map();
      for (const entry of spellings) {
        const bucket = byLength.get(entry[0].length);
        if (bucket) bucket.push(entry);
        else byLength.set(entry[0].length, [entry]);
      }
    }
    return ranks.get(form);
  };
  /** The rank of an everyday word one edit away from a form that is no German word at all (a typo of chat German). */
  const typoRankOf = (form: string): number | undefined => {
    if (form.length < minTypoLength || /\d/.test(form)) return undefined;
    if (typos.has(form)) return typos.get(form);
    rankOf(form);
    let best: number | undefined;
    for (const length of [form.length - 1, form.length, form.length + 1]) {
      for (const [term, rank] of byLength!.get(length) ?? []) {
        if ((best === undefined || rank < best) && boundedEditDistance(form, term, 1) <= 1) best = rank;
      }
    }
    if (typos.size > 10_000) typos.clear();
    typos.set(form, best);
    return best;
  };
  const mark = (word: WordForms): WordForms => {
    const found = word.forms.map(rankOf).filter((rank): rank is number => rank !== undefined);
    if (found.length) return { ...word, everyday: Math.min(...found) };
    const typo = word.dictionary || word.parts.length ? undefined : typoRankOf(word.forms[0] ?? '');
    return typo === undefined ? word : { ...word, everyday: typo };
  };
  const expandQuery = analyzer.expandQuery ? (text: string) => analyzer.expandQuery!(text).map(mark) : undefined;
  return { ...analyzer, ...(expandQuery ? { expandQuery } : {}) };
}
