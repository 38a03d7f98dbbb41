/**
 * `DirectoryVersions` on the shared SQL store (SQLite or PostgreSQL, issue #20; tables from migration
 * `0009-directory-versions`): validated directory data as versioned JSON plus a pointer to the current
 * version. Publishing is one transaction, so a replica reads either the old or the new directory, never a
 * mix. The last five versions are kept for diagnosis.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DirectoryVersions } from '../../ports/directory-versions.ts';
import { first, run, type StoreDatabase } from '../sql/store-database.ts';
import { directoryFileSchema, type DirectoryFile } from './directory-schema.ts';

const keep = 5;

/** Content version of directory data (same data → same version on every replica). */
export function directoryVersionOf(data: DirectoryFile): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
}

/** Versioned directory data in `directory_versions` / `directory_current`. */
export class SqlDirectoryVersions implements DirectoryVersions<DirectoryFile> {
  constructor(private readonly database: StoreDatabase) {}

  async currentVersion(): Promise<string | undefined> {
    return (await first(this.database.db, sql<{ version: string }>`SELECT version FROM directory_current WHERE name = 'current'`))?.version;
  }

  async publish(data: DirectoryFile, source: string, at: string): Promise<boolean> {
    const version = directoryVersionOf(data);
    if ((await this.currentVersion()) === version) return false;
    await this.database.transaction(async (tx) => {
      await run(
        tx,
        sql`INSERT INTO directory_versions (version, data, source, published_at) VALUES (${version}, ${JSON.stringify(data)}, ${source}, ${at})
        ON CONFLICT (version) DO UPDATE SET published_at = excluded.published_at`,
      );
      await run(
        tx,
        sql`INSERT INTO directory_current (name, version, published_at) VALUES ('current', ${version}, ${at})
        ON CONFLICT (name) DO UPDATE SET version = excluded.version, published_at = excluded.published_at`,
      );
      await run(
        tx,
        sql`DELETE FROM directory_versions WHERE version NOT IN (SELECT version FROM directory_versions ORDER BY published_at DESC, version LIMIT ${keep})`,
      );
    });
    return true;
  }

  async load(version: string): Promise<DirectoryFile | undefined> {
    const row = await first(this.database.db, sql<{ data: string }>`SELECT data FROM directory_versions WHERE version = ${version}`);
    if (!row) return undefined;
    const parsed = directoryFileSchema.safeParse(JSON.parse(row.data));
    return parsed.success ? parsed.data : undefined;
  }
}
