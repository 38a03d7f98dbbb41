/**
 * The daily backup of `serve` (issue #22): checked every few minutes, due once per local day (Europe/Berlin)
 * from `BACKUP_HOUR`, run under the lease `backup` and recorded in `daily_runs`, so neither a restart nor a
 * second process backs up twice on one day. A failed run is retried at most once an hour.
 */
import type { Clock } from '../ports/clock.ts';
import type { DailyRuns } from '../ports/daily-runs.ts';
import type { JobLeases } from '../ports/job-lease.ts';
import { localTime } from '../core/escalation/zoned-time.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';

/** Name of the lease and of the daily-run record. */
export const backupJob = 'backup';

/** What one backup run reports (no content, only where and how much). */
export type BackupRunReport =
  | { readonly kind: 'written'; readonly details: Readonly<Record<string, unknown>> }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** What the scheduled backup needs. */
export interface ScheduledBackupDeps {
  readonly leases: JobLeases;
  readonly runs: DailyRuns;
  readonly holder: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Local hour from which the day's backup is due. */
  readonly hour: number;
  readonly timeZone?: string;
  /** Writes, verifies and prunes. */
  readonly run: () => Promise<BackupRunReport>;
}

/** Outcome of one check. */
export type BackupCheck =
  | { readonly kind: 'not-due'; readonly day: string }
  | { readonly kind: 'done-today'; readonly day: string }
  | { readonly kind: 'taken'; readonly holder: string }
  | { readonly kind: 'busy' }
  | { readonly kind: 'ran'; readonly day: string; readonly report: BackupRunReport };

const retryAfterMs = 3_600_000;

/** Creates the check; call `tick()` periodically (see `startScheduledBackup`). */
export function createScheduledBackup(deps: ScheduledBackupDeps): { tick(): Promise<BackupCheck> } {
  let running = false;
  let lastFailure = Number.NEGATIVE_INFINITY;
  const runLocked = async (now: Date, day: string): Promise<BackupCheck> => {
    if ((await deps.runs.lastDay(backupJob)) === day) return { kind: 'done-today', day };
    const report = await deps.run().catch((error: unknown): BackupRunReport => ({ kind: 'failed', reason: describeError(error) }));
    if (report.kind === 'failed') {
      lastFailure = now.getTime();
      deps.logger.error('backup-failed', { day, reason: report.reason });
    } else {
      await deps.runs.recordDay(backupJob, day, now.toISOString());
      if (report.kind === 'skipped') deps.logger.warn('backup-skipped', { day, reason: report.reason });
      else deps.logger.info('backup-written', { day, ...report.details });
    }
    return { kind: 'ran', day, report };
  };
  return {
    async tick() {
      const now = deps.clock.now();
      const local = localTime(now, deps.timeZone ?? 'Europe/Berlin');
      if (local.minute < deps.hour * 60 || now.getTime() - lastFailure < retryAfterMs) return { kind: 'not-due', day: local.date };
      if (running) return { kind: 'busy' };
      running = true;
      try {
        if ((await deps.runs.lastDay(backupJob)) === local.date) return { kind: 'done-today', day: local.date };
        const lease = await deps.leases.acquire(backupJob, deps.holder, now, 3_600_000);
        if (lease.kind === 'taken') return { kind: 'taken', holder: lease.holder };
        try {
          return await runLocked(now, local.date);
        } finally {
          await deps.leases.release(backupJob, deps.holder);
        }
      } catch (error) {
        lastFailure = now.getTime();
        const reason = describeError(error);
        deps.logger.error('backup-failed', { day: local.date, reason });
        return { kind: 'ran', day: local.date, report: { kind: 'failed', reason } };
      } finally {
        running = false;
      }
    },
  };
}

/** Checks every `everyMs` (default 5 minutes; the first check after one interval, not at start-up); returns the stop function. */
export function startScheduledBackup(backup: { tick(): Promise<BackupCheck> }, everyMs = 300_000): () => void {
  const timer = setInterval(() => void backup.tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
