/**
 * Brute-force `VectorIndex` (exact cosine similarity): the reference implementation for the vector index
 * contract and a fast fake for tests. Records upserted ids and search calls.
 */
import type { IdFilter, ScoredId, VectorEntry, VectorIndex } from '../../bot/ports/search.ts';

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index]!;
    const y = b[index] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

/** Exact nearest-neighbour search over a map of vectors. */
export class InMemoryVectorIndex implements VectorIndex {
  readonly searches: { k: number }[] = [];
  private readonly vectors = new Map<string, readonly number[]>();

  constructor(readonly dimensions?: number) {}

  get size(): number {
    return this.vectors.size;
  }

  upsert(entries: readonly VectorEntry[]): void {
    for (const entry of entries) {
      if (this.dimensions !== undefined && entry.vector.length !== this.dimensions) {
        throw new Error(`Vector of ${entry.vector.length} dimensions, index has ${this.dimensions}`);
      }
      this.vectors.set(entry.id, [...entry.vector]);
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.vectors.delete(id);
  }

  search(vector: readonly number[], k: number, filter?: IdFilter): ScoredId[] {
    this.searches.push({ k });
    const scored: ScoredId[] = [];
    for (const [id, stored] of this.vectors) {
      if (!filter || filter(id)) scored.push({ id, score: cosine(vector, stored) });
    }
    return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, Math.max(0, k));
  }
}
