import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMemoryDatabase } from '../../../../../bot/adapters/storage/sqlite-database.ts';
import { TeamsOutbox, type FailedDelivery } from '../../../../../bot/adapters/channels/teams/teams-outbox.ts';
import { TeamsStore } from '../../../../../bot/adapters/channels/teams/teams-store.ts';
import { silentLogger } from '../../../../../bot/shared/logger.ts';
import { FakeTeamsConnector, type FakeConnectorReply } from '../../../../fakes/fake-teams-connector.ts';

const running: TeamsOutbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((outbox) => outbox.stop()));
  vi.useRealTimers();
});

/** Runs the outbox on fake timers until it is idle; returns the fake milliseconds that took. */
async function idleOnFakeTimers(outbox: TeamsOutbox): Promise<number> {
  const started = Date.now();
  const idle = outbox.idle();
  await vi.advanceTimersByTimeAsync(5_000);
  await idle;
  return Date.now() - started;
}

function setup(reply: FakeConnectorReply | readonly FakeConnectorReply[] = { kind: 'ok' }, rates: { global?: number; perConversation?: number; burst?: number } = {}) {
  const database = openMemoryDatabase();
  const store = new TeamsStore(database);
  for (const id of ['c1', 'c2']) store.saveConversation({ conversationId: id, kind: 'personal', reference: JSON.stringify({ conversation: { id } }), serviceUrl: 'http://x/' }, '2026-11-22T00:00:00Z');
  const connector = new FakeTeamsConnector(reply);
  const failed: FailedDelivery[] = [];
  let version = 1;
  const outbox = new TeamsOutbox({
    database, connector, store, logger: silentLogger, maxAttempts: 3,
    ratePerSecond: rates.global ?? 1000, conversationRatePerSecond: rates.perConversation ?? 1000, conversationBurst: rates.burst ?? 10,
    renderTicketCard: async (ticketId) => ({ activity: { type: 'message', text: `card ${ticketId} v${version}` }, version }),
    onFailed: (entry) => failed.push(entry),
  });
  running.push(outbox);
  return { database, store, connector, outbox, failed, bump: () => (version += 1) };
}

const message = (text: string) => ({ type: 'message', text });
const texts = (calls: { activity?: Record<string, unknown> }[]) => calls.map((call) => String(call.activity?.text));

