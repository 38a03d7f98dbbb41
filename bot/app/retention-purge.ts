/**
 * The daily retention purge (what `lotse audit purge` does, plus finished Teams outbox rows): checked every
 * few minutes on every replica, run once per UTC day under the lease `retention-purge`. The day is recorded
 * in the store, so neither a restart nor another replica runs it twice on the same day.
 */
import { SqlDailyRuns } from '../adapters/storage/sql-daily-runs.ts';
import type { Clock } from '../ports/clock.ts';
import type { ChannelPlugin } from '../ports/channel-plugin.ts';
import type { DailyRuns } from '../ports/daily-runs.ts';
import type { JobLeases } from '../ports/job-lease.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import type { Lotse } from './lotse.ts';

/** Name of the lease and of the daily-run record. */
export const retentionPurgeJob = 'retention-purge';

/** What the purge needs. */
export interface RetentionPurgeDeps {
  readonly leases: JobLeases;
  readonly runs: DailyRuns;
  /** This replica as lease holder. */
  readonly holder: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Deletes what is past retention; returns removed counts per kind (no content). */
  readonly purge: () => Promise<Readonly<Record<string, number>>>;
  /** Lease time-to-live (default 10 minutes; the purge takes seconds). */
  readonly leaseMs?: number;
}

/** Outcome of one check. */
export type PurgeCheck =
  | { readonly kind: 'ran'; readonly day: string; readonly removed: Readonly<Record<string, number>> }
  | { readonly kind: 'done-today'; readonly day: string }
  | { readonly kind: 'taken'; readonly holder: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** Creates the check; call `tick()` periodically (see `startRetentionPurge`). */
export function createRetentionPurge(deps: RetentionPurgeDeps): { tick(): Promise<PurgeCheck> } {
  const runLocked = async (now: Date, day: string): Promise<PurgeCheck> => {
    // Re-read under the lease: another replica may have finished today's run and released it meanwhile.
    if ((await deps.runs.lastDay(retentionPurgeJob)) === day) return { kind: 'done-today', day };
    const removed = await deps.purge();
    await deps.runs.recordDay(retentionPurgeJob, day, now.toISOString());
    deps.logger.info('retention-purge-done', { day, removed });
    return { kind: 'ran', day, removed };
  };
  // Checks of one replica never overlap: a check while one runs gets that run's outcome (a slow purge
  // must not start again on the next timer tick).
  let running: Promise<PurgeCheck> | undefined;
  return {
    tick() {
      running ??= check().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
  async function check(): Promise<PurgeCheck> {
    const now = deps.clock.now();
    const day = now.toISOString().slice(0, 10);
    try {
      if ((await deps.runs.lastDay(retentionPurgeJob)) === day) return { kind: 'done-today', day };
      const lease = await deps.leases.acquire(retentionPurgeJob, deps.holder, now, deps.leaseMs ?? 600_000);
      if (lease.kind === 'taken') return { kind: 'taken', holder: lease.holder };
      try {
        return await runLocked(now, day);
      } finally {
        await deps.leases.release(retentionPurgeJob, deps.holder);
      }
    } catch (error) {
      const reason = describeError(error);
      deps.logger.error('retention-purge-failed', { error: reason });
      return { kind: 'failed', reason };
    }
  }
}

/** Runs `tick` now and every `everyMs` (default 5 minutes); returns the stop function. */
export function startRetentionPurge(purge: { tick(): Promise<PurgeCheck> }, everyMs = 300_000): () => void {
  void purge.tick(); // tick() never rejects: failures are logged and returned as `failed`
  const timer = setInterval(() => void purge.tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Finished outbox rows over a day old, per channel that keeps them. */
async function purgeChannelOutboxes(channels: readonly Pick<ChannelPlugin, 'name' | 'purgeFinished'>[]): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const channel of channels) {
    if (channel.purgeFinished) removed[`${channel.name}Outbox`] = await channel.purgeFinished(86_400_000);
  }
  return removed;
}

/**
 * The purge of a running lotse: audit records, idle conversations, tickets, feedback, inbox and HR/Jabber outbox rows
 * past retention and, for every channel plugin with `purgeFinished` (Teams), outbox rows finished over a day ago
 * (counted as `<name>Outbox`, e.g. `teamsOutbox`).
 */
export function wireRetentionPurge(
  lotse: Lotse,
  logger: Logger,
  channels: readonly Pick<ChannelPlugin, 'name' | 'purgeFinished'>[] = [],
): { tick(): Promise<PurgeCheck> } {
  const clock: Clock = { now: () => new Date() };
  return createRetentionPurge({
    leases: lotse.leases,
    runs: new SqlDailyRuns(lotse.store),
    holder: lotse.replicaId,
    clock,
    logger,
    purge: async () => ({
      audit: (await lotse.audit.purge(clock.now(), lotse.retentionDays)).removed,
      conversations: await lotse.purgeConversations(clock.now()),
      ...(await lotse.purgeRecords(clock.now())),
      ...(await purgeChannelOutboxes(channels)),
    }),
  });
}
