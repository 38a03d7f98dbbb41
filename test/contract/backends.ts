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
import { openSqliteDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, type TestPostgres } from '../support/postgres.ts';

/** Opens a fresh, empty database; `second()` opens another handle on the same one (another replica). */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  readonly available: boolean;
  fresh(): Promise<{ database: SqlDatabase; second: () => SqlDatabase }>;
}

/** Registers cluster start/stop hooks for this file and returns both backends. */
export function useBackends(): readonly Backend[] {
  const bin = findPostgresBinaries();
  if (!bin) console.warn(postgresSkipMessage);
  let server: TestPostgres | undefined;
  const opened: { close(): unknown }[] = [];
  const dirs: string[] = [];
  let counter = 0;
  beforeAll(async () => {
    if (bin) server = await startTestPostgres(bin);
  }, 60_000);
  afterAll(() => {
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
        return { database: track(openSqliteDatabase(dir)), second: () => track(openSqliteDatabase(dir)) };
      },
    },
    {
      name: 'postgres',
      available: Boolean(bin),
      fresh: async () => {
        counter += 1;
        const url = await server!.createDatabase(`contract_${process.pid}_${counter}`);
        return { database: track(new PostgresDatabase(url)), second: () => track(new PostgresDatabase(url)) };
      },
    },
  ];
}
