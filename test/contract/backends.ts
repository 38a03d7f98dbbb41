/**
 * The two database backends every store contract runs against: SQLite (a file in a temp dir) and a real
 * PostgreSQL (one throw-away cluster per test file, a fresh database per case via CREATE DATABASE). Both come as
 * the migrated `StoreDatabase` the stores use (issue #20).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { postgresStoreDatabase } from '../../bot/adapters/sql/postgres-store-database.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import type { StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import { openSqliteDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, type TestPostgres } from '../support/postgres.ts';

/** One fresh, migrated database and a way to open another handle on it (another replica's pool or connection). */
export interface FreshDatabase {
  readonly store: StoreDatabase;
  secondStore(): Promise<StoreDatabase>;
  /** Runs one SQL statement written for both engines (test set-up, tampering) and returns its rows. */
  raw<R = Record<string, unknown>>(statement: string): Promise<R[]>;
}

/** Opens a fresh, empty database. */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  readonly available: boolean;
  fresh(): Promise<FreshDatabase>;
}

/** Registers cluster start/stop hooks for this file and returns both backends. */
export function useBackends(): readonly Backend[] {
  const bin = findPostgresBinaries();
  if (!bin) console.warn(postgresSkipMessage);
  let server: TestPostgres | undefined;
  const handles: { close(): unknown }[] = [];
  const stores: StoreDatabase[] = [];
  const migrated = async (store: StoreDatabase): Promise<StoreDatabase> => {
    stores.push(store);
    await runMigrations(store);
    return store;
  };
  const dirs: string[] = [];
  let counter = 0;
  beforeAll(async () => {
    if (bin) server = await startTestPostgres(bin);
  }, 60_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const handle of handles) handle.close();
    server?.destroy();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const sqliteStore = (dir: string): StoreDatabase => {
    const handle = openSqliteDatabase(dir);
    handles.push(handle);
    return sqliteStoreDatabase(handle);
  };
  const fresh = (store: StoreDatabase, secondStore: () => Promise<StoreDatabase>): FreshDatabase => ({
    store,
    secondStore,
    raw: async <R>(statement: string) => (await sql.raw<R>(statement).execute(store.db)).rows,
  });
  return [
    {
      name: 'sqlite',
      available: true,
      fresh: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'lotse-contract-'));
        dirs.push(dir);
        return fresh(await migrated(sqliteStore(dir)), () => migrated(sqliteStore(dir)));
      },
    },
    {
      name: 'postgres',
      available: Boolean(bin),
      fresh: async () => {
        counter += 1;
        const url = await server!.createDatabase(`contract_${process.pid}_${counter}`);
        return fresh(await migrated(postgresStoreDatabase(url)), () => migrated(postgresStoreDatabase(url)));
      },
    },
  ];
}
