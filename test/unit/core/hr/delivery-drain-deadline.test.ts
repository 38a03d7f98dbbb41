import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../../bot/adapters/storage/sqlite-database.ts';
import { SqliteHrOutbox } from '../../../../bot/adapters/storage/sqlite-hr-outbox.ts';
import { createDeliveryWorker } from '../../../../bot/core/hr/delivery-worker.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadHrPolicy } from '../../../../policies/load-broadcasts.ts';

const policy = loadHrPolicy(join(import.meta.dirname, '../../../../policies'));

function setup(count: number) {
  const outbox = new SqliteHrOutbox(openMemoryDatabase());
  outbox.enqueue('job', { kind: 'notice', text: 'x' }, Array.from({ length: count }, (_, index) => `p${index}`), new Date(0).toISOString());
  const sent: string[] = [];
  const worker = createDeliveryWorker({
    outbox, sender: { send: async (recipient) => { sent.push(recipient.kind === 'person' ? recipient.personId : '?'); return { kind: 'delivered' }; } },
    channelOf: () => 'teams', policy: { ...policy, ratePerSecond: { teams: 50, default: 50 } }, leaseSeconds: 60, clock: { now: () => new Date() },
    sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)), logger: silentLogger,
  });
  return { outbox, worker, sent };
}

describe('HR delivery worker at shutdown', () => {
  it('stops at the deadline and leaves the rest pending, none in flight', async () => {
    const { outbox, worker, sent } = setup(100);
    const started = Date.now();
    const result = await worker.drain(undefined, started + 200);
    expect(Date.now() - started).toBeLessThan(600);
    expect(result.sent).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.length).toBeLessThan(30);
    expect(outbox.pendingCount()).toBe(100 - sent.length);
    expect(outbox.report('job')).toMatchObject({ sent: sent.length, pending: 100 - sent.length });
    // Everything left is claimable again right away (pending, not stuck in flight until the lease ends).
    expect(outbox.claim(new Date().toISOString(), 1000)).toHaveLength(100 - sent.length);
  });

  it('haltAt also stops a drain already in progress', async () => {
    const { outbox, worker, sent } = setup(100);
    const running = worker.drain();
    await new Promise((resolve) => setTimeout(resolve, 100));
    worker.haltAt(Date.now());
    const result = await running;
    expect(result.sent).toBe(sent.length);
    expect(sent.length).toBeLessThan(100);
    expect(outbox.pendingCount()).toBe(100 - sent.length);
  });
});
