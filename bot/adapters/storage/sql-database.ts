/**
 * The narrow, synchronous SQL surface of better-sqlite3 that the per-replica knowledge store and the index
 * bookkeeping use on `<DATA_DIR>/lotse.db` (local, never over a network): `prepare(sql).run/get/all/iterate`,
 * `exec`, `transaction(fn)` and `close`. Every shared store uses the asynchronous `StoreDatabase` of
 * `bot/adapters/sql/` instead (issue #20, ADR 0011).
 */

/** The parameters of `F` (same shape as better-sqlite3's typing, so its Database is assignable). */
export type ArgumentsOf<F extends (...args: any[]) => unknown> = F extends (...args: infer A) => unknown ? A : never;

/** What a write statement reports. */
export interface SqlRunResult {
  readonly changes: number;
  readonly lastInsertRowid: number | bigint;
}

/** A prepared statement with positional parameters. */
export interface SqlStatement<P extends unknown[] = unknown[], R = unknown> {
  run(...params: P): SqlRunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
  iterate(...params: P): IterableIterator<R>;
}

/** A synchronous SQL database (better-sqlite3). */
export interface SqlDatabase {
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqlStatement<P, R>;
  exec(sql: string): unknown;
  /** Wraps `fn` in BEGIN/COMMIT (ROLLBACK when it throws); nested calls become savepoints. */
  transaction<F extends (...args: any[]) => unknown>(fn: F): (...args: ArgumentsOf<F>) => ReturnType<F>;
  close(): unknown;
}
