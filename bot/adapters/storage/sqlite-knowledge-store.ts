/**
 * `KnowledgeStore` on SQLite: documents with their metadata and chunks, replaced atomically per document.
 */
import type { Chunk, DocumentMeta, IngestedDocument } from '../../ports/knowledge.ts';
import type { KnowledgeStore } from '../../ports/knowledge-store.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';
import { beginStaging, discardStaging, dropReplaced, stageRows, swapStaged, type KnowledgeRows } from './sqlite-knowledge-staging.ts';

export type { KnowledgeRows } from './sqlite-knowledge-staging.ts';

const migrations = [
  `CREATE TABLE documents (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, meta TEXT NOT NULL, text_length INTEGER NOT NULL);
   CREATE TABLE chunks (id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     ordinal INTEGER NOT NULL, body TEXT NOT NULL);
   CREATE INDEX chunks_by_document ON chunks (document_id, ordinal);`,
];

/** SQLite implementation of the knowledge store (chunks kept as JSON rows). */
export class SqliteKnowledgeStore implements KnowledgeStore {
  private readonly chunkCache = new Map<string, Chunk>();
  private readonly documentCache = new Map<string, DocumentMeta>();

  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'knowledge', migrations);
    this.reload();
  }

  /** Re-reads document metadata (another process, e.g. `lotse ingest`, may have changed the store). */
  reload(): void {
    this.documentCache.clear();
    this.chunkCache.clear();
    for (const row of this.database.prepare<[], { meta: string }>('SELECT meta FROM documents').all()) {
      const meta = JSON.parse(row.meta) as DocumentMeta;
      this.documentCache.set(meta.id, meta);
    }
  }

  listDocuments(): DocumentMeta[] {
    return [...this.documentCache.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  getDocument(id: string): DocumentMeta | undefined {
    return this.documentCache.get(id);
  }

  getChunk(id: string): Chunk | undefined {
    const cached = this.chunkCache.get(id);
    if (cached) return cached;
    const row = this.database.prepare<[string], { body: string }>('SELECT body FROM chunks WHERE id = ?').get(id);
    if (!row) return undefined;
    const chunk = JSON.parse(row.body) as Chunk;
    if (this.chunkCache.size > 10_000) this.chunkCache.clear();
    this.chunkCache.set(id, chunk);
    return chunk;
  }

  chunksOf(documentId: string): Chunk[] {
    return this.database
      .prepare<[string], { body: string }>('SELECT body FROM chunks WHERE document_id = ? ORDER BY ordinal')
      .all(documentId)
      .map((row) => JSON.parse(row.body) as Chunk);
  }

  putDocument(document: IngestedDocument): { removedChunkIds: string[] } {
    const { meta } = document;
    return this.database.transaction(() => {
      const { removedChunkIds } = this.removeDocument(meta.id);
      this.database
        .prepare('INSERT INTO documents (id, checksum, meta, text_length) VALUES (?, ?, ?, ?)')
        .run(meta.id, meta.checksum, JSON.stringify(meta), document.text.length);
      const insert = this.database.prepare('INSERT INTO chunks (id, document_id, ordinal, body) VALUES (?, ?, ?, ?)');
      for (const chunk of document.chunks) insert.run(chunk.id, meta.id, chunk.ordinal, JSON.stringify(chunk));
      this.documentCache.set(meta.id, meta);
      return { removedChunkIds };
    })();
  }

  removeDocument(id: string): { removedChunkIds: string[] } {
    const removedChunkIds = this.database
      .prepare<[string], { id: string }>('SELECT id FROM chunks WHERE document_id = ?')
      .all(id)
      .map((row) => row.id);
    this.database.prepare('DELETE FROM documents WHERE id = ?').run(id);
    for (const chunkId of removedChunkIds) this.chunkCache.delete(chunkId);
    this.documentCache.delete(id);
    return { removedChunkIds };
  }

  *allChunks(): Iterable<Chunk> {
    const rows = this.database.prepare<[], { body: string }>('SELECT body FROM chunks ORDER BY document_id, ordinal').iterate();
    for (const row of rows) yield JSON.parse(row.body) as Chunk;
  }

  /** Number of stored chunks. */
  chunkCount(): number {
    const row = this.database.prepare<[], { count: number }>('SELECT count(*) AS count FROM chunks').get();
    return row?.count ?? 0;
  }

  /** Every document and chunk row, for a published snapshot. */
  exportRows(): KnowledgeRows {
    return {
      documents: this.database
        .prepare<[], KnowledgeRows['documents'][number]>('SELECT id, checksum, meta, text_length FROM documents ORDER BY id')
        .all(),
      chunks: this.database
        .prepare<[], KnowledgeRows['chunks'][number]>('SELECT id, document_id, ordinal, body FROM chunks ORDER BY document_id, ordinal')
        .all(),
    };
  }

  /** Starts loading a complete new set of rows beside the served ones (`stage`, then `swapStaged`). */
  beginStaging(): void {
    beginStaging(this.database);
  }

  /** Stages one batch of rows; the served rows are untouched. */
  stage(rows: Partial<KnowledgeRows>): void {
    stageRows(this.database, rows);
  }

  /** Serves the staged rows (table renames in one transaction) and re-reads the caches. */
  swapStaged(): void {
    swapStaged(this.database);
    this.reload();
  }

  /** Drops the tables the last swap replaced (a separate step, so the swap itself copies and deletes nothing). */
  dropReplaced(): void {
    dropReplaced(this.database);
  }

  /** Abandons a staged load (the served rows stay). */
  discardStaging(): void {
    discardStaging(this.database);
  }
}
