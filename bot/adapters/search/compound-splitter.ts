/**
 * Dictionary-based German compound splitting over Debian's `wngerman` word list: "mietzuschuss" →
 * "miete" + "zuschuss", "zulassungsstelle" → "zulassung" + "stelle". Linking elements (Fugen -s/-es/-n/
 * -en/-e) and an elided final "e" (Miet(e)zuschuss) are allowed. Parts are indexed in addition to the word.
 * The list ships with lotse (`lexicon-data/`, built by `npm run build:lexicon`); the system file is an option.
 */
import { foldGerman } from '../../shared/text.ts';
import { decodeWordList, lexiconDataPath, readLexiconText } from './lexicon-files.ts';

/** The word list shipped in the repository (folded, front-coded, gzip), derived from Debian `wngerman`. */
export const defaultDictionaryPath = lexiconDataPath('ngerman-words.txt.gz');
/** The Debian system word list (`apt-get install wngerman`); same words, read when configured. */
export const systemDictionaryPath = '/usr/share/dict/ngerman';

const minPart = 4;
/**
 * Three-letter nouns that head many administration compounds ("Personalamt", "Kreistag", "Beirat"); the word list
 * keeps only words of four letters or more, so these few are allowed as the last part by name.
 */
const shortHeads: ReadonlySet<string> = new Set(['amt', 'rat', 'tag', 'ort', 'weg', 'bau', 'zug']);
const fugen = ['', 's', 'es', 'n', 'en', 'e'];

/** Fewer parts win; then the longer last part (the head of a German compound carries its meaning). */
function isBetterSplit(candidate: readonly string[], best: readonly string[]): boolean {
  if (candidate.length !== best.length) return candidate.length < best.length;
  // "ordnung-s-amt", not "ordnung-samt": a short head after the linking "s" beats the same letters read as one word.
  const candidateHead = candidate.at(-1) ?? '';
  const bestHead = best.at(-1) ?? '';
  if (shortHeads.has(candidateHead) && bestHead === `s${candidateHead}`) return true;
  if (shortHeads.has(bestHead) && candidateHead === `s${bestHead}`) return false;
  return (candidate.at(-1)?.length ?? 0) > (best.at(-1)?.length ?? 0);
}

/** Splits folded lower-case words into dictionary parts. */
export class CompoundSplitter {
  private readonly cache = new Map<string, readonly string[]>();

  constructor(private readonly words: ReadonlySet<string>) {}

  /** Loads a word list (plain or front-coded, optionally gzip); returns undefined when the file does not exist. */
  static fromFile(path: string = defaultDictionaryPath): CompoundSplitter | undefined {
    const text = readLexiconText(path);
    if (text === undefined) return undefined;
    const words = new Set<string>();
    for (const line of decodeWordList(text)) {
      if (line.length >= minPart && !line.includes("'")) words.add(foldGerman(line));
    }
    return new CompoundSplitter(words);
  }

  private isWord(part: string): string | undefined {
    if (part.length < minPart) return undefined;
    if (this.words.has(part)) return part;
    if (part.length >= 4 && this.words.has(`${part}e`)) return `${part}e`;
    return undefined;
  }

  /** Whether the folded word is in the word list (words of four letters or more). */
  has(folded: string): boolean {
    return this.words.has(folded);
  }

  /** Whether the folded word is a German word: in the list, or a compound of listed parts. Such a word is no typo. */
  isKnownWord(folded: string): boolean {
    return this.words.has(folded) || this.split(folded).length >= 2;
  }

  /** Head match: the part, allowing a linking element after it. */
  private headParts(word: string, end: number): { part: string; next: number }[] {
    const results: { part: string; next: number }[] = [];
    for (const fuge of fugen) {
      const stemEnd = end - fuge.length;
      if (stemEnd < minPart || word.slice(stemEnd, end) !== fuge) continue;
      const part = this.isWord(word.slice(0, stemEnd));
      if (part) results.push({ part, next: end });
    }
    return results;
  }

  private splitFrom(word: string, depth: number): string[] | undefined {
    if (depth > 3) return undefined;
    let best: string[] | undefined;
    for (let end = word.length - 3; end >= minPart; end -= 1) {
      for (const head of this.headParts(word, end)) {
        const rest = word.slice(head.next);
        const whole = this.isWord(rest) ?? (shortHeads.has(rest) ? rest : undefined);
        const candidate = whole ? [head.part, whole] : this.splitFrom(rest, depth + 1);
        if (candidate && (!best || isBetterSplit(candidate, best))) best = [head.part, ...candidate.slice(whole ? 1 : 0)];
      }
    }
    return best;
  }

  /** The parts of a compound (at least two), or an empty list when the word is not one. */
  split(word: string): readonly string[] {
    if (word.length < 2 * minPart + 1 && !(word.length >= minPart + 3 && shortHeads.has(word.slice(-3)))) return [];
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found = this.splitFrom(word, 0) ?? [];
    // Short words split only before a short head ("kreis|tag"), not into two four-letter words ("kenn|wort").
    const parts = word.length < 2 * minPart + 1 && !shortHeads.has(found.at(-1) ?? '') ? [] : found;
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(word, parts);
    return parts;
  }
}
