/**
 * `IndexPublication` on the shared SQL store (SQLite or PostgreSQL, issue #20; tables from migration
 * `0008-index-publication`). A version row and its files, split into parts of at most 4 MB (`bytea` on
 * PostgreSQL, blobs on SQLite; Buffers pass through Kysely to both drivers), are written in one
 * transaction, so a reader sees a version only when it is complete. Older versions beyond the newest few
 * are deleted in the same transaction.
 */
import { sql } from 'kysely';
import type {
  IndexPublication,
  Publication,
  PublishedFile,
  PublishedVersion,
  PublishResult,
  ReindexRequest,
} from '../../ports/index-publication.ts';
import { first, isUniqueViolation, rows, run, type SqlExecutor, type StoreDatabase } from '../sql/store-database.ts';

/** Default part size: small enough for one statement, large enough for few round trips. */
export const defaultPartBytes = 4 * 1024 * 1024;

/** Default slice read per statement: about 10 ms of decoding on a loaded replica. */
export const defaultReadSliceBytes = 1024 * 1024;

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

const toVersion = (row: VersionRow): PublishedVersion => ({
  version: row.version,
  manifest: row.manifest,
  createdAt: row.created_at,
  publisher: row.publisher,
});
const toRequest = (row: RequestRow): ReindexRequest => ({
  id: Number(row.id),
  requestedBy: row.requested_by,
  requestedAt: row.requested_at,
  ...(row.handled_at ? { handledAt: row.handled_at } : {}),
  ...(row.report !== null ? { report: row.report } : {}),
});

/** Bytes as a Buffer (a driver may deliver a plain Uint8Array). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Published index versions in `index_versions` / `index_version_parts`. */
export class SqlIndexPublication implements IndexPublication {
  constructor(
    private readonly database: StoreDatabase,
    private readonly partBytes = defaultPartBytes,
    /** Bytes read per statement when fetching (a slice of a part). */
    private readonly readSliceBytes = defaultReadSliceBytes,
  ) {}

  async latest(): Promise<PublishedVersion | undefined> {
    const row = await first(
      this.database.db,
      sql<VersionRow>`SELECT id, version, manifest, created_at, publisher FROM index_versions ORDER BY id DESC LIMIT 1`,
    );
    return row ? toVersion(row) : undefined;
  }

  async publish(publication: Publication, keep = 3): Promise<PublishResult> {
    try {
      await this.database.transaction(async (tx) => {
        const inserted = await first(
          tx,
          sql<{ id: number }>`
          INSERT INTO index_versions (version, manifest, created_at, publisher)
          VALUES (${publication.version}, ${publication.manifest}, ${publication.createdAt}, ${publication.publisher}) RETURNING id`,
        );
        const id = Number(inserted!.id);
        for (const file of publication.files) await this.insertParts(tx, id, file);
        await this.prune(tx, keep);
      });
      return { kind: 'published' };
    } catch (error) {
      if (isUniqueViolation(error)) return { kind: 'exists' };
      throw error;
    }
  }

  private async insertParts(tx: SqlExecutor, id: number, file: PublishedFile): Promise<void> {
    const bytes = asBuffer(file.bytes);
    let part = 0;
    for (let offset = 0; offset < bytes.length || part === 0; offset += this.partBytes) {
      await run(
        tx,
        sql`INSERT INTO index_version_parts (version_id, file, part, bytes) VALUES (${id}, ${file.name}, ${part}, ${bytes.subarray(offset, offset + this.partBytes)})`,
      );
      part += 1;
    }
  }

  private async prune(tx: SqlExecutor, keep: number): Promise<void> {
    const keptIds = sql`SELECT id FROM index_versions ORDER BY id DESC LIMIT ${keep}`;
    await run(tx, sql`DELETE FROM index_version_parts WHERE version_id NOT IN (${keptIds})`);
    await run(tx, sql`DELETE FROM index_versions WHERE id NOT IN (${keptIds})`);
  }

  async fetch(version: string): Promise<{ version: PublishedVersion; files: PublishedFile[] } | undefined> {
    const row = await first(
      this.database.db,
      sql<VersionRow>`SELECT id, version, manifest, created_at, publisher FROM index_versions WHERE version = ${version}`,
    );
    if (!row) return undefined;
    // One statement per slice of a part (at most `readSliceBytes`), so no single answer grows with the corpus
    // and decoding one answer (PostgreSQL sends bytea as hex text) never holds the event loop for long.
    const parts = await rows(
      this.database.db,
      sql<{ file: string; part: number; size: number }>`
      SELECT file, part, length(bytes) AS size FROM index_version_parts WHERE version_id = ${row.id} ORDER BY file, part`,
    );
    const byFile = new Map<string, Buffer[]>();
    for (const part of parts) {
      const list = byFile.get(part.file) ?? [];
      byFile.set(part.file, list);
      for (let offset = 0; offset < Number(part.size); offset += this.readSliceBytes) {
        const bytes = (
          await first(
            this.database.db,
            sql<{ bytes: Uint8Array }>`
          SELECT substr(bytes, ${offset + 1}, ${this.readSliceBytes}) AS bytes FROM index_version_parts
          WHERE version_id = ${row.id} AND file = ${part.file} AND part = ${part.part}`,
          )
        )?.bytes;
        if (!bytes) return undefined; // pruned while reading: the caller retries with the newest version
        list.push(asBuffer(bytes));
      }
    }
    return { version: toVersion(row), files: [...byFile].map(([name, list]) => ({ name, bytes: Buffer.concat(list) })) };
  }

  async requestReindex(by: string, at: string): Promise<number> {
    const row = await first(
      this.database.db,
      sql<{ id: number }>`INSERT INTO index_reindex_requests (requested_by, requested_at) VALUES (${by}, ${at}) RETURNING id`,
    );
    return Number(row!.id);
  }

  async pendingRequests(): Promise<ReindexRequest[]> {
    return (await rows(this.database.db, sql<RequestRow>`SELECT * FROM index_reindex_requests WHERE handled_at IS NULL ORDER BY id`)).map(
      toRequest,
    );
  }

  async markHandled(ids: readonly number[], at: string, report: string): Promise<void> {
    if (ids.length === 0) return;
    await run(
      this.database.db,
      sql`UPDATE index_reindex_requests SET handled_at = ${at}, report = ${report} WHERE id IN (${sql.join([...ids])}) AND handled_at IS NULL`,
    );
  }

  async request(id: number): Promise<ReindexRequest | undefined> {
    const row = await first(this.database.db, sql<RequestRow>`SELECT * FROM index_reindex_requests WHERE id = ${id}`);
    return row ? toRequest(row) : undefined;
  }
}
