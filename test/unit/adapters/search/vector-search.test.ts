import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../../../../bot/adapters/search/hashed-ngram-embedder.ts';
import { HnswVectorIndex } from '../../../../bot/adapters/search/hnsw-vector-index.ts';

const embedder = new HashedNgramEmbedder({ dimensions: 256 });

async function indexOf(texts: Record<string, string>): Promise<HnswVectorIndex> {
  const index = new HnswVectorIndex(embedder.dimensions, 2);
  const ids = Object.keys(texts);
  const vectors = await embedder.embed(Object.values(texts));
  index.upsert(ids.map((id, position) => ({ id, vector: vectors[position]! })));
  return index;
}

describe('HashedNgramEmbedder', () => {
  it('is deterministic, normalised and close for inflected forms', async () => {
    const [a, b, c] = await embedder.embed(['Führerscheinstelle', 'Führerscheinstellen', 'Kantinenpreise']);
    const dot = (x: number[], y: number[]): number => x.reduce((sum, value, index) => sum + value * y[index]!, 0);
    expect(dot(a!, a!)).toBeCloseTo(1);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!) + 0.3);
    expect(await embedder.embed(['Führerscheinstelle'])).toEqual([a]);
  });
});

describe('HnswVectorIndex', () => {
  it('finds neighbours, grows beyond its capacity, deletes, and reuses labels', async () => {
    const index = await indexOf({
      a: 'Zuschuss zur Miete',
      b: 'Kantine Öffnungszeiten',
      c: 'Passwort vergessen',
      d: 'Mietzuschuss beantragen',
    });
    const [query] = await embedder.embed(['Mietzuschuss']);
    expect(index.search(query!, 2).map((hit) => hit.id)).toContain('d');
    index.remove(['d']);
    expect(index.search(query!, 4).map((hit) => hit.id)).not.toContain('d');
    expect(index.size).toBe(3);
    const [again] = await embedder.embed(['Mietzuschuss beantragen']);
    index.upsert([{ id: 'e', vector: again! }]);
    expect(index.search(query!, 1)[0]?.id).toBe('e');
    expect(index.search(query!, 4, (id) => id === 'b').map((hit) => hit.id)).toEqual(['b']);
  });

  it('saves and loads with identical results, and refuses other dimensions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-hnsw-'));
    const index = await indexOf({ a: 'Zuschuss zur Miete', b: 'Kantine' });
    index.save(dir);
    const loaded = HnswVectorIndex.load(dir, embedder.dimensions);
    const [query] = await embedder.embed(['Miete']);
    expect(loaded.search(query!, 2)).toEqual(index.search(query!, 2));
    expect(() => HnswVectorIndex.load(dir, 128)).toThrow(/dimensions/);
  });

  it('throws a clear error on a corrupt label map or a missing index file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-hnsw-'));
    writeFileSync(join(dir, 'labels.json'), '{"dimensions": 256, "ids": [1, 2], "free": []}');
    expect(() => HnswVectorIndex.load(dir, 256)).toThrow(/label map/);
    writeFileSync(join(dir, 'labels.json'), '{"dimensions": 256, "ids": ["a"], "free": []}');
    expect(() => HnswVectorIndex.load(dir, 256)).toThrow(/rebuild/);
    expect(() => HnswVectorIndex.load(join(dir, 'nothing'), 256)).toThrow(/label map/);
  });
});

describe('HnswVectorIndex saved empty', () => {
  it('takes documents after an empty index was saved and read back (the first start had no documents)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-hnsw-empty-'));
    new HnswVectorIndex(embedder.dimensions).save(dir);
    const loaded = HnswVectorIndex.load(dir, embedder.dimensions);
    const [vector] = await embedder.embed(['Homeoffice an zwei Tagen']);
    loaded.upsert([
      { id: 'a', vector: vector! },
      { id: 'b', vector: vector!.map((value) => -value) },
    ]);
    expect(loaded.search(vector!, 1)[0]?.id).toBe('a');
  });
});
