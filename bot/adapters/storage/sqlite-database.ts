/**
 * Opens the embedded SQLite database (better-sqlite3, WAL) under the data dir: the knowledge store's file, and
 * the stores' file in the one-process default (through Kysely, `bot/adapters/sql/sqlite-store-database.ts`).
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDatabase } from './sql-database.ts';

/** The local, synchronous database handle (better-sqlite3) of the knowledge store. */
export type SqliteDatabase = SqlDatabase;

/**
 * Opens (creating if needed) `<dataDir>/lotse.db` with WAL and foreign keys on. A new data dir is created
 * 0700 and the database file is kept 0600 (SQLite gives `-wal`/`-shm` the same mode); issue #18, item 14.
 */
export function openSqliteDatabase(dataDir: string, fileName = 'lotse.db'): Database.Database {
  const created = mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // `mode` applies only to folders it creates (minus the umask): set exactly 0700 on the new data dir.
  if (created !== undefined) chmodSync(dataDir, 0o700);
  const file = join(dataDir, fileName);
  closeSync(openSync(file, 'a', 0o600));
  // An existing database readable by group/others is tightened when this process owns it.
  const stat = statSync(file);
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) chmodSync(file, 0o600);
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return database;
}

/** Opens an in-memory database (tests). */
export function openMemoryDatabase(): Database.Database {
  const database = new Database(':memory:');
  database.pragma('foreign_keys = ON');
  return database;
}

/**
 * Applies numbered migrations of the local knowledge store exactly once, recorded in `schema_migrations`
 * (the shared stores' schema is `bot/adapters/sql/migrations/`; that runner reads this table to skip steps
 * databases of earlier versions already have).
 */
export function migrate(database: SqliteDatabase, store: string, steps: readonly string[]): void {
  database.transaction(() => {
    database.exec('CREATE TABLE IF NOT EXISTS schema_migrations (store TEXT NOT NULL, step INTEGER NOT NULL, PRIMARY KEY (store, step))');
    const applied = new Set(
      database
        .prepare<[string], { step: number }>('SELECT step FROM schema_migrations WHERE store = ?')
        .all(store)
        .map((row) => row.step),
    );
    const record = database.prepare('INSERT INTO schema_migrations (store, step) VALUES (?, ?)');
    steps.forEach((sql, step) => {
      if (applied.has(step)) return;
      database.exec(sql);
      record.run(store, step);
    });
  })();
}
