/**
 * Related words from OpenThesaurus for query expansion. A folded word (or its stem) maps to the one-word
 * entries of its synsets, each with a weight below 1 that prefers the direction from a question's wording to
 * the documents' wording: colloquial → standard or formal, standard → formal ("Amtsdeutsch", "fachspr.").
 * Polysemous words (in many synsets), large synsets and stop words are skipped, and each word gets few terms.
 */
import { foldGerman } from '../../shared/text.ts';
import { lexiconDataPath, readLexiconText } from './lexicon-files.ts';
import { parseThesaurusEntry, type Register } from './thesaurus-labels.ts';

/** The thesaurus shipped in the repository (filtered OpenThesaurus, gzip). */
export const defaultThesaurusPath = lexiconDataPath('openthesaurus.txt.gz');

/** A related word with its weight (share of the question word's own weight) and labels. */
export interface RelatedWord {
  /** The word as the thesaurus writes it ("Schulung"). */
  readonly word: string;
  readonly weight: number;
  /** Usage labels of the word ("Amtsdeutsch"), empty for standard usage. */
  readonly labels: readonly string[];
}

/** Limits against expansion explosions. */
export interface ThesaurusOptions {
  /** Synsets with more one-word entries than this are ignored (broad, vague groups). */
  readonly maxSynsetSize: number;
  /** Words in more synsets than this are too polysemous to expand ("machen", "Stelle"). */
  readonly maxSynsetsPerWord: number;
  /** At most this many related words per word. */
  readonly maxRelated: number;
  /** Limits of `candidates` (filtered afterwards to the words the corpus contains, so broader groups are safe). */
  readonly wideSynsetSize: number;
  readonly wideSynsetsPerWord: number;
  /** Stem function for the second index (question "Kurse" finds synsets of "Kurs"); identity when absent. */
  readonly stem?: (folded: string) => string;
  /** Folded words never expanded. */
  readonly stopWords?: ReadonlySet<string>;
}

const defaults: ThesaurusOptions = { maxSynsetSize: 12, maxSynsetsPerWord: 4, maxRelated: 8, wideSynsetSize: 40, wideSynsetsPerWord: 12 };

/** At most this many candidates per word. */
const maxCandidates = 64;

/** Weight of a related word by the register of the question word (rows) and of the related word (columns). */
const registerWeights: Record<Exclude<Register, 'dropped'>, Record<Exclude<Register, 'dropped'>, number>> = {
  colloquial: { standard: 0.5, formal: 0.5, colloquial: 0.25 },
  standard: { formal: 0.4, standard: 0.35, colloquial: 0 },
  formal: { standard: 0.35, formal: 0.35, colloquial: 0 },
};

interface Member {
  readonly word: string;
  readonly folded: string;
  /** Whether the word has an umlaut or ß: "Bürger" must not find "Burger" (folded alike). */
  readonly umlaut: boolean;
  readonly labels: readonly string[];
  readonly register: Exclude<Register, 'dropped'>;
}

/** An in-memory thesaurus over synsets of one-word entries. */
export class Thesaurus {
  private readonly byWord = new Map<string, number[]>();
  /** Sorted folded words, for finding the words of a stem by prefix ("kurs" → "kurs", "kurse", "kursus"). */
  private readonly sortedWords: string[];
  private readonly options: ThesaurusOptions;
  private readonly cache = new Map<string, readonly RelatedWord[]>();

  constructor(
    private readonly synsets: readonly (readonly Member[])[],
    options: Partial<ThesaurusOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
    synsets.forEach((members, id) => {
      if (members.length > Math.max(this.options.maxSynsetSize, this.options.wideSynsetSize)) return;
      for (const member of members) push(this.byWord, member.folded, id);
    });
    this.sortedWords = [...this.byWord.keys()].sort();
  }

  /** Parses thesaurus text (OpenThesaurus line format); multi-word entries are left out. */
  static fromText(text: string, options: Partial<ThesaurusOptions> = {}): Thesaurus {
    const synsets: Member[][] = [];
    for (const line of text.split('\n')) {
      const members: Member[] = [];
      if (line.startsWith('#')) continue;
      for (const raw of line.split(';')) {
        // Fast path: most entries are one plain word without labels.
        if (!raw.includes('(')) {
          if (raw && !/[\s.]/.test(raw))
            members.push({ word: raw, folded: foldWord(raw), umlaut: hasUmlaut(raw), labels: [], register: 'standard' });
          continue;
        }
        const entry = parseThesaurusEntry(raw);
        if (entry.register === 'dropped' || !entry.text || /[\s.]/.test(entry.text)) continue;
        members.push({
          word: entry.text,
          folded: foldWord(entry.text),
          umlaut: hasUmlaut(entry.text),
          labels: entry.labels,
          register: entry.register,
        });
      }
      if (members.length >= 2) synsets.push(members);
    }
    return new Thesaurus(synsets, options);
  }

  /** Loads a thesaurus file (optionally gzip); undefined when it does not exist. */
  static fromFile(path: string = defaultThesaurusPath, options: Partial<ThesaurusOptions> = {}): Thesaurus | undefined {
    const text = readLexiconText(path);
    return text === undefined ? undefined : Thesaurus.fromText(text, options);
  }

  /**
   * Related words of a word as the person wrote it, best first; looks the word up folded, else by its stem. A word
   * written with an umlaut or ß only matches thesaurus words that have one (a word written without may mean either).
   */
  related(word: string): readonly RelatedWord[] {
    return this.cachedLookup(word, false);
  }

