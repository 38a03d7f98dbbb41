/**
 * Applies the numbered migrations of `migrations/` once, at start, with Kysely's `Migrator`: on PostgreSQL
 * under an advisory lock and in one transaction (replicas that start together apply them one after the
 * other); on SQLite each migration in its own transaction. Applied migrations are recorded in
 * `lotse_migrations`; a database migrated by a newer lotse (a migration this version does not know) stops
 * start-up with a clear message instead of running on a schema it does not understand.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { tableExists, type StoreDatabase, type SqlDialectName } from '../store-database.ts';
import type { MigrationStatement, StoreMigration } from './migration.ts';
import { storeMigrations } from './index.ts';

/** Thrown when the schema cannot be brought up to date. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

async function legacySteps(db: Kysely<any>, dialect: SqlDialectName, store: string): Promise<Set<number>> {
  if (!(await tableExists({ db, dialect }, 'schema_migrations'))) return new Set();
  const rows = (await sql<{ step: number }>`SELECT step FROM schema_migrations WHERE store = ${store}`.execute(db)).rows;
  return new Set(rows.map((row) => Number(row.step)));
}

const textOf = (statement: MigrationStatement, dialect: SqlDialectName): string =>
  typeof statement === 'string' ? statement : statement[dialect];

function toKyselyMigration(migration: StoreMigration, dialect: SqlDialectName): Migration {
  return {
    up: async (db) => {
      const skip = migration.legacyStore ? await legacySteps(db, dialect, migration.legacyStore) : new Set<number>();
      const apply = async (): Promise<void> => {
        for (const [index, step] of migration.steps.entries()) {
          if (skip.has(index)) continue;
          for (const statement of step) await sql.raw(textOf(statement, dialect)).execute(db);
        }
      };
      if (dialect === 'postgres') return apply(); // the Migrator already runs in one transaction
      await sql`BEGIN`.execute(db);
      try {
        await apply();
        await sql`COMMIT`.execute(db);
      } catch (error) {
        await sql`ROLLBACK`.execute(db);
        throw error;
      }
    },
  };
}

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function runMigrations(database: StoreDatabase, migrations: readonly StoreMigration[] = storeMigrations): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(migrations.map((migration) => [migration.name, toKyselyMigration(migration, database.dialect)])),
    },
    migrationTableName: 'lotse_migrations',
    migrationLockTableName: 'lotse_migration_lock',
    // Each migration creates or changes the tables of one store and none depends on a later number, so one that
    // lands with a lower number after a higher one was applied (parallel work) is applied rather than refused.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Database schema could not be updated${failed ? ` (migration ${failed})` : ''}: ${reason}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
