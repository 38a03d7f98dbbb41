/**
 * The asynchronous database every converted store uses (issue #20): a Kysely instance over better-sqlite3
 * (the one-process default) or a `pg.Pool` (replicas). Stores write portable SQL with Kysely's `sql` tag,
 * which renders the right placeholders per dialect; there is no SQL translation. A unit of work runs in a
 * real transaction; a statement is never retried inside one — `withRetry` repeats the whole unit of work,
 * and only where the caller says it is idempotent.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Logger } from '../../shared/logger.ts';

/** The two engines lotse runs on. */
export type SqlDialectName = 'sqlite' | 'postgres';

/** Anything a query can run on: the database itself or an open transaction. */
export type SqlExecutor = Kysely<any>;

/** Pool figures for `/metrics` (SQLite reports one connection, never waiting). */
export interface PoolGauges {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/** The asynchronous database handle of one process. */
export interface StoreDatabase {
  readonly dialect: SqlDialectName;
  /** Run single statements here; use `transaction` for several that belong together. */
  readonly db: SqlExecutor;
  /** Runs `work` in BEGIN … COMMIT (ROLLBACK when it throws). Keep only database work inside. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  gauges(): PoolGauges;
  /** Closes the pool (PostgreSQL) or leaves the shared SQLite handle to its owner. */
  close(): Promise<void>;
  /** Where stores report rows they refuse to read (`stored-json.ts`); absent: not reported. */
  readonly logger?: Logger;
}

/** All rows of a query. */
export async function rows<R>(executor: SqlExecutor, query: RawBuilder<R>): Promise<R[]> {
  return (await query.execute(executor)).rows;
}

/** The first row of a query, if any. */
export async function first<R>(executor: SqlExecutor, query: RawBuilder<R>): Promise<R | undefined> {
  return (await query.execute(executor)).rows[0];
}

/** Runs a write and returns the number of rows it changed. */
export async function run(executor: SqlExecutor, query: RawBuilder<unknown>): Promise<number> {
  const result = await query.execute(executor);
  return Number(result.numAffectedRows ?? 0n);
}

/** True when `error` is a unique/primary-key violation on SQLite or PostgreSQL (another writer won). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

/** True when `error` says the connection was lost or refused (the unit of work may be repeated). */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && connectionCodes.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

/** How a unit of work may be repeated. */
export interface RetryOptions {
  /** Attempts in all (default 3). */
  readonly attempts?: number;
  /** Also repeat when another writer won a unique key (e.g. the next ticket number). */
  readonly onUniqueViolation?: boolean;
  /** Waits between attempts; injected in tests (default: 100 ms × attempt). */
  readonly pause?: (attempt: number) => Promise<void>;
}

const defaultPause = (attempt: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100 * attempt));

/**
 * Repeats a whole, idempotent unit of work when the connection was lost (or, if asked, when it lost a race
 * on a unique key). Never wrap a single statement of a transaction in it: wrap the transaction.
 */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const again = isConnectionError(error) || (options.onUniqueViolation === true && isUniqueViolation(error));
      if (!again || attempt >= attempts) throw error;
      if (isConnectionError(error)) await (options.pause ?? defaultPause)(attempt);
    }
  }
}

/** Whether a table exists (stores of channels that are off never create theirs); `database.db` may be a transaction. */
export async function tableExists(
  database: Pick<StoreDatabase, 'dialect'> & { readonly db: SqlExecutor },
  table: string,
): Promise<boolean> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${table}`
      : sql<{
          n: number;
        }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ${table}`;
  return Number((await first(database.db, query))?.n ?? 0) > 0;
}
