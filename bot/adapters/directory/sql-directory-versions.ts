/**
 * The directory shared by replicas (issue #11): validated directory data as versioned JSON in the shared
 * store, plus a pointer to the current version. Publishing is one transaction, so a replica reads either
 * the old or the new directory, never a mix. The last five versions are kept for diagnosis.
 */
import { createHash } from 'node:crypto';
import { migrate, type SqliteDatabase } from '../storage/sqlite-database.ts';
import { directoryFileSchema, type DirectoryFile } from './directory-schema.ts';

const migrations = [
  `CREATE TABLE directory_versions (version TEXT PRIMARY KEY, data TEXT NOT NULL, source TEXT NOT NULL, published_at TEXT NOT NULL);
   CREATE TABLE directory_current (name TEXT PRIMARY KEY, version TEXT NOT NULL, published_at TEXT NOT NULL);`,
];

const keep = 5;

/** Content version of directory data (same data → same version on every replica). */
export function directoryVersionOf(data: DirectoryFile): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
}

/** Versioned directory data in the shared SQL store. */
export class SqlDirectoryVersions {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'directory-versions', migrations);
  }

  /** Version the replicas should use now (undefined before the first publication). */
  currentVersion(): string | undefined {
    return this.database.prepare<[], { version: string }>("SELECT version FROM directory_current WHERE name = 'current'").get()?.version;
  }

  /** Makes `data` the current directory; returns false when it already was. */
  publish(data: DirectoryFile, source: string, at: string): boolean {
    const version = directoryVersionOf(data);
    if (this.currentVersion() === version) return false;
    this.database.transaction(() => {
      this.database.prepare('INSERT INTO directory_versions (version, data, source, published_at) VALUES (?, ?, ?, ?) ON CONFLICT (version) DO UPDATE SET published_at = excluded.published_at')
        .run(version, JSON.stringify(data), source, at);
      this.database.prepare("INSERT INTO directory_current (name, version, published_at) VALUES ('current', ?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version, published_at = excluded.published_at")
        .run(version, at);
      this.database.prepare('DELETE FROM directory_versions WHERE version NOT IN (SELECT version FROM directory_versions ORDER BY published_at DESC, version LIMIT ?)').run(keep);
    })();
    return true;
  }

  /** The data of a version, validated again (the store is a boundary); undefined when unknown or invalid. */
  load(version: string): DirectoryFile | undefined {
    const row = this.database.prepare<[string], { data: string }>('SELECT data FROM directory_versions WHERE version = ?').get(version);
    if (!row) return undefined;
    const parsed = directoryFileSchema.safeParse(JSON.parse(row.data));
    return parsed.success ? parsed.data : undefined;
  }
}
