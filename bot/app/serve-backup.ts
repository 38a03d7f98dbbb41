/**
 * Wires the daily backup into a running lotse: SQLite data dir → verified backup in `BACKUP_DIR`, pruned to
 * `BACKUP_KEEP`; with `DATABASE_URL` the database part is skipped with a logged reason (pg_dump stays the
 * operator's tool, docs/operations/backup-restore.md) and the replicas' data dirs need no backup.
 */
import { SqlDailyRuns } from '../adapters/storage/sql-daily-runs.ts';
import type { LotseConfig } from '../config/config.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { auditChainKey, existingAuditKey } from './audit-trail.ts';
import type { Lotse } from './lotse.ts';
import type { JobLock } from './job-lock.ts';
import { pruneBackups, writeDataBackup } from './data-backup.ts';
import { createScheduledBackup, startScheduledBackup, type BackupRunReport } from './scheduled-backup.ts';

/** Why the scheduled job does not back up a PostgreSQL installation. */
export const postgresBackupReason =
  "DATABASE_URL is set: back up PostgreSQL with pg_dump (docs/operations/backup-restore.md); the replicas' data dirs need no backup";

/** One backup run of a data dir: write, verify, prune; with `DATABASE_URL` skipped with the reason. */
export function backupRunOf(
  config: Pick<LotseConfig, 'dataDir' | 'backup' | 'databaseUrl' | 'auditKey'>,
  clock: Clock,
): () => Promise<BackupRunReport> {
  const { dataDir, backup, databaseUrl, auditKey } = config;
  return async () => {
    if (databaseUrl) return { kind: 'skipped', reason: postgresBackupReason };
    const key = existingAuditKey(dataDir, auditKey);
    const written = await writeDataBackup({
      dataDir,
      backupDir: backup.dir,
      now: clock.now(),
      ...(key ? { chainKey: auditChainKey(key) } : {}),
    });
    if (written.kind === 'failed') return written;
    const pruned = pruneBackups(backup.dir, backup.keep);
    const { manifest } = written;
    return {
      kind: 'written',
      details: {
        dir: written.dir,
        pages: manifest.databasePages,
        auditRecords: manifest.audit?.records ?? null,
        index: manifest.index?.version ?? 'rebuilt-on-restore',
        pruned: pruned.length,
      },
    };
  };
}

/** Starts the daily backup of a `serve` process (under `lock`, shared with the re-index); undefined when `BACKUP_KEEP=0`. */
export function startServeBackup(lotse: Lotse, logger: Logger, lock?: JobLock): (() => void) | undefined {
  if (lotse.config.backup.keep === 0) {
    logger.info('backup-off', { reason: 'BACKUP_KEEP=0' });
    return undefined;
  }
  const clock: Clock = { now: () => new Date() };
  const job = createScheduledBackup({
    leases: lotse.leases,
    runs: new SqlDailyRuns(lotse.store),
    holder: lotse.replicaId,
    clock,
    logger,
    hour: lotse.config.backup.hour,
    run: lock ? () => lock(backupRunOf(lotse.config, clock)) : backupRunOf(lotse.config, clock),
  });
  logger.info('backup-scheduled', {
    dir: lotse.config.backup.dir,
    keep: lotse.config.backup.keep,
    hour: lotse.config.backup.hour,
    skipped: lotse.config.databaseUrl ? 'DATABASE_URL' : null,
  });
  return startScheduledBackup(job);
}
