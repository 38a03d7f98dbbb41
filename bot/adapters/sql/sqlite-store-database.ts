/**
 * `StoreDatabase` on the embedded SQLite file (better-sqlite3 through Kysely's SQLite dialect). Kysely keeps
 * one connection and serialises transactions on it. The handle is shared with the stores that still use the
 * synchronous surface, so `close()` leaves closing it to its owner (`openSqliteDatabase`'s caller).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Logger } from '../../shared/logger.ts';
import type { SqlExecutor, StoreDatabase } from './store-database.ts';

/** Wraps an open better-sqlite3 database (WAL, foreign keys on) as a `StoreDatabase`; `logger` receives refused rows. */
export function sqliteStoreDatabase(database: BetterSqlite3.Database, options: { logger?: Logger } = {}): StoreDatabase {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
  return {
    dialect: 'sqlite',
    db,
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => db.transaction().execute(work),
    ping: async () => {
      database.prepare('SELECT 1').get();
    },
    gauges: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: async () => {},
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
