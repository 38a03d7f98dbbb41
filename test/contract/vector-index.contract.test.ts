import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HnswVectorIndex } from '../../bot/adapters/search/hnsw-vector-index.ts';
import { InMemoryVectorIndex } from '../fakes/in-memory-vector-index.ts';
import { runVectorIndexContract } from './vector-index.contract.ts';

runVectorIndexContract('InMemoryVectorIndex', (dimensions) => new InMemoryVectorIndex(dimensions));

runVectorIndexContract('HnswVectorIndex', (dimensions) => new HnswVectorIndex(dimensions, 4), {
  reload: (index, dimensions) => {
    if (!(index instanceof HnswVectorIndex)) throw new Error('expected an HnswVectorIndex');
    const dir = mkdtempSync(join(tmpdir(), 'lotse-hnsw-contract-'));
    index.save(dir);
    return HnswVectorIndex.load(dir, dimensions);
  },
});
