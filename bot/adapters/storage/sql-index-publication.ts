/**
 * `IndexPublication` on the shared SQL store (SQLite, or PostgreSQL through the bridge). A version row and
 * its files, split into parts of at most 4 MB (`bytea` on PostgreSQL; each part is one bridge message), are
 * written in one transaction, so a reader sees a version only when it is complete. Older versions beyond
 * the newest few are deleted in the same transaction.
 */
import type { IndexPublication, Publication, PublishedFile, PublishedVersion, PublishResult, ReindexRequest } from '../../ports/index-publication.ts';
import { isUniqueViolation } from './sql-database.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

// BYTEA: PostgreSQL's byte column; SQLite accepts the name and stores blobs unchanged.
const migrations = [
  `CREATE TABLE index_versions (id INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE, manifest TEXT NOT NULL,
     created_at TEXT NOT NULL, publisher TEXT NOT NULL);
   CREATE TABLE index_version_parts (version_id INTEGER NOT NULL, file TEXT NOT NULL, part INTEGER NOT NULL,
     bytes BYTEA NOT NULL, PRIMARY KEY (version_id, file, part));
   CREATE TABLE index_reindex_requests (id INTEGER PRIMARY KEY, requested_by TEXT NOT NULL, requested_at TEXT NOT NULL,
     handled_at TEXT, report TEXT);`,
];

/** Default part size: small enough for one bridge message and statement, large enough for few round trips. */
export const defaultPartBytes = 4 * 1024 * 1024;

interface VersionRow {
  id: number;
  version: string;
  manifest: string;
  created_at: string;
  publisher: string;
}

interface RequestRow {
  id: number;
  requested_by: string;
  requested_at: string;
  handled_at: string | null;
  report: string | null;
}

const toVersion = (row: VersionRow): PublishedVersion => ({ version: row.version, manifest: row.manifest, createdAt: row.created_at, publisher: row.publisher });
const toRequest = (row: RequestRow): ReindexRequest => ({
  id: row.id, requestedBy: row.requested_by, requestedAt: row.requested_at,
  ...(row.handled_at ? { handledAt: row.handled_at } : {}), ...(row.report !== null ? { report: row.report } : {}),
});

/** Bytes as a Buffer (the bridge delivers `bytea` as a plain Uint8Array). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Published index versions in `index_versions` / `index_version_parts`. */
export class SqlIndexPublication implements IndexPublication {
  constructor(private readonly database: SqliteDatabase, private readonly partBytes = defaultPartBytes) {
    migrate(database, 'index-publication', migrations);
  }

  latest(): PublishedVersion | undefined {
    const row = this.database.prepare<[], VersionRow>('SELECT * FROM index_versions ORDER BY id DESC LIMIT 1').get();
    return row ? toVersion(row) : undefined;
  }

  publish(publication: Publication, keep = 3): PublishResult {
    try {
      this.database.transaction(() => {
        const id = Number(this.database
          .prepare('INSERT INTO index_versions (version, manifest, created_at, publisher) VALUES (?, ?, ?, ?)')
          .run(publication.version, publication.manifest, publication.createdAt, publication.publisher).lastInsertRowid);
        const insert = this.database.prepare('INSERT INTO index_version_parts (version_id, file, part, bytes) VALUES (?, ?, ?, ?)');
        for (const file of publication.files) this.insertParts(insert, id, file);
        this.prune(keep);
      })();
      return { kind: 'published' };
    } catch (error) {
      if (isUniqueViolation(error)) return { kind: 'exists' };
      throw error;
    }
  }

  private insertParts(insert: ReturnType<SqliteDatabase['prepare']>, id: number, file: PublishedFile): void {
    const bytes = asBuffer(file.bytes);
    let part = 0;
    for (let offset = 0; offset < bytes.length || part === 0; offset += this.partBytes) {
      insert.run(id, file.name, part, bytes.subarray(offset, offset + this.partBytes));
      part += 1;
    }
  }

  private prune(keep: number): void {
    const keptIds = 'SELECT id FROM index_versions ORDER BY id DESC LIMIT ?';
    this.database.prepare(`DELETE FROM index_version_parts WHERE version_id NOT IN (${keptIds})`).run(keep);
    this.database.prepare(`DELETE FROM index_versions WHERE id NOT IN (${keptIds})`).run(keep);
  }

  fetch(version: string): { version: PublishedVersion; files: PublishedFile[] } | undefined {
    const row = this.database.prepare<[string], VersionRow>('SELECT * FROM index_versions WHERE version = ?').get(version);
    if (!row) return undefined;
    // One statement per part (at most 4 MB each), so no single answer grows with the corpus.
    const parts = this.database
      .prepare<[number], { file: string; part: number }>('SELECT file, part FROM index_version_parts WHERE version_id = ? ORDER BY file, part')
      .all(row.id);
    const read = this.database.prepare<[number, string, number], { bytes: Uint8Array }>('SELECT bytes FROM index_version_parts WHERE version_id = ? AND file = ? AND part = ?');
    const byFile = new Map<string, Buffer[]>();
    for (const part of parts) {
      const bytes = read.get(row.id, part.file, part.part)?.bytes;
      if (!bytes) return undefined; // pruned while reading: the caller retries with the newest version
      const list = byFile.get(part.file) ?? [];
      list.push(asBuffer(bytes));
      byFile.set(part.file, list);
    }
    return { version: toVersion(row), files: [...byFile].map(([name, list]) => ({ name, bytes: Buffer.concat(list) })) };
  }

  requestReindex(by: string, at: string): number {
    return Number(this.database.prepare('INSERT INTO index_reindex_requests (requested_by, requested_at) VALUES (?, ?)').run(by, at).lastInsertRowid);
  }

  pendingRequests(): ReindexRequest[] {
    return this.database.prepare<[], RequestRow>('SELECT * FROM index_reindex_requests WHERE handled_at IS NULL ORDER BY id').all().map(toRequest);
  }

  markHandled(ids: readonly number[], at: string, report: string): void {
    const update = this.database.prepare('UPDATE index_reindex_requests SET handled_at = ?, report = ? WHERE id = ? AND handled_at IS NULL');
    this.database.transaction(() => {
      for (const id of ids) update.run(at, report, id);
    })();
  }

  request(id: number): ReindexRequest | undefined {
    const row = this.database.prepare<[number], RequestRow>('SELECT * FROM index_reindex_requests WHERE id = ?').get(id);
    return row ? toRequest(row) : undefined;
  }
}
