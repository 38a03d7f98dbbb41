/**
 * Opens the databases of one process (issue #20). The per-replica SQLite file always (knowledge store and
 * index); with `DATABASE_URL` PostgreSQL twice while the refactor is under way: an asynchronous `pg.Pool`
 * for the stores already converted (conversations, inbox, retention) and the synchronous bridge for the rest.
 * Runs the schema migrations once, before any store is used.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { openPostgresDatabase, type PostgresDatabase } from '../adapters/postgres/postgres-database.ts';
import { postgresStoreDatabase, redactDatabaseUrl } from '../adapters/sql/postgres-store-database.ts';
import { runMigrations } from '../adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../adapters/sql/sqlite-store-database.ts';
import type { StoreDatabase } from '../adapters/sql/store-database.ts';
import type { SqlDatabase } from '../adapters/storage/sql-database.ts';
import { openSqliteDatabase } from '../adapters/storage/sqlite-database.ts';
import type { LotseConfig } from '../config/config.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';

/** The databases of a running lotse. */
export interface OpenedDatabases {
  /** `<DATA_DIR>/lotse.db`: knowledge store and index bookkeeping of this replica. */
  readonly local: BetterSqlite3.Database;
  /** The synchronous surface for stores not converted yet (PostgreSQL bridge with `DATABASE_URL`, else `local`). */
  readonly legacy: SqlDatabase;
  readonly postgres?: PostgresDatabase;
  /** The asynchronous database of the converted stores (the same data as `legacy`). */
  readonly store: StoreDatabase;
  /** Whether the shared database answers a ping now (asynchronous: the event loop never waits on it). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens and migrates; throws an English error naming the database when it cannot be reached. */
export async function openDatabases(config: LotseConfig, logger: Logger): Promise<OpenedDatabases> {
  const postgres = config.databaseUrl ? openPostgresDatabase(config.databaseUrl) : undefined;
  const local = openSqliteDatabase(config.dataDir);
  const pool = config.databasePool;
  const store = config.databaseUrl
    ? postgresStoreDatabase(config.databaseUrl, { ...(pool ? { poolSize: pool.poolSize, connectTimeoutMs: pool.connectTimeoutMs, statementTimeoutMs: pool.statementTimeoutMs } : {}), logger })
    : sqliteStoreDatabase(local);
  const close = async (): Promise<void> => {
    await store.close();
    postgres?.close();
    local.close();
  };
  try {
    await runMigrations(store);
  } catch (error) {
    await close();
    const where = config.databaseUrl ? `PostgreSQL at ${redactDatabaseUrl(config.databaseUrl)}` : `${config.dataDir}/lotse.db`;
    throw new Error(`Cannot prepare the database ${where}: ${describeError(error)}`);
  }
  const ready = async (): Promise<boolean> => {
    try {
      await store.ping();
      return true;
    } catch {
      return false;
    }
  };
  return { local, legacy: postgres ?? local, ...(postgres ? { postgres } : {}), store, ready, close };
}
