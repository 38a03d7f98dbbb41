import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import { createChannelRouter } from '../../../../bot/app/channel-router.ts';
import { createHr } from '../../../../bot/app/create-hr.ts';
import type { DeliveryResult, OutboundMessage, Recipient } from '../../../../bot/ports/channel-sender.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { memoryStore } from '../../../support/store-database.ts';

const root = join(import.meta.dirname, '../../../..');
const hour = 3_600_000;

async function setup(result: (recipient: Recipient) => DeliveryResult = () => ({ kind: 'delivered' })) {
  const sent: { personId: string; message: OutboundMessage }[] = [];
  const fallback = {
    send: async (recipient: Recipient, message: OutboundMessage): Promise<DeliveryResult> => {
      const outcome = result(recipient);
      if (outcome.kind === 'delivered' && recipient.kind === 'person') sent.push({ personId: recipient.personId, message });
      return outcome;
    },
  };
  const clock = new FixedClock(new Date('2026-12-01T08:00:00Z'));
  const hr = createHr({
    store: (await memoryStore()).store,
    directory: loadDirectory(join(root, 'test/fixtures/hr/directory.yaml')),
    channels: createChannelRouter(fallback, silentLogger),
    clock,
    ids: new SequentialIds(),
    logger: silentLogger,
    policiesDir: join(root, 'policies'),
  });
  return { hr, clock, sent };
}

describe('HR jobs', () => {
  it('opens an approved survey in its window and reminds only non-participants, once per round, at most max rounds', async () => {
    const { hr, clock, sent } = await setup();
    const created = await hr.surveys.create('hr1', {
      title: 'Puls',
      audience: { kind: 'units', units: ['A11'], includeSubunits: true },
      opensAt: '2026-12-01T09:00:00Z',
      closesAt: '2026-12-20T00:00:00Z',
      questions: [{ id: 'q1', type: 'scale', text: 'Wie geht es?', optional: false }],
    });
    if (created.kind !== 'ok') throw new Error('not created');
    await hr.surveys.approve('pr1', created.survey.id);
    await hr.jobs.runDue();
    expect((await hr.surveys.get(created.survey.id))!.state).toBe('approved');
    clock.advance(hour);
    await hr.jobs.runDue();
    expect(sent.filter((entry) => entry.message.kind === 'survey-invite').map((entry) => entry.personId)).toEqual([
      'b1',
      'b2',
      'b3',
      'b4',
      'b5',
      'b6',
    ]);
    await hr.surveys.submit('b1', created.survey.id, { q1: 4 });
    await hr.surveys.submit('b2', created.survey.id, { q1: 2 });
    const reminded = () => sent.filter((entry) => entry.message.kind === 'survey-reminder').map((entry) => entry.personId);
    clock.advance(71 * hour);
    await hr.jobs.runDue();
    expect(reminded()).toEqual([]);
    clock.advance(2 * hour);
    await hr.jobs.runDue();
    await hr.jobs.runDue();
    expect(reminded()).toEqual(['b3', 'b4', 'b5', 'b6']);
    for (let day = 0; day < 20; day += 1) {
      clock.advance(24 * hour);
      await hr.jobs.runDue();
    }
    expect(reminded()).toHaveLength(8);
    expect((await hr.surveys.get(created.survey.id))!.state).toBe('closed');
    expect(await hr.surveyStore.participation(created.survey.id)).toEqual({ eligible: 6, answered: 2 });
  });

  it('retries an undeliverable message and reports the final failure with its reason', async () => {
    const { hr, clock } = await setup((recipient) =>
      recipient.kind === 'person' && recipient.personId === 'd2'
        ? { kind: 'undeliverable', reason: 'Postfach voll' }
        : { kind: 'delivered' },
    );
    const created = await hr.broadcasts.create('hr1', {
      title: 'Info',
      text: 'Text',
      audience: { kind: 'units', units: ['A50'], includeSubunits: true },
      acknowledge: false,
    });
    if (created.kind !== 'ok') throw new Error('not created');
    expect((await hr.broadcasts.release('hr2', created.broadcast.id)).kind).toBe('ok');
    await hr.jobs.runDue();
    expect(await hr.broadcasts.report(created.broadcast.id)).toMatchObject({ report: { sent: 1, pending: 1, failed: 0 } });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      clock.advance(10 * 60_000);
      await hr.jobs.runDue();
    }
    expect(await hr.broadcasts.report(created.broadcast.id)).toMatchObject({
      report: { recipients: 2, sent: 1, pending: 0, failed: 1, failures: [{ reason: 'Postfach voll', count: 1 }] },
    });
    expect((await hr.broadcasts.get(created.broadcast.id))!.state).toBe('sent');
  });

  it('paces each channel at its configured rate', async () => {
    const { hr } = await setup();
    const times: number[] = [];
    let nowMs = 1_000_000; // a virtual clock that moves only when the worker sleeps
    const worker = (await import('../../../../bot/core/hr/delivery-worker.ts')).createDeliveryWorker;
    const outbox = new (await import('../../../../bot/adapters/storage/sql-hr-outbox.ts')).SqlHrOutbox((await memoryStore()).store);
    await outbox.enqueue(
      'job',
      { kind: 'notice', text: 'x' },
      Array.from({ length: 21 }, (_, index) => `p${index}`),
      new Date(0).toISOString(),
    );
    const drain = worker({
      outbox,
      sender: {
        send: async () => {
          times.push(nowMs);
          return { kind: 'delivered' };
        },
      },
      channelOf: () => 'teams',
      policy: { ...hr.policy, ratePerSecond: { teams: 100, default: 100 } },
      leaseSeconds: 60,
      clock: { now: () => new Date(nowMs) },
      sleep: async (milliseconds) => void (nowMs += milliseconds),
      logger: silentLogger,
    });
    expect(await drain.drain()).toEqual({ sent: 21, retried: 0, failed: 0 });
    // 100 per second: one message every 10 ms, none early, none bunched.
    expect(times.slice(1).map((at, index) => at - times[index]!)).toEqual(Array.from({ length: 20 }, () => 10));
  });
});
