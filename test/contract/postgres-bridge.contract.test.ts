/**
 * The synchronous PostgreSQL bridge itself: transactions and savepoints, clear errors (unreachable
 * server, statement timeout, SQL errors with their SQLSTATE), reconnect after the server restarts, and
 * migrations from two processes at once.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, PostgresDatabase, PostgresError } from '../../bot/adapters/postgres/postgres-database.ts';
import { migrate } from '../../bot/adapters/storage/sqlite-database.ts';
import { isUniqueViolation } from '../../bot/adapters/storage/sql-database.ts';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, type TestPostgres } from '../support/postgres.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);

describe.skipIf(!bin)('PostgreSQL bridge', () => {
  let server: TestPostgres;
  const opened: PostgresDatabase[] = [];
  const open = (url: string, options = {}) => {
    const database = new PostgresDatabase(url, options);
    opened.push(database);
    return database;
  };
  beforeAll(async () => {
    server = await startTestPostgres(bin);
  }, 60_000);
  afterAll(() => {
    for (const database of opened) database.close();
    server?.destroy();
  });

  it('commits, rolls back on a throw, and nests as savepoints', async () => {
    const database = open(await server.createDatabase('tx'));
    database.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
    const insert = database.prepare<[string], never>('INSERT INTO t (name) VALUES (?)');
    expect(insert.run('a')).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(() => database.transaction(() => {
      insert.run('b');
      throw new Error('boom');
    })()).toThrow('boom');
    database.transaction(() => {
      insert.run('c');
      try {
        database.transaction(() => insert.run('a'))();
      } catch (error) {
        expect(isUniqueViolation(error)).toBe(true);
      }
      insert.run('d');
    })();
    expect(database.prepare<[], { name: string }>('SELECT name FROM t ORDER BY name').all().map((row) => row.name)).toEqual(['a', 'c', 'd']);
    expect(database.prepare<[], { n: number }>('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
    expect([...database.prepare<[string], { name: string }>('SELECT name FROM t WHERE name > ? ORDER BY name').iterate('b')].map((row) => row.name)).toEqual(['c', 'd']);
  });

  it('binds named parameters from one object, as better-sqlite3 does', async () => {
    const database = open(await server.createDatabase('named'));
    database.exec('CREATE TABLE n (id INTEGER PRIMARY KEY AUTOINCREMENT, k TEXT NOT NULL, v TEXT)');
    const insert = database.prepare<[{ k: string; v: string | null }], never>('INSERT INTO n (k, v) VALUES (@k, @v)');
    expect(insert.run({ k: 'a', v: null }).lastInsertRowid).toBe(1);
    expect(database.prepare<[{ k: string }], { v: string | null }>('SELECT v FROM n WHERE k = :k').get({ k: 'a' })).toEqual({ v: null });
    expect(() => insert.run({ k: 'b' } as never)).toThrow(/Missing named parameter "v"/);
  });

  it('reports SQL errors with their SQLSTATE and stays usable', async () => {
    const database = open(await server.createDatabase('errors'));
    const error = (() => {
      try {
        database.prepare('SELECT * FROM missing_table').all();
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PostgresError);
    expect(error).toMatchObject({ code: '42P01', message: expect.stringContaining('missing_table') });
    expect(database.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
  });

  it('gives a clear error for an unreachable server instead of hanging', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const started = Date.now();
    expect(() => openPostgresDatabase(`postgres://lotse:geheim@127.0.0.1:${port}/lotse`, { connectTimeoutMs: 1_000 })).toThrow(/Cannot open PostgreSQL at postgres:\/\/lotse:\*\*\*@127\.0\.0\.1/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cancels a statement after the statement timeout', async () => {
    const database = open(await server.createDatabase('slow'), { statementTimeoutMs: 300 });
    expect(() => database.prepare('SELECT pg_sleep(2)').get()).toThrow(/statement timeout/);
    expect(database.prepare('SELECT 2 AS two').get()).toEqual({ two: 2 });
  });

  it('reconnects on the next call after the server restarted', async () => {
    const database = open(await server.createDatabase('restart'));
    expect(database.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    server.stop();
    expect(() => database.prepare('SELECT 1 AS one').get()).toThrow(PostgresError);
    server.start();
    expect(database.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
  }, 30_000);

  it('re-plans a prepared statement after another replica altered its table', async () => {
    const url = await server.createDatabase('replan');
    const [a, b] = [open(url), open(url)];
    a.exec('CREATE TABLE r (id INTEGER PRIMARY KEY, v TEXT)');
    a.prepare('INSERT INTO r (v) VALUES (?)').run('x');
    expect(a.prepare('SELECT * FROM r WHERE id = ?').get(1)).toEqual({ id: 1, v: 'x' });
    b.exec('ALTER TABLE r ADD COLUMN w TEXT');
    expect(a.prepare('SELECT * FROM r WHERE id = ?').get(1)).toEqual({ id: 1, v: 'x', w: null });
  });

  it('applies migrations once from two connections (simultaneous start: see the replica test)', async () => {
    const url = await server.createDatabase('migrations');
    const [a, b] = [open(url), open(url)];
    const steps = ['CREATE TABLE m1 (id INTEGER PRIMARY KEY, v TEXT)', 'ALTER TABLE m1 ADD COLUMN w TEXT'];
    migrate(a, 'demo', steps);
    migrate(b, 'demo', steps);
    expect(b.prepare<[], { n: number }>("SELECT count(*) AS n FROM schema_migrations WHERE store = 'demo'").get()).toEqual({ n: 2 });
  });
});
