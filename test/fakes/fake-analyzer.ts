import type { LexicalIndex, TextAnalyzer } from '../../bot/ports/search.ts';
import { foldGerman } from '../../bot/shared/text.ts';

const stopWords = new Set([
  'der',
  'die',
  'das',
  'und',
  'ich',
  'ist',
  'wie',
  'was',
  'wer',
  'ein',
  'eine',
  'in',
  'zu',
  'mit',
  'fur',
  'im',
  'am',
  'an',
  'auf',
  'kann',
  'viele',
  'pro',
  'den',
  'dem',
  'des',
  'hat',
  'haben',
]);

/** Lower-case, fold, split, drop stop words, crude suffix strip: deterministic and dependency-free. */
export const fakeAnalyzer: TextAnalyzer = {
  analyze: (text) =>
    foldGerman(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1 && !stopWords.has(word))
      .map((word) => (word.length > 5 ? word.replace(/(en|er|es|e|n|s)$/, '') : word)),
};

/** A lexical index stand-in whose idf is 1 for every term (for pipeline tests that bring their own hits). */
export const flatIdfLexical: LexicalIndex = {
  upsert: () => undefined,
  remove: () => undefined,
  search: () => [],
  idf: () => 1,
  size: 0,
};
