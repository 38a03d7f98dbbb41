/**
 * Opens the databases of one process (issue #20): the per-replica SQLite file always (knowledge store and index
 * bookkeeping) and the store database — the same SQLite file in the one-process default, a `pg.Pool` with
 * `DATABASE_URL`. Checks that PostgreSQL answers and runs the schema migrations once, before any store is used.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { postgresStoreDatabase, redactDatabaseUrl } from '../adapters/sql/postgres-store-database.ts';
import { runMigrations } from '../adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../adapters/sql/sqlite-store-database.ts';
import type { StoreDatabase } from '../adapters/sql/store-database.ts';
import { openSqliteDatabase } from '../adapters/storage/sqlite-database.ts';
import type { LotseConfig } from '../config/config.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';

/** The databases of a running lotse. */
export interface OpenedDatabases {
  /** `<DATA_DIR>/lotse.db`: knowledge store and index bookkeeping of this replica (and every store without `DATABASE_URL`). */
  readonly local: BetterSqlite3.Database;
  /** The asynchronous database of the stores: `local` through Kysely, or PostgreSQL shared by the replicas. */
  readonly store: StoreDatabase;
  /** True with `DATABASE_URL`: stores are shared with other replicas. */
  readonly shared: boolean;
  /** Whether the store database answers a ping now (asynchronous: the event loop never waits on it). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens and migrates; throws an English error naming the database when it cannot be reached. */
export async function openDatabases(config: LotseConfig, logger: Logger): Promise<OpenedDatabases> {
  const local = openSqliteDatabase(config.dataDir);
  const pool = config.databasePool;
  const store = config.databaseUrl
    ? postgresStoreDatabase(config.databaseUrl, {
        ...(pool ? { poolSize: pool.poolSize, connectTimeoutMs: pool.connectTimeoutMs, statementTimeoutMs: pool.statementTimeoutMs } : {}),
        logger,
      })
    : sqliteStoreDatabase(local, { logger });
  const close = async (): Promise<void> => {
    await store.close();
    local.close();
  };
  if (config.databaseUrl) {
    try {
      await store.ping();
    } catch (error) {
      await close();
      throw new Error(
        `Cannot open PostgreSQL at ${redactDatabaseUrl(config.databaseUrl)} (${describeError(error)}). Check DATABASE_URL and that the server accepts connections.`,
      );
    }
  }
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
  return { local, store, shared: Boolean(config.databaseUrl), ready, close };
}
