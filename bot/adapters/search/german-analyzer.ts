/**
 * The German text analyzer of the lexical index: lower-casing, umlaut/ß folding, stop words, Snowball
 * stemming and dictionary compound splitting (parts indexed in addition to the whole word). Hyphenated
 * words are indexed as their parts and joined ("Dienst-anweisung" ~ "Dienstanweisung").
 */
import { newStemmer } from 'snowball-stemmers';
import type { TextAnalyzer } from '../../ports/search.ts';
import type { Logger } from '../../shared/logger.ts';
import { foldGerman } from '../../shared/text.ts';
import { CompoundSplitter, defaultDictionaryPath } from './compound-splitter.ts';
import { germanStopWords } from './german-stopwords.ts';
import { germanSynonyms } from './german-synonyms.ts';

const tokenPattern = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu;
const maxCacheSize = 500_000;
/** "§ 4", "§4a": section references become one term, so "§ 4 der DV KI" finds § 4 and not every "4". */
const paragraphReference = /§\s*(\d+[a-z]?)\b/gi;

/** Options of the German analyzer. */
export interface GermanAnalyzerOptions {
  /** Word list for compound splitting; `false` turns splitting off. */
  readonly dictionaryPath?: string | false;
  readonly logger?: Logger;
}

let sharedSplitter: { path: string; splitter: CompoundSplitter | undefined } | undefined;

function loadSplitter(path: string, logger?: Logger): CompoundSplitter | undefined {
  if (sharedSplitter?.path === path) return sharedSplitter.splitter;
  const splitter = CompoundSplitter.fromFile(path);
  if (!splitter) logger?.warn('compound-dictionary-missing', { path, hint: 'apt-get install wngerman; compound splitting is off' });
  sharedSplitter = { path, splitter };
  return splitter;
}

/** Creates the analyzer; the word list is loaded once per process and shared. */
export function createGermanAnalyzer(options: GermanAnalyzerOptions = {}): TextAnalyzer & { readonly id: string } {
  const stemmer = newStemmer('german');
  const path = options.dictionaryPath === undefined ? defaultDictionaryPath : options.dictionaryPath;
  const splitter = path === false ? undefined : loadSplitter(path, options.logger);
  const cache = new Map<string, readonly string[]>();
  const stem = (word: string): string => foldGerman(stemmer.stem(word));

  const analyzeWord = (lower: string, capitalized: boolean): readonly string[] => {
    const folded = foldGerman(lower);
    if (germanStopWords.has(folded)) return [];
    if (/^\d+$/.test(folded)) return [folded];
    const terms = [stem(lower)];
    // Genitive -s of names ("Warschaus", "Teslas") is not removed by Snowball: index the base form too.
    if (capitalized && folded.length > 4 && folded.endsWith('s') && !folded.endsWith('ss')) terms.push(stem(lower.slice(0, -1)));
    for (const part of splitter?.split(folded) ?? []) {
      if (!germanStopWords.has(part)) terms.push(stem(part));
    }
    return terms;
  };

  const analyzeToken = (token: string): readonly string[] => {
    const cached = cache.get(token);
    if (cached) return cached;
    const lower = token.toLowerCase();
    const capitalized = /^\p{Lu}/u.test(token);
    const pieces = lower.split(/[-‐‑]/).filter(Boolean);
    const terms = pieces.length > 1
      ? [...pieces.flatMap((piece) => analyzeWord(piece, false)), ...analyzeWord(pieces.join(''), capitalized)]
      : [...analyzeWord(lower, capitalized)];
    const unique = [...new Set(terms)].filter((term) => term.length > 1 || /\d/.test(term));
    if (cache.size > maxCacheSize) cache.clear();
    cache.set(token, unique);
    return unique;
  };

  const analyzeWords = (text: string): string[][] => {
    const groups: string[][] = [];
    for (const match of text.matchAll(paragraphReference)) groups.push([`§${match[1]!.toLowerCase()}`]);
    for (const match of text.matchAll(tokenPattern)) {
      const terms = analyzeToken(match[0]);
      if (terms.length) groups.push([...terms]);
    }
    return groups;
  };
  const synonymsOf = (text: string): string[][] => {
    const groups: string[][] = [];
    for (const match of text.matchAll(tokenPattern)) {
      const synonyms = germanSynonyms.get(foldGerman(match[0]));
      if (!synonyms) continue;
      const terms = analyzeToken(match[0]);
      const extra = synonyms.flatMap((synonym) => [...synonym.matchAll(tokenPattern)].flatMap((part) => analyzeToken(part[0])));
      groups.push([...new Set([...terms, ...extra])]);
    }
    return groups;
  };
  return {
    id: `de-snowball${splitter ? '-compound' : ''}-v3`,
    analyze: (text) => analyzeWords(text).flat(),
    analyzeWords,
    expandQuery: (text) => {
      const synonyms = synonymsOf(text);
      if (!synonyms.length) return analyzeWords(text);
      const expanded = new Map(synonyms.map((group) => [group[0], group]));
      return analyzeWords(text).map((group) => expanded.get(group[0]) ?? group);
    },
  };
}

/** The plain baseline analyzer of the benchmark: lower-cased word tokens, nothing else. */
export function createPlainAnalyzer(): TextAnalyzer & { readonly id: string } {
  return { id: 'plain-v1', analyze: (text) => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [] };
}
