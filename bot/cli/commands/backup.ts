/**
 * `lotse backup <file> [--data <dir>]`: an online copy of the SQLite database while `serve` keeps running, verified
 * after writing (read-only integrity check, audit chain). `serve` also takes a daily backup itself (serve-backup.ts).
 * (On PostgreSQL use `pg_dump`, see docs/operations/backup-restore.md.)
 */
import { resolve } from 'node:path';
import { backupSqlite } from '../../adapters/storage/sqlite-backup.ts';
import { checkSqliteBackup } from '../../adapters/storage/sqlite-backup-check.ts';
import { auditChainKey, existingAuditKey } from '../../app/audit-trail.ts';
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
    const file = resolve(io.cwd, target);
    const pages = await backupSqlite(config.dataDir, file);
    // Verified like the daily backup: read-only integrity check and the audit chain of the copy.
    const key = existingAuditKey(config.dataDir, config.auditKey);
    const check = await checkSqliteBackup(file, key ? auditChainKey(key) : undefined);
    const chain = check.audit?.verification;
    if (check.integrity !== 'ok' || chain?.kind === 'broken') {
      io.stderr(
        `Backup written to ${file} but it does not verify: ${check.integrity !== 'ok' ? `integrity_check ${check.integrity}` : `audit chain broken at record ${chain?.kind === 'broken' ? chain.atSequence : '?'}`}.\n`,
      );
      return 1;
    }
    const verified =
      chain?.kind === 'intact'
        ? `verified: integrity ok, audit chain intact (${chain.records} record(s), head ${check.audit!.head.seq}:${check.audit!.head.hash})`
        : 'verified: integrity ok';
    io.stdout(
      `Backup written to ${file} (${pages} pages), ${verified}. Restore: stop lotse, then "lotse restore ${file} --data ${config.dataDir} --force".\n`,
    );
    return 0;
  } catch (error) {
    io.stderr(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
