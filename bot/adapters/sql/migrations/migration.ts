/**
 * The shape of one numbered schema migration. Each step is a list of single SQL statements, written once
 * when portable or per dialect. `legacyStore` names the store's entry in the old per-constructor
 * `schema_migrations` table: a step recorded there (a database created by an earlier lotse) is skipped, so
 * upgrading keeps existing data and never applies a step twice.
 */

/** One SQL statement: portable, or written for each dialect. */
export type MigrationStatement = string | { readonly sqlite: string; readonly postgres: string };

/** One migration of the whole schema; `name` starts with its four-digit number (the order they run in). */
export interface StoreMigration {
  readonly name: string;
  readonly legacyStore?: string;
  /** Step i corresponds to step i of `legacyStore`'s old migration list. */
  readonly steps: readonly (readonly MigrationStatement[])[];
}
