import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqlHrOutbox } from '../../../../bot/adapters/storage/sql-hr-outbox.ts';
import { createDeliveryWorker } from '../../../../bot/core/hr/delivery-worker.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadHrPolicy } from '../../../../policies/load-broadcasts.ts';
import { memoryStore } from '../../../support/store-database.ts';

const policy = loadHrPolicy(join(import.meta.dirname, '../../../../policies'));

/** A clock that only moves when the worker sleeps, so the deadline test counts deliveries, not machine speed. */
function virtualTime(startMs: number): { clock: { now: () => Date }; sleep: (milliseconds: number) => Promise<void> } {
  let nowMs = startMs;
  return { clock: { now: () => new Date(nowMs) }, sleep: async (milliseconds) => void (nowMs += milliseconds) };
}

const realTime = {
  clock: { now: () => new Date() },
  sleep: (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
};

async function setup(count: number, time: ReturnType<typeof virtualTime> = realTime) {
  const outbox = new SqlHrOutbox((await memoryStore()).store);
  await outbox.enqueue(
    'job',
    { kind: 'notice', text: 'x' },
    Array.from({ length: count }, (_, index) => `p${index}`),
    new Date(0).toISOString(),
  );
  const sent: string[] = [];
  const worker = createDeliveryWorker({
    outbox,
    sender: {
      send: async (recipient) => {
        sent.push(recipient.kind === 'person' ? recipient.personId : '?');
        return { kind: 'delivered' };
      },
    },
    channelOf: () => 'teams',
    policy: { ...policy, ratePerSecond: { teams: 50, default: 50 } },
    leaseSeconds: 60,
    ...time,
    logger: silentLogger,
  });
  return { outbox, worker, sent };
}

describe('HR delivery worker at shutdown', () => {
  it('stops at the deadline and leaves the rest pending, none in flight', async () => {
    const started = 1_000_000;
    const time = virtualTime(started);
    const { outbox, worker, sent } = await setup(100, time);
    const result = await worker.drain(undefined, started + 200);
    expect(time.clock.now().getTime() - started).toBeLessThanOrEqual(200);
    expect(result.sent).toBe(sent.length);
    expect(sent.length).toBe(11); // 50 per second: at 0, 20, …, 200 ms
    expect(await outbox.pendingCount()).toBe(100 - sent.length);
    expect(await outbox.report('job')).toMatchObject({ sent: sent.length, pending: 100 - sent.length });
    // Everything left is claimable again right away (pending, not stuck in flight until the lease ends).
    expect(await outbox.claim(new Date().toISOString(), 1000)).toHaveLength(100 - sent.length);
  });

  it('haltAt also stops a drain already in progress', async () => {
    const { outbox, worker, sent } = await setup(100);
    const running = worker.drain();
    await new Promise((resolve) => setTimeout(resolve, 100));
    worker.haltAt(Date.now());
    const result = await running;
    expect(result.sent).toBe(sent.length);
    expect(sent.length).toBeLessThan(100);
    expect(await outbox.pendingCount()).toBe(100 - sent.length);
  });
});
