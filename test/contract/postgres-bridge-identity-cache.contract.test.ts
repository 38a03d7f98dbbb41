/**
 * The bridge looks up a table's identity column (for `lastInsertRowid`) once and keeps it across
 * transactions; only a script that may change the schema (DDL) drops the cache. Counted from the
 * server's own statement log: before this, every BEGIN/COMMIT dropped the cache and each chat turn paid
 * three extra round trips for the lookup.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../bot/adapters/postgres/postgres-database.ts';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, withPgClient, type TestPostgres } from '../support/postgres.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  return withPgClient(url, (client) => client.query(text));
}

describe.skipIf(!bin)('PostgreSQL bridge identity-column cache', () => {
  let server: TestPostgres;
  let database: PostgresDatabase | undefined;
  beforeAll(async () => {
    server = await startTestPostgres(bin);
  }, 60_000);
  afterAll(() => {
    database?.close();
    server?.destroy();
  });

  it('looks the identity column up once across transactions, again after DDL', async () => {
    const url = await server.createDatabase('identity_cache');
    await adminQuery(url, 'ALTER DATABASE identity_cache SET log_min_duration_statement = 0');
    const dataDirectory = String((await adminQuery(url, 'SHOW data_directory')).rows[0].data_directory);
    const log = join(dirname(dataDirectory), 'server.log');
    const lookups = (): number => (readFileSync(log, 'utf8').match(/execute[^\n]*to_regclass/g) ?? []).length;
    const before = lookups();

    database = new PostgresDatabase(url);
    database.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const insert = database.prepare<[string], never>('INSERT INTO t (name) VALUES (?)');
    const ids = [insert.run('a').lastInsertRowid];
    database.transaction(() => {
      ids.push(insert.run('b').lastInsertRowid);
      database!.transaction(() => ids.push(insert.run('c').lastInsertRowid))();
    })();
    ids.push(insert.run('d').lastInsertRowid);
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(lookups() - before).toBe(1);

    database.exec('ALTER TABLE t ADD COLUMN note TEXT');
    expect(insert.run('e').lastInsertRowid).toBe(5);
    expect(lookups() - before).toBe(2);
  });
});