describe('TeamsOutbox', () => {
  it('sends in order per conversation and marks rows sent', async () => {
    const { outbox, connector } = setup();
    for (const text of ['a1', 'a2', 'a3']) outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message(text) });
    outbox.start();
    await outbox.idle();
    expect(texts(connector.calls)).toEqual(['a1', 'a2', 'a3']);
    expect(outbox.stats).toMatchObject({ sent: 3, failed: 0 });
  });

  it('keeps the configured global rate', async () => {
    vi.useFakeTimers();
    const { outbox, connector } = setup({ kind: 'ok' }, { global: 50 });
    for (let index = 0; index < 11; index += 1) outbox.enqueue({ op: 'activity', conversationId: index % 2 ? 'c1' : 'c2', activity: message(`m${index}`) });
    outbox.start();
    await idleOnFakeTimers(outbox);
    const gaps = connector.calls.slice(1).map((call, index) => call.at - connector.calls[index]!.at);
    // 50 per second = 20 ms apart; the limiter makes up one slot of timer lateness, so the first two go together.
    expect(gaps).toEqual([0, 20, 20, 20, 20, 20, 20, 20, 20, 20]);
  });

  it('waits for Retry-After on 429 and then delivers', async () => {
    vi.useFakeTimers();
    const { outbox, connector } = setup([{ kind: 'throttled', retryAfterMs: 300 }, { kind: 'ok' }]);
    outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('x') });
    outbox.start();
    await idleOnFakeTimers(outbox);
    expect(connector.calls).toHaveLength(2);
    expect(connector.calls[1]!.at - connector.calls[0]!.at).toBeGreaterThanOrEqual(300);
    expect(outbox.stats).toMatchObject({ throttled: 1, sent: 1 });
  });

  it('marks the conversation undeliverable on 403, fails its queued rows and reports them, without retrying', async () => {
    const { outbox, connector, store, failed } = setup((call) => (call.reference.includes('c1') ? { kind: 'gone', status: 403 } : { kind: 'ok' }));
    outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('one'), fallback: 'f1' });
    outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('two'), fallback: 'f2' });
    outbox.enqueue({ op: 'activity', conversationId: 'c2', activity: message('other') });
    outbox.start();
    await outbox.idle();
    expect(connector.calls.filter((call) => call.reference.includes('c1'))).toHaveLength(1);
    expect(store.conversation('c1')?.undeliverable).toBe('HTTP 403');
    expect(failed.map((entry) => entry.fallback)).toEqual(['f1', 'f2']);
    expect(texts(connector.calls)).toContain('other');
  });

  it('gives up after maxAttempts on server errors and reports the message', async () => {
    const { outbox, connector, failed, database } = setup({ kind: 'failed', status: 500, reason: 'HTTP 500' });
    database.prepare('UPDATE teams_outbox SET not_before = 0').run();
    outbox.enqueue({ op: 'activity', conversationId: 'c2', activity: message('x'), fallback: 'keep' });
    // make the backoff instant for the test
    const timer = setInterval(() => database.prepare(`UPDATE teams_outbox SET not_before = 0 WHERE state = 'pending'`).run(), 5);
    outbox.start();
    await outbox.idle(5000);
    clearInterval(timer);
    expect(connector.calls).toHaveLength(3);
    expect(failed).toEqual([expect.objectContaining({ fallback: 'keep', reason: 'HTTP 500' })]);
  });

  it('renders ticket cards when sent, updates them in place and queues one refresh per ticket and conversation', async () => {
    const { outbox, connector, store, bump } = setup();
    expect(outbox.enqueue({ op: 'ticket-card', conversationId: 'c1', ticketId: 't1' })).toBeDefined();
    expect(outbox.enqueue({ op: 'ticket-card', conversationId: 'c1', ticketId: 't1' })).toBeUndefined();
    outbox.start();
    await outbox.idle();
    expect(store.ticketCard('t1', 'c1')).toMatchObject({ activityId: 'sent-1', version: 1 });
    bump();
    outbox.enqueue({ op: 'ticket-card', conversationId: 'c1', ticketId: 't1' });
    await outbox.idle();
    expect(connector.calls.map((call) => [call.op, call.activityId, call.activity?.text])).toEqual([
      ['send', undefined, 'card t1 v1'],
      ['update', 'sent-1', 'card t1 v2'],
    ]);
    expect(store.ticketCard('t1', 'c1')?.version).toBe(2);
  });

  it('posts a new ticket card when the old one was deleted (404 on update)', async () => {
    const { outbox, connector, store } = setup((call) => (call.op === 'update' ? { kind: 'gone', status: 404 } : { kind: 'ok' }));
    store.saveTicketCard({ ticketId: 't2', conversationId: 'c2', activityId: 'old', version: 1 });
    outbox.enqueue({ op: 'ticket-card', conversationId: 'c2', ticketId: 't2' });
    outbox.start();
    await outbox.idle();
    expect(connector.calls.map((call) => call.op)).toEqual(['update', 'send']);
    expect(store.ticketCard('t2', 'c2')?.activityId).toBe('sent-1');
    expect(store.conversation('c2')?.undeliverable).toBeUndefined();
  });

  it('purges finished rows after the retention time but keeps pending ones', async () => {
    const { outbox, database } = setup();
    outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('done') });
    outbox.start();
    await outbox.idle();
    await outbox.stop();
    outbox.enqueue({ op: 'activity', conversationId: 'c2', activity: message('waiting') });
    expect(outbox.purgeFinished(60_000)).toBe(0);
    database.prepare(`UPDATE teams_outbox SET done_at = '2000-01-01T00:00:00.000Z' WHERE state = 'sent'`).run();
    expect(outbox.purgeFinished(60_000)).toBe(1);
    expect(outbox.pendingCount()).toBe(1);
  });

  it('keeps unsent rows in the database for the next start', async () => {
    const { outbox, database } = setup();
    outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('later') });
    const store = new TeamsStore(database);
    const connector = new FakeTeamsConnector();
    const next = new TeamsOutbox({ database, connector, store, logger: silentLogger, maxAttempts: 3, ratePerSecond: 100, conversationRatePerSecond: 100, conversationBurst: 1, renderTicketCard: async () => undefined });
    running.push(next);
    next.start();
    await next.idle();
    expect(texts(connector.calls)).toEqual(['later']);
  });
});
