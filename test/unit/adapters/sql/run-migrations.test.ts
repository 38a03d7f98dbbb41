import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../../bot/adapters/sql/migrations/run-migrations.ts';
import { storeMigrations } from '../../../../bot/adapters/sql/migrations/index.ts';
import { sqliteStoreDatabase } from '../../../../bot/adapters/sql/sqlite-store-database.ts';
import { openMemoryDatabase } from '../../../../bot/adapters/storage/sqlite-database.ts';

const tables = (database: ReturnType<typeof openMemoryDatabase>): string[] =>
  database
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);

describe('runMigrations', () => {
  it('applies every migration once, in number order, and nothing on the second start', async () => {
    const database = openMemoryDatabase();
    const store = sqliteStoreDatabase(database);
    const applied = await runMigrations(store);
    expect(applied).toEqual(storeMigrations.map((migration) => migration.name).sort());
    expect(tables(database)).toEqual(
      expect.arrayContaining(['conversations', 'messages', 'feedback', 'inbox', 'audit_records', 'lotse_migrations']),
    );
    expect(await runMigrations(store)).toEqual([]);
  });

  it('skips the steps a database made by an earlier lotse already has (legacy schema_migrations)', async () => {
    const database = openMemoryDatabase();
    database.exec('CREATE TABLE schema_migrations (store TEXT NOT NULL, step INTEGER NOT NULL, PRIMARY KEY (store, step))');
    database.exec(
      'CREATE TABLE inbox (id INTEGER PRIMARY KEY, person_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, ticket_id TEXT, created_at TEXT NOT NULL, read_at TEXT)',
    );
    database.exec("INSERT INTO inbox (person_id, kind, text, created_at) VALUES ('p-1', 'ticket-created', 'alt', 't0')");
    database.exec("INSERT INTO schema_migrations (store, step) VALUES ('inbox', 0)");
    await runMigrations(sqliteStoreDatabase(database));
    expect(database.prepare<[], { text: string }>('SELECT text FROM inbox').all()).toEqual([{ text: 'alt' }]);
    expect(database.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE name = 'inbox_by_person'").get()).toBeUndefined();
  });

  it('applies a migration that lands with a lower number after a higher one was applied', async () => {
    const database = openMemoryDatabase();
    const store = sqliteStoreDatabase(database);
    const later = { name: '0902-later', steps: [['CREATE TABLE later_table (id TEXT PRIMARY KEY)']] };
    const earlier = { name: '0901-earlier', steps: [['CREATE TABLE earlier_table (id TEXT PRIMARY KEY)']] };
    expect(await runMigrations(store, [later])).toEqual(['0902-later']);
    expect(await runMigrations(store, [earlier, later])).toEqual(['0901-earlier']);
    expect(tables(database)).toEqual(expect.arrayContaining(['earlier_table', 'later_table']));
  });

  it('rolls a failing migration back and names it', async () => {
    const database = openMemoryDatabase();
    const broken = { name: '0903-broken', steps: [['CREATE TABLE half_done (id TEXT)', 'CREATE TABLE half_done (id TEXT)']] };
    await expect(runMigrations(sqliteStoreDatabase(database), [broken])).rejects.toThrow(/0903-broken/);
    expect(tables(database)).not.toContain('half_done');
  });
});
