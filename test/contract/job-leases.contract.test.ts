/**
 * Job leases and daily runs on the in-memory fake, SQLite and a real PostgreSQL (issue #20): one holder at a
 * time, renewal by the holder, takeover after expiry, early release; two handles (replicas) racing get one
 * winner; a day is recorded once and never moves back.
 */
import { describe, expect, it } from 'vitest';
import { SqlDailyRuns } from '../../bot/adapters/storage/sql-daily-runs.ts';
import { SqlJobLeases } from '../../bot/adapters/storage/sql-job-leases.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import type { DailyRuns } from '../../bot/ports/daily-runs.ts';
import type { JobLeases } from '../../bot/ports/job-lease.ts';
import { InMemoryDailyRuns } from '../fakes/in-memory-daily-runs.ts';
import { InMemoryJobLeases } from '../fakes/in-memory-job-leases.ts';
import { useBackends } from './backends.ts';

const t0 = new Date('2026-12-03T08:00:00.000Z');
const later = (ms: number): Date => new Date(t0.getTime() + ms);

/** Two replicas' views of the same leases and daily runs (the fake: one shared instance each). */
interface Replicas {
  readonly a: JobLeases;
  readonly b: JobLeases;
  readonly runsA: DailyRuns;
  readonly runsB: DailyRuns;
}

/** The `JobLeases` and `DailyRuns` contract: `open()` gives two replicas on the same data. */
function jobLeasesContract(name: string, available: boolean, open: () => Promise<Replicas>): void {
  describe.skipIf(!available)(`job leases and daily runs contract on ${name}`, () => {
    it('gives a lease to one holder, renews it for that holder and hands it over after expiry', async () => {
      const { a, b } = await open();
      expect((await a.acquire('reindex', 'replica-a', t0, 30_000)).kind).toBe('held');
      expect(await b.acquire('reindex', 'replica-b', later(1_000), 30_000)).toMatchObject({
        kind: 'taken',
        holder: 'replica-a',
        until: later(30_000).toISOString(),
      });
      expect(await a.acquire('reindex', 'replica-a', later(20_000), 30_000)).toEqual({ kind: 'held', until: later(50_000).toISOString() });
      expect((await b.acquire('reindex', 'replica-b', later(40_000), 30_000)).kind).toBe('taken');
      expect(await b.holderOf('reindex', later(40_000))).toBe('replica-a');
      expect(await b.holderOf('reindex', later(50_000))).toBeUndefined(); // expired, not yet taken over
      expect((await b.acquire('reindex', 'replica-b', later(50_000), 30_000)).kind).toBe('held');
      expect(await a.holderOf('reindex', later(50_001))).toBe('replica-b');
      expect((await a.acquire('reindex', 'replica-a', later(60_000), 30_000)).kind).toBe('taken');
      expect(await a.holderOf('other', t0)).toBeUndefined();
    });

    it('lets only the holder release, and a released lease is free at once', async () => {
      const { a, b } = await open();
      await a.acquire('xmpp', 'replica-a', t0, 30_000);
      await b.release('xmpp', 'replica-b');
      expect(await a.holderOf('xmpp', t0)).toBe('replica-a');
      await a.release('xmpp', 'replica-a');
      expect(await b.holderOf('xmpp', t0)).toBeUndefined();
      expect((await b.acquire('xmpp', 'replica-b', later(1), 30_000)).kind).toBe('held');
      expect((await a.acquire('purge', 'replica-a', t0, 1_000)).kind).toBe('held');
      await a.release('never-taken', 'replica-a');
      expect(await b.holderOf('never-taken', t0)).toBeUndefined();
    });

    it('has exactly one winner when many holders race for a free lease', async () => {
      const { a, b } = await open();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 ? a : b).acquire('race', `replica-${index}`, t0, 30_000)),
      );
      expect(results.filter((result) => result.kind === 'held')).toHaveLength(1);
    });

    it('records a day once across replicas and never moves it back', async () => {
      const { runsA, runsB } = await open();
      expect(await runsA.lastDay('retention-purge')).toBeUndefined();
      expect(await runsA.recordDay('retention-purge', '2026-12-03', t0.toISOString())).toBe(true);
      expect(await runsB.recordDay('retention-purge', '2026-12-03', later(1).toISOString())).toBe(false);
      expect(await runsB.lastDay('retention-purge')).toBe('2026-12-03');
      expect(await runsB.recordDay('retention-purge', '2026-12-02', later(2).toISOString())).toBe(false);
      expect(await runsA.lastDay('retention-purge')).toBe('2026-12-03');
      expect(await runsB.recordDay('retention-purge', '2026-12-04', later(86_400_000).toISOString())).toBe(true);
      expect(await runsA.lastDay('retention-purge')).toBe('2026-12-04');
      expect(await runsA.lastDay('backup')).toBeUndefined();
      const raced = await Promise.all([runsA.recordDay('backup', '2026-12-05', 'x'), runsB.recordDay('backup', '2026-12-05', 'y')]);
      expect(raced.filter(Boolean)).toHaveLength(1);
    });
  });
}

jobLeasesContract('the in-memory fake', true, async () => {
  const leases = new InMemoryJobLeases();
  const runs = new InMemoryDailyRuns();
  return { a: leases, b: leases, runsA: runs, runsB: runs };
});

for (const backend of useBackends()) {
  jobLeasesContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    const second = await secondStore();
    return { a: new SqlJobLeases(store), b: new SqlJobLeases(second), runsA: new SqlDailyRuns(store), runsB: new SqlDailyRuns(second) };
  });
}

describe('job leases and daily runs in a database made by an earlier lotse', () => {
  it('keeps the tables and rows its constructors created (legacy steps are skipped)', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'job-leases', ['CREATE TABLE job_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until TEXT NOT NULL);']);
    migrate(database, 'daily-runs', ['CREATE TABLE daily_runs (job TEXT PRIMARY KEY, day TEXT NOT NULL, at TEXT NOT NULL);']);
    database
      .prepare('INSERT INTO job_leases (name, holder, until) VALUES (?, ?, ?)')
      .run('reindex', 'old-replica', later(30_000).toISOString());
    database.prepare('INSERT INTO daily_runs (job, day, at) VALUES (?, ?, ?)').run('backup', '2026-12-02', t0.toISOString());
    const store = sqliteStoreDatabase(database);
    expect(await runMigrations(store)).toEqual(expect.arrayContaining(['0005-job-leases', '0007-daily-runs']));
    expect(await new SqlJobLeases(store).holderOf('reindex', t0)).toBe('old-replica');
    expect(await new SqlDailyRuns(store).lastDay('backup')).toBe('2026-12-02');
    database.close();
  });
});
