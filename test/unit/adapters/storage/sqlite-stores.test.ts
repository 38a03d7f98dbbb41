import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase, openSqliteDatabase } from '../../../../bot/adapters/storage/sqlite-database.ts';
import { SqliteKnowledgeStore } from '../../../../bot/adapters/storage/sqlite-knowledge-store.ts';
import { sampleDocument } from '../../../fakes/in-memory-knowledge-store.ts';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SqliteKnowledgeStore', () => {
  it('replaces a document and its chunks atomically and reports removed chunk ids', () => {
    const store = new SqliteKnowledgeStore(openMemoryDatabase());
    store.putDocument(sampleDocument({ id: 'a.md', title: 'A' }, ['eins', 'zwei']));
    const { removedChunkIds } = store.putDocument(sampleDocument({ id: 'a.md', title: 'A2' }, ['drei']));
    expect(removedChunkIds).toEqual(['a.md#0', 'a.md#1']);
    expect(store.chunksOf('a.md').map((chunk) => chunk.text)).toEqual(['drei']);
    expect(store.getDocument('a.md')?.title).toBe('A2');
    expect(store.getChunk('a.md#1')).toBeUndefined();
  });

  it('keeps documents across reopening the database file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-store-'));
    cleanup.push(dir);
    const first = openSqliteDatabase(dir);
    new SqliteKnowledgeStore(first).putDocument(sampleDocument({ id: 'b.md', tenant: 'Kreis Unna' }, ['Text']));
    first.close();
    const store = new SqliteKnowledgeStore(openSqliteDatabase(dir));
    expect(store.listDocuments()[0]?.tenant).toBe('Kreis Unna');
    expect([...store.allChunks()]).toHaveLength(1);
    expect(store.removeDocument('b.md').removedChunkIds).toEqual(['b.md#0']);
    expect(store.chunkCount()).toBe(0);
  });
});
