/**
 * Soft matching from self-trained word vectors: each analysed term's nearest neighbours (cosine of PPMI + SVD
 * vectors trained on shipped German text, `scripts/lexicon/train-word-vectors.py`), precomputed and shipped as
 * `lexicon-data/word-neighbours.txt.gz`. A question word gets its close neighbours as related terms with source
 * `vectors` and a weight well below the thesaurus ones, so they count only where the person's own word is missing.
 */
import type { RelatedTerm, WordForms } from '../../ports/search.ts';
import { lexiconDataPath, readLexiconText } from './lexicon-files.ts';

/** First line of a neighbour file. */
export const neighboursHeader = '#lotse-word-neighbours-v1';
/** The shipped neighbour file. */
export const defaultNeighboursPath = lexiconDataPath('word-neighbours.txt.gz');
/** Source label of related terms from the vectors. */
export const vectorSource = 'vectors';

/** How neighbours become related terms. */
export interface NeighbourOptions {
  /** Weight of a neighbour = `scale` × its cosine. */
  readonly scale: number;
  /** Neighbours below this cosine are left out. */
  readonly minSimilarity: number;
  /** At most this many neighbours per word. */
  readonly perWord: number;
}

/** Defaults (see docs/measurements.md, "Self-trained word vectors"). */
export const neighbourDefaults: NeighbourOptions = { scale: 0.3, minSimilarity: 0.6, perWord: 6 };

/** A term's neighbours, best first. */
export interface Neighbour {
  readonly term: string;
  readonly similarity: number;
}

/** The nearest-neighbour table of the shipped word vectors (lines are parsed when a term is first asked for). */
export class WordNeighbours {
  private readonly parsed = new Map<string, readonly Neighbour[]>();

  private constructor(private readonly lines: ReadonlyMap<string, string>) {}

  /** Reads a neighbour file (`term n1:0.81 n2:0.76 …` per line after the header). */
  static parse(text: string): WordNeighbours {
    const lines = new Map<string, string>();
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const space = line.indexOf(' ');
      if (space > 0) lines.set(line.slice(0, space), line.slice(space + 1));
    }
    return new WordNeighbours(lines);
  }

  /** Loads the shipped file (or `path`); undefined when it is missing. */
  static fromFile(path: string = defaultNeighboursPath): WordNeighbours | undefined {
    const text = readLexiconText(path);
    return text === undefined ? undefined : WordNeighbours.parse(text);
  }

  /** Number of terms with neighbours. */
  get size(): number {
    return this.lines.size;
  }

  /** The neighbours of an analysed term, best first (empty when unknown). */
  of(term: string): readonly Neighbour[] {
    const cached = this.parsed.get(term);
    if (cached) return cached;
    const line = this.lines.get(term);
    if (line === undefined) return [];
    const neighbours = line.split(' ').map((entry) => {
      const colon = entry.lastIndexOf(':');
      return { term: entry.slice(0, colon), similarity: Number(entry.slice(colon + 1)) };
    });
    if (this.parsed.size > 10_000) this.parsed.clear();
    this.parsed.set(term, neighbours);
    return neighbours;
  }
}

/**
 * Adds each word's close neighbours as related terms (source `vectors`), skipping the word's own forms and parts and
 * terms it already relates to; words without neighbours stay unchanged. Common words ("nein", "machen") keep theirs:
 * leaving them out, as the thesaurus does, measured worse on seeds-dev and seeds-own (docs/measurements.md).
 */
export function withNeighbours(
  words: readonly WordForms[],
  neighbours: WordNeighbours,
  options: NeighbourOptions = neighbourDefaults,
): WordForms[] {
  return words.map((word) => {
    const taken = new Set([...word.forms, ...word.parts, ...(word.related ?? []).map((entry) => entry.term)]);
    const added: RelatedTerm[] = [];
    for (const form of word.forms.slice(0, 1)) {
      for (const neighbour of neighbours.of(form)) {
        if (added.length >= options.perWord || neighbour.similarity < options.minSimilarity) break;
        if (taken.has(neighbour.term)) continue;
        taken.add(neighbour.term);
        added.push({ term: neighbour.term, weight: options.scale * neighbour.similarity, source: vectorSource });
      }
    }
    return added.length ? { ...word, related: [...(word.related ?? []), ...added] } : word;
  });
}
