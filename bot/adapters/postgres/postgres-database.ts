/**
 * PostgreSQL behind the synchronous `SqlDatabase` surface the stores use. `pg` runs in a worker thread;
 * the calling thread posts a request and blocks with `Atomics.wait` until the worker answers (the
 * synckit technique), so every existing store works unchanged. One connection per process: a
 * `transaction(fn)` is BEGIN/COMMIT on it, nested ones are savepoints. Timeouts turn an unreachable
 * server into a clear error; a lost connection is reopened on the next call.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ArgumentsOf, SqlDatabase, SqlRunResult, SqlStatement } from '../storage/sql-database.ts';
import type { BridgeCall, BridgeResponse, BridgeSettings } from './bridge-protocol.ts';
import { statusSlot } from './bridge-protocol.ts';
import { translateScript, translateStatement, type TranslatedStatement } from './translate-sql.ts';

/** Thrown for every failed PostgreSQL call; `code` is the SQLSTATE (e.g. 23505) when the server sent one. */
export class PostgresError extends Error {
  override readonly name = 'PostgresError';
  constructor(message: string, readonly code?: string, readonly connectionLost = false, readonly detail = message) {
    super(message);
  }
}

/** Connection settings; the timeouts default to 5 s (connect) and 15 s (statement). */
export interface PostgresOptions {
  readonly connectTimeoutMs?: number;
  readonly statementTimeoutMs?: number;
}

const migrationLockKey = 7_410_530; // "lotse" migrations, one advisory lock key for all stores
// Plain JavaScript worker: Node 20 workers do not inherit tsx's hooks (see the header of pg-worker.mjs).
const workerFile = new URL('./pg-worker.mjs', import.meta.url);

const translations = new Map<string, TranslatedStatement>();

/** Removes the password from a connection URL for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** The synchronous PostgreSQL database of one process. */
export class PostgresDatabase implements SqlDatabase {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private status = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private depth = 0;
  private closed = false;
  private readonly settings: BridgeSettings;

  constructor(url: string, options: PostgresOptions = {}) {
    this.settings = { url, connectTimeoutMs: options.connectTimeoutMs ?? 5_000, statementTimeoutMs: options.statementTimeoutMs ?? 15_000 };
  }

  private start(): MessagePort {
    if (this.port) return this.port;
    const channel = new MessageChannel();
    this.status = new Int32Array(new SharedArrayBuffer(4));
    this.worker = new Worker(workerFile, {
      execArgv: [], // no tsx in the worker: it is plain JavaScript
      workerData: { settings: this.settings, port: channel.port2, status: this.status },
      transferList: [channel.port2],
    });
    this.worker.unref();
    this.worker.on('error', () => this.stop());
    this.port = channel.port1;
    return this.port;
  }

  private stop(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
    this.port = undefined;
  }

  /** Sends one request and blocks until the worker answers or the deadline passes. */
  private call(request: BridgeCall): Extract<BridgeResponse, { ok: true }> {
    if (this.closed) throw new PostgresError('The PostgreSQL database is closed.');
    const port = this.start();
    const id = this.nextId++;
    Atomics.store(this.status, statusSlot, 0);
    port.postMessage({ ...request, id });
    const limit = this.settings.connectTimeoutMs + this.settings.statementTimeoutMs + 5_000;
    const deadline = Date.now() + limit;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) {
        this.stop(); // a wedged worker is replaced on the next call
        throw new PostgresError(`PostgreSQL at ${redactUrl(this.settings.url)} did not answer within ${limit} ms.`, undefined, true);
      }
      Atomics.wait(this.status, statusSlot, 0, Math.min(left, 1_000));
      const received = receiveMessageOnPort(port)?.message as BridgeResponse | undefined;
      if (!received || received.id !== id) continue;
      if (received.ok) return received;
      const where = received.connectionLost ? ` (server ${redactUrl(this.settings.url)} unreachable or restarting; the next call reconnects)` : '';
      throw new PostgresError(`PostgreSQL: ${received.message}${where}`, received.code, received.connectionLost, received.message);
    }
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqlStatement<P, R> {
    let translated = translations.get(sql);
    if (!translated) {
      translated = translateStatement(sql);
      if (translations.size < 2_000) translations.set(sql, translated);
    }
    const { text, insertTable, names } = translated;
    const bind = (params: P): readonly unknown[] => {
      if (!names) return params;
      const values = (params[0] ?? {}) as Record<string, unknown>;
      return names.map((name) => {
        if (!(name in values)) throw new TypeError(`Missing named parameter "${name}"`); // as better-sqlite3 does
        return values[name];
      });
    };
    const query = (params: P) => this.call({ kind: 'query', text, params: bind(params), ...(insertTable ? { insertTable } : {}) });
    return {
      run: (...params: P): SqlRunResult => {
        const result = query(params);
        return { changes: result.rowCount, lastInsertRowid: result.lastId };
      },
      get: (...params: P) => query(params).rows[0] as R | undefined,
      all: (...params: P) => query(params).rows as R[],
      iterate: (...params: P) => (query(params).rows as R[])[Symbol.iterator](),
    };
  }

  exec(sql: string): this {
    this.call({ kind: 'script', text: translateScript(sql) });
    return this;
  }

  transaction<F extends (...args: any[]) => unknown>(fn: F): (...args: ArgumentsOf<F>) => ReturnType<F> {
    return (...args: ArgumentsOf<F>): ReturnType<F> => {
      const savepoint = this.depth > 0 ? `lotse_sp_${this.depth}` : undefined;
      this.call({ kind: 'script', text: savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN' });
      this.depth += 1;
      try {
        const result = fn(...args) as ReturnType<F>;
        this.depth -= 1;
        this.call({ kind: 'script', text: savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT' });
        return result;
      } catch (error) {
        this.depth = Math.max(0, this.depth - 1);
        try {
          this.call({ kind: 'script', text: savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK' });
        } catch {
          // the connection is gone: the server rolled the transaction back itself
        }
        throw error;
      }
    };
  }

  lockForMigration(): void {
    this.call({ kind: 'query', text: 'SELECT pg_advisory_xact_lock($1)', params: [migrationLockKey] });
  }

  /** Checks the connection (used by readiness checks); throws a `PostgresError` when the server is unreachable. */
  ping(): void {
    this.call({ kind: 'query', text: 'SELECT 1', params: [] });
  }

  close(): void {
    if (this.closed) return;
    if (this.port) {
      try {
        this.call({ kind: 'close' });
      } catch {
        // closing a broken connection: nothing left to release
      }
    }
    this.closed = true;
    this.stop();
  }
}

/** Opens PostgreSQL and checks the connection; throws a `PostgresError` naming the (redacted) URL when unreachable. */
export function openPostgresDatabase(url: string, options: PostgresOptions = {}): PostgresDatabase {
  const database = new PostgresDatabase(url, options);
  try {
    database.ping();
  } catch (error) {
    database.close();
    const detail = error instanceof PostgresError ? error.detail : String(error);
    throw new PostgresError(`Cannot open PostgreSQL at ${redactUrl(url)} (${detail}). Check DATABASE_URL and that the server accepts connections.`);
  }
  return database;
}
