/**
 * Hashed character-n-gram vectors: a stateless, training-free embedding that catches spelling variants,
 * inflection and compounds ("Mietzuschuss" ~ "Zuschuss zur Miete") without model weights. Each word is
 * padded with spaces, its 3- to 5-grams are hashed with a sign bit into `dimensions` buckets,
 * counts are damped (1 + log tf) and the vector is L2-normalised.
 */
import type { Embedder } from '../../ports/search.ts';
import { foldGerman } from '../../shared/text.ts';

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** Options of the hashed n-gram embedder. */
export interface HashedNgramOptions {
  readonly dimensions?: number;
  readonly minN?: number;
  readonly maxN?: number;
}

/** Embedder of hashed character n-grams (no weights, deterministic). */
export class HashedNgramEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly minN: number;
  private readonly maxN: number;

  constructor(options: HashedNgramOptions = {}) {
    this.dimensions = options.dimensions ?? 512;
    this.minN = options.minN ?? 3;
    this.maxN = options.maxN ?? 5;
    this.id = `hash-ngram-${this.minN}-${this.maxN}-${this.dimensions}`;
  }

  /** Embeds one text synchronously. */
  embedOne(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    for (const word of foldGerman(text).match(/[\p{L}\p{N}]+/gu) ?? []) this.addWord(vector, ` ${word} `);
    let norm = 0;
    for (let index = 0; index < vector.length; index += 1) {
      const value = vector[index]!;
      const damped = value === 0 ? 0 : Math.sign(value) * (1 + Math.log(Math.abs(value)));
      vector[index] = damped;
      norm += damped * damped;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return Array.from(vector, (value) => value * scale);
  }

  /**
   * Adds the signed hashed n-grams of one padded word. FNV-1a is computed incrementally from each start
   * position, so the 3-, 4- and 5-gram hashes share their prefix work (same values as hashing each n-gram).
   */
  private addWord(vector: Float64Array, padded: string): void {
    for (let start = 0; start + this.minN <= padded.length; start += 1) {
      let hash = fnvOffset;
      const last = Math.min(padded.length, start + this.maxN);
      for (let end = start; end < last; end += 1) {
        hash = Math.imul(hash ^ padded.charCodeAt(end), fnvPrime);
        if (end + 1 - start < this.minN) continue;
        const unsigned = hash >>> 0;
        vector[unsigned % this.dimensions]! += unsigned & 0x80000000 ? -1 : 1;
      }
    }
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }
}
