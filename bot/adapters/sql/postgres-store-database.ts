/**
 * `StoreDatabase` on PostgreSQL: a `pg.Pool` behind Kysely's PostgreSQL dialect. Nothing blocks the event
 * loop; the pool size, connect timeout and per-statement timeout come from the configuration, and connection
 * errors of idle clients are logged instead of crashing the process. int8 and numeric come back as numbers
 * (counts and ids stay far below 2^53).
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../../shared/logger.ts';
import type { SqlExecutor, StoreDatabase } from './store-database.ts';

/** Pool settings (defaults: 10 connections, 5 s connect timeout, 15 s statement timeout). */
export interface PostgresPoolOptions {
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
  readonly statementTimeoutMs?: number;
  readonly logger?: Logger;
}

const int8 = 20;
const numeric = 1700;

/** Type parsers of this pool only (the global `pg.types` stay untouched). */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === int8 || oid === numeric ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
};

/** Removes the password from a connection URL for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Opens a pool on `url` (lazily: the first query connects). */
export function postgresStoreDatabase(url: string, options: PostgresPoolOptions = {}): StoreDatabase {
  const statementTimeoutMs = options.statementTimeoutMs ?? 15_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    statement_timeout: statementTimeoutMs,
    // A server that stops answering must not hold a request forever: the client gives up a little later.
    query_timeout: statementTimeoutMs + 1_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  pool.on('error', (error) => options.logger?.warn('postgres-idle-client-error', { error: error.message }));
  // A connection that drops while it is checked out (server restart, pg_terminate_backend) emits 'error' on its
  // client; without a listener that would end the process. The query in flight rejects anyway and the pool drops it.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.logger?.warn('postgres-client-error', { error: error.message }));
  });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    dialect: 'postgres',
    db,
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => db.transaction().execute(work),
    ping: async () => {
      await sql`SELECT 1`.execute(db);
    },
    gauges: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy(); // ends the pool
    },
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