  /**
   * Related words from broader limits (larger synsets, more polysemous words: "Homepage" ~ "Website" sits in a
   * synset of 20 words, "mitmachen" in 9 synsets), best first, for a caller that keeps only the words its corpus
   * contains: a wrong sense rarely occurs there, and a word that does not occur cannot match anyway.
   */
  candidates(word: string): readonly RelatedWord[] {
    return this.cachedLookup(word, true);
  }

  /** `lookup` of a word as written, cached per word and limits (the wide look-ups under a key of their own). */
  private cachedLookup(word: string, wide: boolean): readonly RelatedWord[] {
    const key = wide ? `\u0000${word}` : word;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.lookup(foldWord(word), hasUmlaut(word), wide);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  /** Folded thesaurus words with the same stem (stemmed lazily: only words starting with the stem are checked). */
  private wordsOfStem(stem: string, stemOf: (folded: string) => string): string[] {
    let low = 0;
    let high = this.sortedWords.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sortedWords[middle]! < stem) low = middle + 1;
      else high = middle;
    }
    const words: string[] = [];
    for (let index = low; index < this.sortedWords.length && this.sortedWords[index]!.startsWith(stem); index += 1) {
      const word = this.sortedWords[index]!;
      if (word.length <= stem.length + 4 && stemOf(word) === stem) words.push(word);
    }
    return words;
  }

  private lookup(folded: string, umlaut: boolean, wide: boolean): readonly RelatedWord[] {
    const { stem: stemOf, stopWords } = this.options;
    const maxSynsetSize = wide ? this.options.wideSynsetSize : this.options.maxSynsetSize;
    const maxSynsetsPerWord = wide ? this.options.wideSynsetsPerWord : this.options.maxSynsetsPerWord;
    const maxRelated = wide ? maxCandidates : this.options.maxRelated;
    if (folded.length < 3 || stopWords?.has(folded)) return [];
    const exact = this.byWord.has(folded) || !stemOf;
    const sources = new Set(exact ? [folded] : this.wordsOfStem(stemOf(folded), stemOf));
    // Found by its stem, an umlaut may be the plural's ("Abläufe" ~ "Ablauf", "Häusern" ~ "Haus"): a thesaurus word
    // without umlaut counts when the question word is it plus a plural ending, unless a word with umlaut fits.
    const umlautPlural =
      umlaut &&
      !exact &&
      ![...sources].some((word) =>
        (this.byWord.get(word) ?? []).some((id) => this.synsets[id]!.some((m) => m.folded === word && m.umlaut)),
      );
    const isSource = (member: Member): boolean =>
      sources.has(member.folded) && (!umlaut || member.umlaut || (umlautPlural && isPluralOf(folded, member.folded)));
    const ids = [...new Set([...sources].flatMap((word) => this.byWord.get(word) ?? []))].filter(
      (id) => this.synsets[id]!.length <= maxSynsetSize && this.synsets[id]!.some(isSource),
    );
    if (ids.length === 0 || ids.length > maxSynsetsPerWord) return [];
    const best = new Map<string, { related: RelatedWord; count: number; size: number }>();
    const sourceOf = (id: number): Member | undefined => this.synsets[id]!.find(isSource);
    // A word that is standard somewhere ("Chef") uses its colloquial senses ("Chef (ugs.)" = Präsident) only weakly.
    const standardSomewhere = ids.some((id) => sourceOf(id)?.register !== 'colloquial');
    for (const id of ids) {
      const members = this.synsets[id]!;
      const source = sourceOf(id);
      if (!source) continue;
      const senseFactor = standardSomewhere && source.register === 'colloquial' ? 0.5 : 1;
      for (const member of members) {
        if (sources.has(member.folded)) continue;
        const weight = registerWeights[source.register][member.register] * senseFactor;
        if (weight <= 0) continue;
        const previous = best.get(member.folded);
        const related =
          previous && previous.related.weight >= weight ? previous.related : { word: member.word, weight, labels: member.labels };
        best.set(member.folded, { related, count: (previous?.count ?? 0) + 1, size: Math.min(previous?.size ?? Infinity, members.length) });
      }
    }
    return (
      [...best.values()]
        // Heavier first, then words shared by more synsets of the word, then words from tighter (smaller) synsets.
        .sort(
          (a, b) =>
            b.related.weight - a.related.weight || b.count - a.count || a.size - b.size || a.related.word.localeCompare(b.related.word),
        )
        .slice(0, maxRelated)
        .map((entry) => entry.related)
    );
  }
}

/** `foldGerman` with a fast path for plain words (Unicode normalisation is the slow part of loading). */
function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return /^[a-zäöüß-]*$/.test(lower) ? lower.replace(/[äöüß]/g, (letter) => umlauts[letter]!) : foldGerman(lower);
}

const hasUmlaut = (word: string): boolean => /[äöüßÄÖÜ]/.test(word);

/** Plural endings that go with an umlaut plural ("Abläufe", "Abläufen", "Häuser", "Häusern"). */
const umlautPluralEndings: ReadonlySet<string> = new Set(['e', 'en', 'er', 'ern']);

/** Whether folded `word` is folded `base` plus a plural ending of an umlaut plural. */
const isPluralOf = (word: string, base: string): boolean => word.startsWith(base) && umlautPluralEndings.has(word.slice(base.length));

const umlauts: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list.at(-1) !== id) list.push(id);
}
