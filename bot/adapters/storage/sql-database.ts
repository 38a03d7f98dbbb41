/**
 * The narrow, synchronous SQL surface every store uses: `prepare(sql).run/get/all/iterate`, `exec`,
 * `transaction(fn)` and `close`. better-sqlite3 implements it directly (the default); the PostgreSQL
 * adapter (`bot/adapters/postgres/`) implements it through a worker-thread bridge. Stores write SQLite
 * syntax with `?` placeholders; the PostgreSQL side translates the few dialect differences.
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

/** A synchronous SQL database (better-sqlite3 or the PostgreSQL bridge). */
export interface SqlDatabase {
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqlStatement<P, R>;
  exec(sql: string): unknown;
  /** Wraps `fn` in BEGIN/COMMIT (ROLLBACK when it throws); nested calls become savepoints. */
  transaction<F extends (...args: any[]) => unknown>(fn: F): (...args: ArgumentsOf<F>) => ReturnType<F>;
  close(): unknown;
  /** Serialises schema migrations across processes (PostgreSQL advisory lock); absent on SQLite. */
  lockForMigration?(): void;
}

/** True when `error` is a unique/primary-key violation on SQLite or PostgreSQL (another writer won). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs `attempt` again (up to `times`) when it loses a race on a unique key, e.g. the next ticket number. */
export function retryOnUniqueViolation<T>(attempt: () => T, times = 8): T {
  for (let round = 1; ; round += 1) {
    try {
      return attempt();
    } catch (error) {
      if (round >= times || !isUniqueViolation(error)) throw error;
    }
  }
}
