/**
 * A deterministic `Embedder` for tests: by default each word of a text is hashed into one of `dimensions`
 * buckets (bag of words, L2-normalised), so equal words give similar vectors. Records every call.
 */
import type { Embedder } from '../../bot/ports/search.ts';
import { foldGerman } from '../../bot/shared/text.ts';

/** What the fake returns: a fixed vector, a list consumed one per text, or a function of the text. */
export type FakeVectors = readonly number[] | readonly (readonly number[])[] | ((text: string) => readonly number[]);

function hashWord(word: string): number {
  let hash = 2166136261;
  for (let index = 0; index < word.length; index += 1) hash = Math.imul(hash ^ word.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/** Bag-of-words vector of `text` over `dimensions` hashed buckets, L2-normalised (zero vector for no words). */
export function bagOfWordsVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of foldGerman(text).match(/[\p{L}\p{N}]+/gu) ?? []) vector[hashWord(word) % dimensions]! += 1;
  const norm = Math.hypot(...vector);
  return norm > 0 ? vector.map((value) => value / norm) : vector;
}

/** Deterministic embedder fake; `calls` holds the texts of each `embed` call, `failWith` makes it reject. */
export class FakeEmbedder implements Embedder {
  readonly id: string;
  readonly calls: (readonly string[])[] = [];
  failWith: Error | undefined;
  private listIndex = 0;

  constructor(
    readonly dimensions = 64,
    private readonly vectors?: FakeVectors,
  ) {
    this.id = `fake-embedder-${dimensions}`;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    this.calls.push([...texts]);
    if (this.failWith) throw this.failWith;
    return texts.map((text) => [...this.vectorOf(text)]);
  }

  private vectorOf(text: string): readonly number[] {
    const vectors = this.vectors;
    if (vectors === undefined) return bagOfWordsVector(text, this.dimensions);
    if (typeof vectors === 'function') return vectors(text);
    if (vectors.length > 0 && Array.isArray(vectors[0])) {
      const list = vectors as readonly (readonly number[])[];
      const vector = list[Math.min(this.listIndex, list.length - 1)]!;
      this.listIndex += 1;
      return vector;
    }
    return vectors as readonly number[];
  }
}
