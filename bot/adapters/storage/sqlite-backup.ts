/**
 * An online backup of the SQLite database (better-sqlite3's backup API: consistent while lotse keeps
 * running, pages copied in steps).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Copies `<dataDir>/lotse.db` to `target`; returns the number of pages copied. */
export async function backupSqlite(dataDir: string, target: string): Promise<number> {
  const source = join(dataDir, 'lotse.db');
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file name`);
  const database = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const progress = await database.backup(target);
    return progress.totalPages;
  } finally {
    database.close();
  }
}
