/**
 * The store database itself on SQLite and on a real PostgreSQL (issue #20): real transactions (rollback on a
 * throw, nothing half-written), SQL errors with their code, a clear error for an unreachable server, the statement
 * timeout, recovery after a server restart, and migrations applied once when two replicas start together.
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { postgresStoreDatabase } from '../../bot/adapters/sql/postgres-store-database.ts';
import {
  first,
  isConnectionError,
  isUniqueViolation,
  rows,
  run,
  withRetry,
  type StoreDatabase,
} from '../../bot/adapters/sql/store-database.ts';
import { openDatabases } from '../../bot/app/open-databases.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { findPostgresBinaries, queryRows, startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { repoRoot } from '../support/real-app.ts';
import { useBackends } from './backends.ts';

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`store database on ${backend.name}`, () => {
    it('commits a unit of work, rolls it back completely when it throws, and reports a unique violation', async () => {
      const { store } = await backend.fresh();
      await run(store.db, sql`CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT)`);
      await store.transaction(async (tx) => {
        await run(tx, sql`INSERT INTO t (id, v) VALUES (${'a'}, ${'eins'})`);
      });
      await expect(
        store.transaction(async (tx) => {
          await run(tx, sql`INSERT INTO t (id, v) VALUES (${'b'}, ${'zwei'})`);
          await run(tx, sql`INSERT INTO t (id, v) VALUES (${'a'}, ${'doppelt'})`);
        }),
      ).rejects.toSatisfy(isUniqueViolation);
      expect(await rows(store.db, sql<{ id: string }>`SELECT id FROM t ORDER BY id`)).toEqual([{ id: 'a' }]);
      expect(await first(store.db, sql<{ n: number }>`SELECT count(*) AS n FROM t`)).toEqual({ n: 1 });
    });

    it('repeats a whole unit of work that lost a race on a unique key, never a single statement', async () => {
      const { store } = await backend.fresh();
      await run(store.db, sql`CREATE TABLE numbers (n INTEGER PRIMARY KEY)`);
      await run(store.db, sql`INSERT INTO numbers (n) VALUES (1)`);
      let attempts = 0;
      const next = await withRetry(
        () =>
          store.transaction(async (tx) => {
            attempts += 1;
            const taken = attempts === 1 ? 0 : Number((await first(tx, sql<{ n: number }>`SELECT max(n) AS n FROM numbers`))?.n ?? 0);
            await run(tx, sql`INSERT INTO numbers (n) VALUES (${taken + 1})`);
            return taken + 1;
          }),
        { onUniqueViolation: true },
      );
      expect([next, attempts]).toEqual([2, 2]);
    });
  });
}

const bin = findPostgresBinaries();

describe.skipIf(!bin)('PostgreSQL pool', () => {
  let server: TestPostgres;
  const opened: StoreDatabase[] = [];
  const open = (url: string, options: Parameters<typeof postgresStoreDatabase>[1] = {}): StoreDatabase => {
    const store = postgresStoreDatabase(url, options);
    opened.push(store);
    return store;
  };
  beforeAll(async () => {
    server = await startTestPostgres(bin);
  }, 60_000);
  afterAll(async () => {
    for (const store of opened) await store.close();
    server?.destroy();
  });

  it('refuses to start with a clear error (password hidden) for an unreachable server instead of hanging', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'lotse-pool-'));
    try {
      const config = loadConfig(
        { DATABASE_URL: `postgres://lotse:geheim@127.0.0.1:${port}/lotse`, DATABASE_CONNECT_TIMEOUT_MS: '1000' },
        { dataDir },
        repoRoot,
      );
      await expect(openDatabases(config, silentLogger)).rejects.toThrow(
        /Cannot open PostgreSQL at postgres:\/\/lotse:\*\*\*@127\.0\.0\.1.*Check DATABASE_URL/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('cancels a statement after the statement timeout and stays usable', async () => {
    const store = open(await server.createDatabase('slow'), { statementTimeoutMs: 300 });
    await expect(sql`SELECT pg_sleep(2)`.execute(store.db)).rejects.toMatchObject({ code: '57014' });
    expect(await first(store.db, sql<{ two: number }>`SELECT 2 AS two`)).toEqual({ two: 2 });
  });

  it('fails while the server is down (a connection error) and works again after it restarted, without a new pool', async () => {
    const store = open(await server.createDatabase('restart'), { connectTimeoutMs: 1_000 });
    await store.ping();
    server.stop();
    const down = await store.ping().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isConnectionError(down) || /terminat|shutting down|connect/i.test(String(down))).toBe(true);
    server.start();
    let back = false;
    for (let attempt = 0; attempt < 40 && !back; attempt += 1) {
      back = await store.ping().then(
        () => true,
        () => false,
      );
      if (!back) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(back).toBe(true);
    expect(store.gauges().total).toBeGreaterThan(0);
  }, 30_000);

  it('rolls the whole unit of work back when its connection drops inside it; withRetry repeats the unit on a new one', async () => {
    const url = await server.createDatabase('drop');
    const store = open(url);
    await run(store.db, sql`CREATE TABLE moves (id TEXT PRIMARY KEY)`);
    let attempts = 0;
    const result = await withRetry(
      () =>
        store.transaction(async (tx) => {
          attempts += 1;
          await run(tx, sql`INSERT INTO moves (id) VALUES (${`first-${attempts}`})`);
          if (attempts === 1) {
            const own = await first(tx, sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`);
            await queryRows(url, 'SELECT pg_terminate_backend($1)', [own!.pid]); // the server drops this connection now
          }
          await run(tx, sql`INSERT INTO moves (id) VALUES (${`second-${attempts}`})`);
          return attempts;
        }),
      { pause: async () => undefined },
    );
    expect(result).toBe(2);
    expect(await rows(store.db, sql<{ id: string }>`SELECT id FROM moves ORDER BY id`)).toEqual([{ id: 'first-2' }, { id: 'second-2' }]);
  });

  it('applies the migrations once when two replicas start together', async () => {
    const url = await server.createDatabase('migrations');
    const [a, b] = [open(url), open(url)];
    const [first, second] = await Promise.all([runMigrations(a), runMigrations(b)]);
    expect(first.length + second.length).toBeGreaterThan(0);
    expect(new Set([...first, ...second]).size).toBe(first.length + second.length);
    expect(await rows(a.db, sql<{ name: string }>`SELECT name FROM lotse_migrations`)).toHaveLength(first.length + second.length);
  });
});
