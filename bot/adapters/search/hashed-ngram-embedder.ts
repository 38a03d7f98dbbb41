/**
 * Hashed character-n-gram vectors: a stateless, training-free embedding that catches spelling variants,
 * inflection and compounds ("Mietzuschuss" ~ "Zuschuss zur Miete") without model weights. Each word is
 * padded with spaces, its 3- to 5-grams are hashed with a sign bit into `dimensions` buckets,
 * counts are damped (1 + log tf) and the vector is L2-normalised.
 */
import type { Embedder } from '../../ports/search.ts';
import { foldGerman } from '../../shared/text.ts';

function fnv1a(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

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
    const words = foldGerman(text).match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const word of words) {
      const padded = ` ${word} `;
      for (let n = this.minN; n <= this.maxN; n += 1) {
        for (let start = 0; start + n <= padded.length; start += 1) {
          const hash = fnv1a(padded, start, start + n);
          vector[hash % this.dimensions]! += hash & 0x80000000 ? -1 : 1;
        }
      }
    }
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

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }
}
