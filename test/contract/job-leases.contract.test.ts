/**
 * Job leases on SQLite and a real PostgreSQL, and the in-memory fake: one holder at a time, renewal by
 * the holder, takeover after expiry, early release; two handles (replicas) racing get one winner.
 */
import { describe, expect, it } from 'vitest';
import { SqlJobLeases } from '../../bot/adapters/storage/sqlite-job-leases.ts';
import type { JobLeases } from '../../bot/ports/job-lease.ts';
import { InMemoryJobLeases } from '../fakes/in-memory-job-leases.ts';
import { useBackends } from './backends.ts';

const t0 = new Date('2026-12-03T08:00:00.000Z');
const later = (ms: number): Date => new Date(t0.getTime() + ms);

function leaseContract(open: () => Promise<{ a: JobLeases; b: JobLeases }>): void {
  it('gives a lease to one holder, renews it for that holder and hands it over after expiry', async () => {
    const { a, b } = await open();
    expect(a.acquire('reindex', 'replica-a', t0, 30_000).kind).toBe('held');
    expect(b.acquire('reindex', 'replica-b', later(1_000), 30_000)).toMatchObject({ kind: 'taken', holder: 'replica-a' });
    expect(a.acquire('reindex', 'replica-a', later(20_000), 30_000)).toEqual({ kind: 'held', until: later(50_000).toISOString() });
    expect(b.acquire('reindex', 'replica-b', later(40_000), 30_000).kind).toBe('taken');
    expect(b.holderOf('reindex', later(40_000))).toBe('replica-a');
    expect(b.acquire('reindex', 'replica-b', later(50_000), 30_000).kind).toBe('held');
    expect(a.holderOf('reindex', later(50_001))).toBe('replica-b');
  });

  it('lets only the holder release, and a released lease is free at once', async () => {
    const { a, b } = await open();
    a.acquire('xmpp', 'replica-a', t0, 30_000);
    b.release('xmpp', 'replica-b');
    expect(a.holderOf('xmpp', t0)).toBe('replica-a');
    a.release('xmpp', 'replica-a');
    expect(b.holderOf('xmpp', t0)).toBeUndefined();
    expect(b.acquire('xmpp', 'replica-b', later(1), 30_000).kind).toBe('held');
    expect(a.acquire('purge', 'replica-a', t0, 1_000).kind).toBe('held');
  });

  it('has exactly one winner when many holders race for a free lease', async () => {
    const { a, b } = await open();
    const results = Array.from({ length: 10 }, (_, index) => (index % 2 ? a : b).acquire('race', `replica-${index}`, t0, 30_000));
    expect(results.filter((result) => result.kind === 'held')).toHaveLength(1);
  });
}

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`job leases on ${backend.name}`, () => {
    leaseContract(async () => {
      const { database, second } = await backend.fresh();
      return { a: new SqlJobLeases(database), b: new SqlJobLeases(second()) };
    });
  });
}

describe('job leases, in-memory fake', () => {
  leaseContract(async () => {
    const shared = new InMemoryJobLeases();
    return { a: shared, b: shared };
  });
});
