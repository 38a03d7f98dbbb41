/**
 * Staging of a complete new set of knowledge store rows beside the served ones (a replica loading a
 * published version): rows go into `documents_next` / `chunks_next` in batches the caller spaces out, so
 * requests keep being answered from the served tables; `swapStaged` installs them with four table renames in
 * one transaction (no row is copied while requests wait) and `dropReplaced` removes the old tables afterwards.
 * Leftovers of a process that died midway are removed by the next `beginStaging`.
 */
import type { SqliteDatabase } from './sqlite-database.ts';

/** The raw rows of a knowledge store (what a published snapshot carries). */
export interface KnowledgeRows {
  readonly documents: readonly { id: string; checksum: string; meta: string; text_length: number }[];
  readonly chunks: readonly { id: string; document_id: string; ordinal: number; body: string }[];
}

/** The two names the index of `chunks` alternates between (an index name is unique in the schema). */
const indexNames = ['chunks_by_document', 'chunks_by_document_b'] as const;

/** Drops staged and replaced tables (their indexes go with them). */
export function discardStaging(database: SqliteDatabase): void {
  database.exec('DROP TABLE IF EXISTS chunks_next; DROP TABLE IF EXISTS documents_next');
  dropReplaced(database);
}

/** Creates empty staging tables with the schema of the served ones (and removes leftovers first). */
export function beginStaging(database: SqliteDatabase): void {
  discardStaging(database);
  const live = database
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'chunks'")
    .all()
    .map((row) => row.name);
  const staged = live.includes(indexNames[0]) ? indexNames[1] : indexNames[0];
  database.exec(`CREATE TABLE documents_next (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, meta TEXT NOT NULL, text_length INTEGER NOT NULL);
    CREATE TABLE chunks_next (id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents_next(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL, body TEXT NOT NULL);
    CREATE INDEX ${staged} ON chunks_next (document_id, ordinal);`);
}

/** Inserts one batch into the staging tables (documents before the chunks that refer to them), in one transaction. */
export function stageRows(database: SqliteDatabase, rows: Partial<KnowledgeRows>): void {
  database.transaction(() => {
    const document = database.prepare('INSERT INTO documents_next (id, checksum, meta, text_length) VALUES (?, ?, ?, ?)');
    for (const row of rows.documents ?? []) document.run(row.id, row.checksum, row.meta, row.text_length);
    const chunk = database.prepare('INSERT INTO chunks_next (id, document_id, ordinal, body) VALUES (?, ?, ?, ?)');
    for (const row of rows.chunks ?? []) chunk.run(row.id, row.document_id, row.ordinal, row.body);
  })();
}

/**
 * Makes the staged tables the served ones in one transaction of renames (the foreign key follows the
 * renamed `documents` tables); the replaced tables stay as `*_old` until `dropReplaced`.
 */
export function swapStaged(database: SqliteDatabase): void {
  database.transaction(() => {
    database.exec(`ALTER TABLE chunks RENAME TO chunks_old; ALTER TABLE documents RENAME TO documents_old;
      ALTER TABLE documents_next RENAME TO documents; ALTER TABLE chunks_next RENAME TO chunks;`);
  })();
}

/** Drops the tables a swap replaced (chunks first, so no foreign key check runs on them). */
export function dropReplaced(database: SqliteDatabase): void {
  database.exec('DROP TABLE IF EXISTS chunks_old; DROP TABLE IF EXISTS documents_old');
}
