/**
 * `lotse backup <file> [--data <dir>]`: an online copy of the SQLite database while `serve` keeps running.
 * (On PostgreSQL use `pg_dump`, see docs/operations/backup-restore.md.)
 */
import { resolve } from 'node:path';
import { backupSqlite } from '../../adapters/storage/sqlite-backup.ts';
import { loadConfig } from '../../config/config.ts';
import type { CliIo } from '../cli-io.ts';
import { parseOptions, UsageError } from '../parse-options.ts';

/** Runs the backup. */
export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { data: { type: 'string' } });
  const [target] = positionals;
  if (!target) throw new UsageError('backup needs a target file, e.g. lotse backup /backup/lotse-2026-12-03.db');
  const config = loadConfig(io.env, values.data ? { dataDir: values.data } : {}, io.cwd);
  if (config.databaseUrl) {
    io.stderr('DATABASE_URL is set: back up PostgreSQL with pg_dump (docs/operations/backup-restore.md).\n');
    return 1;
  }
  try {
    const pages = await backupSqlite(config.dataDir, resolve(io.cwd, target));
    io.stdout(`Backup written to ${resolve(io.cwd, target)} (${pages} pages). Restore: stop lotse, copy it to ${config.dataDir}/lotse.db, start, run "lotse audit verify".\n`);
    return 0;
  } catch (error) {
    io.stderr(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
