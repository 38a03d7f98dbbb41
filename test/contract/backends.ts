/**
 * The two database backends every store contract runs against: SQLite (a file in a temp dir) and a real
 * PostgreSQL (one throw-away cluster per test file, a fresh database per case via CREATE DATABASE).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { PostgresDatabase } from '../../bot/adapters/postgres/postgres-database.ts';
import type { SqlDatabase } from '../../bot/adapters/storage/sql-database.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { postgresStoreDatabase } from '../../bot/adapters/sql/postgres-store-database.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import type { StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import { openSqliteDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, type TestPostgres } from '../support/postgres.ts';

/** One fresh database: the synchronous surface, a second handle on it (another replica), and the migrated async `StoreDatabase`. */
export interface FreshDatabase {
  readonly database: SqlDatabase;
  second(): SqlDatabase;
  /** The asynchronous database on the same data, migrated (issue #20). */
  readonly store: StoreDatabase;
  /** Another asynchronous handle on the same database (another replica's pool or connection). */
  secondStore(): Promise<StoreDatabase>;
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
  const opened: { close(): unknown }[] = [];
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
    for (const database of opened) database.close();
    server?.destroy();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const track = <T extends { close(): unknown }>(database: T): T => {
    opened.push(database);
    return database;
  };
  return [
    {
      name: 'sqlite',
      available: true,
      fresh: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'lotse-contract-'));
        dirs.push(dir);
        const database = track(openSqliteDatabase(dir));
        const store = await migrated(sqliteStoreDatabase(database));
        return { database, second: () => track(openSqliteDatabase(dir)), store, secondStore: () => migrated(sqliteStoreDatabase(track(openSqliteDatabase(dir)))) };
      },
    },
    {
      name: 'postgres',
      available: Boolean(bin),
      fresh: async () => {
        counter += 1;
        const url = await server!.createDatabase(`contract_${process.pid}_${counter}`);
        const store = await migrated(postgresStoreDatabase(url));
        return { database: track(new PostgresDatabase(url)), second: () => track(new PostgresDatabase(url)), store, secondStore: () => migrated(postgresStoreDatabase(url)) };
      },
    },
  ];
}
