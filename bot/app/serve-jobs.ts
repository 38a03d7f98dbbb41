/**
 * The background jobs of `lotse serve` (started by the composition root, create-service.ts): index refresh,
 * folder re-index, the daily backup, directory sync, ticket reminders, HR jobs and the retention purge.
 * `stop()` clears them and ends the index replication (the `stopTimers` step of graceful-shutdown.ts).
 */
import type { LotseConfig } from '../config/config.ts';
import type { ChannelPlugin } from '../ports/channel-plugin.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import type { Lotse } from './lotse.ts';
import { createFolderReindex, startFolderReindex } from './folder-reindex.ts';
import type { RunningIndexReplication } from './index-replication.ts';
import { recordedSourceFolder } from './ingest-knowledge.ts';
import { createJobLock } from './job-lock.ts';
import { startRetentionPurge, wireRetentionPurge } from './retention-purge.ts';
import { startServeBackup } from './serve-backup.ts';

export interface ServeJobsOptions {
  /** The running index replication (with DATABASE_URL), stopped last by `stop()`. */
  readonly replication: RunningIndexReplication | undefined;
  /** Re-ingest KNOWLEDGE_DIR every REINDEX_INTERVAL_S (one process without `--no-ingest`). */
  readonly reindex: boolean;
  readonly channels: readonly ChannelPlugin[];
}

/** Starts the timers in `serve`'s order; the returned `stop` clears them all. */
export function startServeJobs(lotse: Lotse, config: LotseConfig, logger: Logger, options: ServeJobsOptions): { stop(): Promise<void> } {
  const { replication } = options;
  // Snapshots written by other processes (lotse ingest, FAQ approvals) are picked up within 30 s.
  const refresh = setInterval(() => {
    if (!replication)
      lotse.knowledge.refreshIfChanged().catch((error: unknown) => logger.error('index-refresh-failed', { error: describeError(error) }));
  }, 30_000);
  refresh.unref();
  // One process: KNOWLEDGE_DIR is ingested again every REINDEX_INTERVAL_S, so changed files need no restart (issue #22).
  const knowledgeJobs = createJobLock(); // the backup never copies the database in the middle of an ingest
  const stopReindex = options.reindex
    ? startFolderReindex(
        createFolderReindex({
          knowledge: lotse.knowledge,
          dataDir: config.dataDir,
          folder: () => recordedSourceFolder(config.dataDir) ?? config.knowledgeDir,
          logger,
          lock: knowledgeJobs,
        }),
        config.indexReplication.reindexIntervalMs,
        logger,
      )
    : undefined;
  // The daily verified backup into BACKUP_DIR (SQLite; with DATABASE_URL skipped with a logged reason: pg_dump).
  const stopBackup = startServeBackup(lotse, logger, knowledgeJobs);
  // With PostgreSQL: one replica publishes changes of DIRECTORY_FILE, every replica follows the shared directory.
  const directorySync = lotse.directorySync && setInterval(() => void lotse.directorySync?.tick(), config.directorySyncSeconds * 1000); // tick() never rejects
  directorySync?.unref();
  // Ticket reminders: each step is recorded in the store before it is sent, so a restart never sends twice.
  // Housekeeping (expiry, reassignment), the daily digest and FAQ revalidation use the same durable markers.
  const reminders = setInterval(() => {
    const jobs = [lotse.escalation.remind(), lotse.escalation.housekeeping(), lotse.escalation.digest(), lotse.faq.remindRevalidation()];
    Promise.all(jobs).catch((error: unknown) => logger.error('ticket-reminders-failed', { error: describeError(error) }));
  }, 60_000);
  reminders.unref();
  // HR news and surveys (issue #10): due broadcasts, survey windows, reminders, outbox; state is in the store first.
  const hrJobs = setInterval(() => {
    lotse.hr.jobs.runDue().catch((error: unknown) => logger.error('hr-jobs-failed', { error: describeError(error) }));
  }, 15_000);
  hrJobs.unref();
  // Retention purge: checked every 5 minutes, runs once per day across all replicas (lease + recorded day).
  const stopPurge = startRetentionPurge(wireRetentionPurge(lotse, logger, options.channels));
  return {
    stop: async () => {
      [refresh, reminders, hrJobs, directorySync].forEach((timer) => clearInterval(timer));
      stopPurge();
      stopReindex?.();
      stopBackup?.();
      await replication?.stop();
    },
  };
}
