/**
 * The contract every `VectorIndex` must pass (cosine similarity, upsert overwrites, remove, filter, growth,
 * optional persistence). Run it with `runVectorIndexContract(name, factory)` from a `*.test.ts` file.
 */
import { describe, expect, it } from 'vitest';
import type { VectorIndex } from '../../bot/ports/search.ts';

/** Creates an empty index of the given dimensions. */
export type VectorIndexFactory = (dimensions: number) => VectorIndex;

/** Options of the contract: `reload` round-trips an index through its persistence, when it has one. */
export interface VectorIndexContractOptions {
  readonly reload?: (index: VectorIndex, dimensions: number) => VectorIndex;
}

function seededVectors(count: number, dimensions: number, seed = 11): number[][] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => Array.from({ length: dimensions }, next));
}

const unit = (axis: number, dimensions: number, sign = 1): number[] =>
  Array.from({ length: dimensions }, (_, index) => (index === axis ? sign : 0));

/** Registers the shared vector index suite for one implementation. */
export function runVectorIndexContract(name: string, factory: VectorIndexFactory, options: VectorIndexContractOptions = {}): void {
  const dimensions = 8;
  const filled = (): VectorIndex => {
    const index = factory(dimensions);
    index.upsert(seededVectors(50, dimensions).map((vector, position) => ({ id: `v${position}`, vector })));
    return index;
  };

  describe(`VectorIndex contract: ${name}`, () => {
    it('returns nothing when the index is empty', () => {
      const index = factory(dimensions);
      expect(index.size).toBe(0);
      expect(index.search(unit(0, dimensions), 5)).toEqual([]);
    });

    it('finds a stored vector first with cosine similarity 1, best first and at most k', () => {
      const index = filled();
      const vectors = seededVectors(50, dimensions);
      const hits = index.search(vectors[17]!, 5);
      expect(hits).toHaveLength(5);
      expect(hits[0]!.id).toBe('v17');
      expect(hits[0]!.score).toBeCloseTo(1, 4);
      expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
      expect(index.search(vectors[3]!, 500)).toHaveLength(50);
    });

    it('scores by cosine: scale does not matter, orthogonal is 0, opposite is -1 or excluded', () => {
      const index = factory(dimensions);
      index.upsert([
        { id: 'x', vector: unit(0, dimensions) },
        { id: 'y', vector: unit(1, dimensions) },
        { id: 'minus-x', vector: unit(0, dimensions, -1) },
      ]);
      const hits = index.search(
        unit(0, dimensions).map((value) => value * 3),
        3,
      );
      expect(hits[0]).toMatchObject({ id: 'x' });
      expect(hits[0]!.score).toBeCloseTo(1, 4);
      expect(hits.find((hit) => hit.id === 'y')?.score ?? 0).toBeCloseTo(0, 4);
      const opposite = hits.find((hit) => hit.id === 'minus-x');
      if (opposite) expect(opposite.score).toBeCloseTo(-1, 4);
    });

    it('overwrites the vector of an id that is upserted again', () => {
      const index = filled();
      index.upsert([{ id: 'v5', vector: unit(2, dimensions) }]);
      expect(index.size).toBe(50);
      expect(index.search(unit(2, dimensions), 1)[0]?.id).toBe('v5');
    });

    it('removes ids, ignores unknown ids, and accepts a removed id again', () => {
      const index = filled();
      const probe = seededVectors(50, dimensions)[9]!;
      index.remove(['v9', 'unknown']);
      expect(index.size).toBe(49);
      expect(index.search(probe, 50).map((hit) => hit.id)).not.toContain('v9');
      index.upsert([{ id: 'v9', vector: probe }]);
      expect(index.size).toBe(50);
      expect(index.search(probe, 1)[0]?.id).toBe('v9');
    });

    it('applies the filter before taking k', () => {
      const index = filled();
      const hits = index.search(unit(0, dimensions), 3, (id) => id.endsWith('7'));
      expect(hits.length).toBe(3);
      expect(hits.every((hit) => hit.id.endsWith('7'))).toBe(true);
    });

    it('grows beyond small initial capacities', () => {
      const index = factory(dimensions);
      const vectors = seededVectors(1500, dimensions, 3);
      index.upsert(vectors.map((vector, position) => ({ id: `g${position}`, vector })));
      expect(index.size).toBe(1500);
      expect(index.search(vectors[1234]!, 1)[0]?.id).toBe('g1234');
    });

    if (options.reload) {
      const reload = options.reload;
      it('answers identically after a save/load round trip, removals included', () => {
        const index = filled();
        index.remove(['v1', 'v2']);
        const loaded = reload(index, dimensions);
        const probe = seededVectors(50, dimensions)[30]!;
        expect(loaded.size).toBe(48);
        expect(loaded.search(probe, 10)).toEqual(index.search(probe, 10));
        expect(loaded.search(seededVectors(50, dimensions)[1]!, 48).map((hit) => hit.id)).not.toContain('v1');
      });
    }
  });
}
