/**
 * The daily retention purge on the shared store (SQLite file and a real PostgreSQL): two replicas with their
 * own database handles check it many times, concurrently and after a "restart" → it runs once per day. The
 * purge is the real audit purge, so the removed record count proves it too.
 */
import { describe, expect, it } from 'vitest';
import { SqlDailyRuns } from '../../bot/adapters/storage/sql-daily-runs.ts';
import { SqlJobLeases } from '../../bot/adapters/storage/sqlite-job-leases.ts';
import { SqliteAuditLog } from '../../bot/adapters/storage/sqlite-audit-log.ts';
import type { SqlDatabase } from '../../bot/adapters/storage/sql-database.ts';
import { createRetentionPurge, type PurgeCheck } from '../../bot/app/retention-purge.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { FixedClock } from '../fakes/fixed-clock.ts';
import { useBackends } from './backends.ts';

const retention = { answer: 30, refusal: 30, security: 90, reidentification: 365 } as const;

function auditEntry(at: string) {
  return { type: 'answer' as const, at, pseudonym: 'u-1', channel: 'web' as const, outcome: 'answered' as const, rules: [], policyVersion: 'v1', indexVersion: 'i1', documents: [] };
}

function replicaOn(database: SqlDatabase, holder: string, clock: FixedClock) {
  const audit = new SqliteAuditLog(database);
  const job = createRetentionPurge({
    leases: new SqlJobLeases(database), runs: new SqlDailyRuns(database), holder, clock, logger: silentLogger,
    purge: () => ({ audit: audit.purge(clock.now(), retention).removed }),
  });
  return { job, audit };
}

const ran = (outcomes: readonly PurgeCheck[]) => outcomes.filter((outcome) => outcome.kind === 'ran');

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`retention purge on ${backend.name}`, () => {
    it('runs once per day across two replicas and a restart', async () => {
      const { database, second } = await backend.fresh();
      const clock = new FixedClock(new Date('2026-12-03T03:00:00Z'));
      const a = replicaOn(database, 'replica-a', clock);
      const b = replicaOn(second(), 'replica-b', clock);
      for (let day = 1; day <= 40; day += 1) a.audit.append(auditEntry(new Date(Date.UTC(2026, 9, day, 12)).toISOString()));
      const first = await Promise.all(Array.from({ length: 8 }, (_, index) => Promise.resolve().then(() => (index % 2 ? a : b).job.tick())));
      expect(ran(first)).toHaveLength(1);
      const removedFirst = (ran(first)[0] as Extract<PurgeCheck, { kind: 'ran' }>).removed.audit;
      expect(removedFirst).toBeGreaterThan(0);
      clock.advance(5 * 60_000);
      const restarted = replicaOn(second(), 'replica-b-restarted', clock);
      expect([a.job.tick(), b.job.tick(), restarted.job.tick()].map((outcome) => outcome.kind)).toEqual(['done-today', 'done-today', 'done-today']);
      expect(a.audit.verify().kind).toBe('intact');

      clock.advance(24 * 3_600_000);
      const next = [b.job.tick(), a.job.tick(), restarted.job.tick()];
      expect(ran(next)).toHaveLength(1);
      expect(next[0]!.kind).toBe('ran');
    });
  });
}
