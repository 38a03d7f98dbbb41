/**
 * The daily backup check: due once per local day (Europe/Berlin) from `BACKUP_HOUR`, a failure retried after an hour,
 * a skipped run (PostgreSQL) recorded as done (issue #22).
 */
import { describe, expect, it } from 'vitest';
import { createScheduledBackup, type BackupRunReport } from '../../../bot/app/scheduled-backup.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';
import { InMemoryDailyRuns } from '../../fakes/in-memory-daily-runs.ts';
import { InMemoryJobLeases } from '../../fakes/in-memory-job-leases.ts';

const minute = 60_000;

/** A backup job at BACKUP_HOUR=2 whose runs return the given reports in turn (then `written`). */
function backupJob(start: string, reports: BackupRunReport[] = []) {
  const clock = new FixedClock(new Date(start));
  const runs: string[] = [];
  const job = createScheduledBackup({
    leases: new InMemoryJobLeases(),
    runs: new InMemoryDailyRuns(),
    holder: 'a',
    clock,
    logger: silentLogger,
    hour: 2,
    run: async () => {
      runs.push(clock.now().toISOString());
      return reports.shift() ?? { kind: 'written', details: {} };
    },
  });
  return { job, clock, runs };
}

describe('scheduled backup', () => {
  it('runs once per Berlin day from BACKUP_HOUR, however often it is checked', async () => {
    // 00:30 UTC on 6 December is 01:30 in Berlin: not yet due.
    const { job, clock, runs } = backupJob('2026-12-06T00:30:00Z');
    expect(await job.tick()).toEqual({ kind: 'not-due', day: '2026-12-06' });
    clock.advance(30 * minute); // 02:00 Berlin
    expect((await job.tick()).kind).toBe('ran');
    for (let check = 0; check < 12 * 20; check += 1) {
      clock.advance(5 * minute);
      await job.tick();
    }
    expect(runs).toEqual(['2026-12-06T01:00:00.000Z']);
    clock.advance(3 * 60 * minute); // 01:00 Berlin on 7 December: not yet
    await job.tick();
    expect(runs).toHaveLength(1);
    clock.advance(60 * minute); // 02:00 Berlin on 7 December
    await job.tick();
    expect(runs).toHaveLength(2);
  });

  it('retries a failed backup after an hour, and records a skipped one (PostgreSQL) as done', async () => {
    const { job, clock, runs } = backupJob('2026-12-06T02:00:00Z', [
      { kind: 'failed', reason: 'disk full' },
      { kind: 'skipped', reason: 'pg_dump' },
    ]);
    expect(await job.tick()).toMatchObject({ kind: 'ran', report: { kind: 'failed' } });
    clock.advance(55 * minute);
    expect((await job.tick()).kind).toBe('not-due');
    clock.advance(5 * minute);
    expect(await job.tick()).toMatchObject({ kind: 'ran', report: { kind: 'skipped' } });
    clock.advance(5 * minute);
    expect((await job.tick()).kind).toBe('done-today');
    expect(runs).toHaveLength(2);
  });
});
