/**
 * An in-memory SQLite `StoreDatabase`, migrated, for unit tests of stores and of code that needs one
 * (issue #20). The synchronous handle is returned too, for stores not converted yet.
 */
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import type { StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import { openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';

/** A fresh in-memory database: `database` (synchronous surface) and `store` (asynchronous, migrated), on one connection. */
export async function memoryStore(): Promise<{ database: ReturnType<typeof openMemoryDatabase>; store: StoreDatabase }> {
  const database = openMemoryDatabase();
  const store = sqliteStoreDatabase(database);
  await runMigrations(store);
  return { database, store };
}
