import { describe, expect, it } from 'vitest';
import { createXmppLeader, soleProcessLeases, xmppLease } from '../../../../../bot/adapters/channels/xmpp/xmpp-leader.ts';
import type { JobLeases } from '../../../../../bot/ports/job-lease.ts';
import { silentLogger } from '../../../../../bot/shared/logger.ts';
import { FixedClock } from '../../../../fakes/fixed-clock.ts';
import { InMemoryJobLeases } from '../../../../fakes/in-memory-job-leases.ts';

/** Leases whose store can be made unreachable for one replica. */
class FlakyLeases implements JobLeases {
  down = false;
  constructor(private readonly inner: JobLeases) {}
  async acquire(...args: Parameters<JobLeases['acquire']>) {
    if (this.down) throw new Error('database unreachable');
    return this.inner.acquire(...args);
  }
  async release(name: string, holder: string): Promise<void> {
    if (this.down) throw new Error('database unreachable');
    await this.inner.release(name, holder);
  }
  holderOf(name: string, now: Date): Promise<string | undefined> {
    return this.inner.holderOf(name, now);
  }
}

function replica(name: string, shared: JobLeases, clock: FixedClock, options: { failConnect?: boolean } = {}) {
  const leases = new FlakyLeases(shared);
  const events: string[] = [];
  let scheduled: (() => void) | undefined;
  const leader = createXmppLeader({
    leases,
    holder: name,
    now: () => clock.now(),
    ttlMs: 30_000,
    renewMs: 10_000,
    logger: silentLogger,
    connect: async () => {
      if (options.failConnect) throw new Error('login rejected');
      events.push('connect');
    },
    disconnect: async () => void events.push('disconnect'),
    every: (tick) => {
      scheduled = tick;
      return () => (scheduled = undefined);
    },
  });
  return { leader, leases, events, scheduled: () => scheduled };
}

/** Two replicas sharing one lease store and one clock. */
function twoReplicas() {
  const shared = new InMemoryJobLeases();
  const clock = new FixedClock(new Date('2026-12-03T08:00:00Z'));
  return { shared, clock, a: replica('a', shared, clock), b: replica('b', shared, clock) };
}

describe('Jabber on exactly one replica (lease xmpp)', () => {
  it('connects only the lease holder; the other takes over once the holder stops renewing and the lease ran out', async () => {
    const { shared, clock, a, b } = twoReplicas();
    expect(await a.leader.start()).toBe('leading');
    expect(await b.leader.start()).toBe('standby');
    expect(a.events).toEqual(['connect']);
    expect(b.events).toEqual([]);
    expect(a.scheduled()).toBeDefined();
    // a dies (kill -9): no more renewals. b keeps trying and gets the lease when it expires.
    clock.advance(10_000);
    expect(await b.leader.tick()).toBe('standby');
    clock.advance(19_999);
    expect(await b.leader.tick()).toBe('standby');
    clock.advance(1);
    expect(await b.leader.tick()).toBe('leading');
    expect(b.events).toEqual(['connect']);
    expect(await shared.holderOf(xmppLease, clock.now())).toBe('b');
  });

  it('keeps the lease while renewing it, and a holder that cannot renew disconnects before the lease runs out', async () => {
    const { shared, clock, a, b } = twoReplicas();
    await a.leader.start();
    await b.leader.start();
    for (let round = 0; round < 5; round += 1) {
      clock.advance(10_000);
      expect(await a.leader.tick()).toBe('leading');
      expect(await b.leader.tick()).toBe('standby');
    }
    a.leases.down = true;
    clock.advance(10_000);
    expect(await a.leader.tick()).toBe('leading');
    expect(a.events).toEqual(['connect']);
    clock.advance(10_000);
    expect(await a.leader.tick()).toBe('standby');
    expect(a.events).toEqual(['connect', 'disconnect']);
    expect(await b.leader.tick()).toBe('standby');
    clock.advance(10_000);
    expect(await b.leader.tick()).toBe('leading');
    a.leases.down = false;
    expect(await a.leader.tick()).toBe('standby');
    expect(a.events).toEqual(['connect', 'disconnect']);
  });

  it('disconnects when another replica holds the lease (it expired meanwhile)', async () => {
    const { shared, clock, a, b } = twoReplicas();
    await a.leader.start();
    clock.advance(31_000);
    expect(await b.leader.start()).toBe('leading');
    expect(await a.leader.tick()).toBe('standby');
    expect(a.events).toEqual(['connect', 'disconnect']);
  });

  it('releases the lease on graceful shutdown, so another replica connects at once', async () => {
    const { shared, clock, a, b } = twoReplicas();
    await a.leader.start();
    await b.leader.start();
    await a.leader.stop();
    expect(a.events).toEqual(['connect', 'disconnect']);
    expect(a.scheduled()).toBeUndefined();
    expect(await shared.holderOf(xmppLease, clock.now())).toBeUndefined();
    expect(await b.leader.tick()).toBe('leading');
    expect(await a.leader.tick()).toBe('standby');
  });

  it('connects at once on SQLite (one process), even where a crashed process left a lease behind', async () => {
    const clock = new FixedClock(new Date('2026-12-03T08:00:00Z'));
    const crashed = new InMemoryJobLeases();
    await crashed.acquire(xmppLease, 'old-pid', clock.now(), 30_000);
    expect(await replica('restarted', crashed, clock).leader.start()).toBe('standby');
    const restarted = replica('restarted', soleProcessLeases, clock);
    expect(await restarted.leader.start()).toBe('leading');
    expect(restarted.events).toEqual(['connect']);
  });

  it('throws a rejected login at start and gives the lease back', async () => {
    const shared = new InMemoryJobLeases();
    const clock = new FixedClock(new Date('2026-12-03T08:00:00Z'));
    const a = replica('a', shared, clock, { failConnect: true });
    await expect(a.leader.start()).rejects.toThrow('login rejected');
    expect(a.leader.isLeading()).toBe(false);
    expect(await shared.holderOf(xmppLease, clock.now())).toBeUndefined();
  });
});
