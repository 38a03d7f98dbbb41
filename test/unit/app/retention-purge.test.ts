import { describe, expect, it } from 'vitest';
import { createRetentionPurge, retentionPurgeJob } from '../../../bot/app/retention-purge.ts';
import type { DailyRuns } from '../../../bot/ports/daily-runs.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';
import { InMemoryDailyRuns } from '../../fakes/in-memory-daily-runs.ts';
import { InMemoryJobLeases } from '../../fakes/in-memory-job-leases.ts';

const minute = 60_000;

function replica(
  holder: string,
  shared: { leases: InMemoryJobLeases; runs: DailyRuns; clock: FixedClock },
  purge: () => Record<string, number> = () => ({ audit: 1 }),
) {
  const calls: string[] = [];
  const job = createRetentionPurge({
    ...shared,
    holder,
    logger: silentLogger,
    purge: async () => {
      calls.push(shared.clock.now().toISOString());
      return purge();
    },
  });
  return { job, calls };
}

function sharedStore(start = '2026-12-03T02:00:00Z') {
  return { leases: new InMemoryJobLeases(), runs: new InMemoryDailyRuns(), clock: new FixedClock(new Date(start)) };
}

describe('retention purge', () => {
  it('runs once per day however often it is checked, and again the next day', async () => {
    const shared = sharedStore();
    const a = replica('a', shared);
    expect(await a.job.tick()).toEqual({ kind: 'ran', day: '2026-12-03', removed: { audit: 1 } });
    for (let check = 0; check < 12 * 21; check += 1) {
      shared.clock.advance(5 * minute);
      await a.job.tick();
    }
    expect(shared.clock.now().toISOString().slice(0, 10)).toBe('2026-12-03');
    expect(a.calls).toHaveLength(1);
    shared.clock.advance(60 * minute);
    expect(await a.job.tick()).toMatchObject({ kind: 'ran', day: '2026-12-04' });
    expect(a.calls).toHaveLength(2);
    expect(await shared.leases.holderOf(retentionPurgeJob, shared.clock.now())).toBeUndefined();
  });

  it('runs on one of two replicas and not again after a restart on the same day', async () => {
    const shared = sharedStore();
    const a = replica('a', shared);
    const b = replica('b', shared);
    const outcomes = [await a.job.tick(), await b.job.tick(), await b.job.tick(), await a.job.tick()].map((outcome) => outcome.kind);
    expect(outcomes).toEqual(['ran', 'done-today', 'done-today', 'done-today']);
    const restarted = replica('a-restarted', shared);
    expect((await restarted.job.tick()).kind).toBe('done-today');
    expect(a.calls.length + b.calls.length + restarted.calls.length).toBe(1);
  });

  it('leaves the run to the lease holder and takes over when its lease expired without a recorded run', async () => {
    const shared = sharedStore();
    await shared.leases.acquire(retentionPurgeJob, 'crashed', shared.clock.now(), 10 * minute);
    const b = replica('b', shared);
    expect(await b.job.tick()).toEqual({ kind: 'taken', holder: 'crashed' });
    expect(b.calls).toHaveLength(0);
    shared.clock.advance(11 * minute);
    expect((await b.job.tick()).kind).toBe('ran');
  });

  it('re-reads the day under the lease (another replica finished between check and lease)', async () => {
    const shared = sharedStore();
    let reads = 0;
    const runs: DailyRuns = { lastDay: async () => (reads++ === 0 ? undefined : '2026-12-03'), recordDay: async () => true };
    const b = replica('b', { ...shared, runs });
    expect(await b.job.tick()).toEqual({ kind: 'done-today', day: '2026-12-03' });
    expect(b.calls).toHaveLength(0);
  });

  it('reports a failed purge, releases the lease and retries at the next check', async () => {
    const shared = sharedStore();
    let fail = true;
    const a = replica('a', shared, () => {
      if (fail) throw new Error('database is locked');
      return { audit: 3 };
    });
    expect(await a.job.tick()).toMatchObject({ kind: 'failed', reason: expect.stringContaining('locked') });
    expect(await shared.leases.holderOf(retentionPurgeJob, shared.clock.now())).toBeUndefined();
    fail = false;
    shared.clock.advance(5 * minute);
    expect(await a.job.tick()).toMatchObject({ kind: 'ran', removed: { audit: 3 } });
  });
  it('lets overlapping checks of one replica share the running purge instead of starting it again', async () => {
    const shared = sharedStore();
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let calls = 0;
    const job = createRetentionPurge({
      ...shared,
      holder: 'a',
      logger: silentLogger,
      purge: async () => {
        calls += 1;
        await gate;
        return { audit: 2 };
      },
    });
    const first = job.tick();
    const second = job.tick();
    expect(second).toBe(first);
    finish();
    expect(await first).toEqual({ kind: 'ran', day: '2026-12-03', removed: { audit: 2 } });
    expect(calls).toBe(1);
    expect((await job.tick()).kind).toBe('done-today');
  });
});
