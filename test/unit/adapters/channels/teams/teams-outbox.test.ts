import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamsOutbox, type FailedDelivery } from '../../../../../bot/adapters/channels/teams/teams-outbox.ts';
import { SqlTeamsStore } from '../../../../../bot/adapters/channels/teams/teams-store.ts';
import { run } from '../../../../../bot/adapters/sql/store-database.ts';
import { sql } from 'kysely';
import { silentLogger } from '../../../../../bot/shared/logger.ts';
import { FakeTeamsConnector, type FakeConnectorReply } from '../../../../fakes/fake-teams-connector.ts';
import { memoryStore } from '../../../../support/store-database.ts';

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

async function setup(
  reply: FakeConnectorReply | readonly FakeConnectorReply[] = { kind: 'ok' },
  rates: { global?: number; perConversation?: number; burst?: number } = {},
) {
  const { store: database } = await memoryStore();
  const store = new SqlTeamsStore(database);
  for (const id of ['c1', 'c2'])
    await store.saveConversation(
      { conversationId: id, kind: 'personal', reference: JSON.stringify({ conversation: { id } }), serviceUrl: 'http://x/' },
      '2026-11-22T00:00:00Z',
    );
  const connector = new FakeTeamsConnector(reply);
  const failed: FailedDelivery[] = [];
  let version = 1;
  const outbox = new TeamsOutbox({
    database,
    connector,
    store,
    logger: silentLogger,
    maxAttempts: 3,
    ratePerSecond: rates.global ?? 1000,
    conversationRatePerSecond: rates.perConversation ?? 1000,
    conversationBurst: rates.burst ?? 10,
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
    const { outbox, connector } = await setup();
    for (const text of ['a1', 'a2', 'a3']) await outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message(text) });
    outbox.start();
    await outbox.idle();
    expect(texts(connector.calls)).toEqual(['a1', 'a2', 'a3']);
    expect(outbox.stats).toMatchObject({ sent: 3, failed: 0 });
  });

  it('keeps the configured global rate', async () => {
    vi.useFakeTimers();
    const { outbox, connector } = await setup({ kind: 'ok' }, { global: 50 });
    for (let index = 0; index < 11; index += 1)
      await outbox.enqueue({ op: 'activity', conversationId: index % 2 ? 'c1' : 'c2', activity: message(`m${index}`) });
    outbox.start();
    await idleOnFakeTimers(outbox);
    const gaps = connector.calls.slice(1).map((call, index) => call.at - connector.calls[index]!.at);
    // 50 per second = 20 ms apart; the limiter makes up one slot of timer lateness, so the first two go together.
    expect(gaps).toEqual([0, 20, 20, 20, 20, 20, 20, 20, 20, 20]);
  });

  it('waits for Retry-After on 429 and then delivers', async () => {
    vi.useFakeTimers();
    const { outbox, connector } = await setup([{ kind: 'throttled', retryAfterMs: 300 }, { kind: 'ok' }]);
    await outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('x') });
    outbox.start();
    await idleOnFakeTimers(outbox);
    expect(connector.calls).toHaveLength(2);
    expect(connector.calls[1]!.at - connector.calls[0]!.at).toBeGreaterThanOrEqual(300);
    expect(outbox.stats).toMatchObject({ throttled: 1, sent: 1 });
  });

  it('marks the conversation undeliverable on 403, fails its queued rows and reports them, without retrying', async () => {
    const { outbox, connector, store, failed } = await setup((call) =>
      call.reference.includes('c1') ? { kind: 'gone', status: 403 } : { kind: 'ok' },
    );
    await outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('one'), fallback: 'f1' });
    await outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('two'), fallback: 'f2' });
    await outbox.enqueue({ op: 'activity', conversationId: 'c2', activity: message('other') });
    outbox.start();
    await outbox.idle();
    expect(connector.calls.filter((call) => call.reference.includes('c1'))).toHaveLength(1);
    expect((await store.conversation('c1'))?.undeliverable).toBe('HTTP 403');
    expect(failed.map((entry) => entry.fallback)).toEqual(['f1', 'f2']);
    expect(texts(connector.calls)).toContain('other');
  });

  it('gives up after maxAttempts on server errors and reports the message', async () => {
    const { outbox, connector, failed, database } = await setup({ kind: 'failed', status: 500, reason: 'HTTP 500' });
    await run(database.db, sql`UPDATE teams_outbox SET not_before = 0`);
    await outbox.enqueue({ op: 'activity', conversationId: 'c2', activity: message('x'), fallback: 'keep' });
    // make the backoff instant for the test
    const timer = setInterval(() => void run(database.db, sql`UPDATE teams_outbox SET not_before = 0 WHERE state = 'pending'`), 5);
    outbox.start();
    await outbox.idle(5000);
    clearInterval(timer);
    expect(connector.calls).toHaveLength(3);
    expect(failed).toEqual([expect.objectContaining({ fallback: 'keep', reason: 'HTTP 500' })]);
  });

  it('renders ticket cards when sent, updates them in place and queues one refresh per ticket and conversation', async () => {
    const { outbox, connector, store, bump } = await setup();
    expect(await outbox.enqueue({ op: 'ticket-card', conversationId: 'c1', ticketId: 't1' })).toBeDefined();
    expect(await outbox.enqueue({ op: 'ticket-card', conversationId: 'c1', ticketId: 't1' })).toBeUndefined();
    outbox.start();
    await outbox.idle();
    expect(await store.ticketCard('t1', 'c1')).toMatchObject({ activityId: 'sent-1', version: 1 });
    bump();
    await outbox.enqueue({ op: 'ticket-card', conversationId: 'c1', ticketId: 't1' });
    await outbox.idle();
    expect(connector.calls.map((call) => [call.op, call.activityId, call.activity?.text])).toEqual([
      ['send', undefined, 'card t1 v1'],
      ['update', 'sent-1', 'card t1 v2'],
    ]);
    expect((await store.ticketCard('t1', 'c1'))?.version).toBe(2);
  });

  it('posts a new ticket card when the old one was deleted (404 on update)', async () => {
    const { outbox, connector, store } = await setup((call) => (call.op === 'update' ? { kind: 'gone', status: 404 } : { kind: 'ok' }));
    await store.saveTicketCard({ ticketId: 't2', conversationId: 'c2', activityId: 'old', version: 1 });
    await outbox.enqueue({ op: 'ticket-card', conversationId: 'c2', ticketId: 't2' });
    outbox.start();
    await outbox.idle();
    expect(connector.calls.map((call) => call.op)).toEqual(['update', 'send']);
    expect((await store.ticketCard('t2', 'c2'))?.activityId).toBe('sent-1');
    expect((await store.conversation('c2'))?.undeliverable).toBeUndefined();
  });

  it('purges finished rows after the retention time but keeps pending ones', async () => {
    const { outbox, database } = await setup();
    await outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('done') });
    outbox.start();
    await outbox.idle();
    await outbox.stop();
    await outbox.enqueue({ op: 'activity', conversationId: 'c2', activity: message('waiting') });
    expect(await outbox.purgeFinished(60_000)).toBe(0);
    await run(database.db, sql`UPDATE teams_outbox SET done_at = '2000-01-01T00:00:00.000Z' WHERE state = 'sent'`);
    expect(await outbox.purgeFinished(60_000)).toBe(1);
    expect(await outbox.pendingCount()).toBe(1);
  });

  it('keeps unsent rows in the database for the next start', async () => {
    const { outbox, database } = await setup();
    await outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('later') });
    const store = new SqlTeamsStore(database);
    const connector = new FakeTeamsConnector();
    const next = new TeamsOutbox({
      database,
      connector,
      store,
      logger: silentLogger,
      maxAttempts: 3,
      ratePerSecond: 100,
      conversationRatePerSecond: 100,
      conversationBurst: 1,
      renderTicketCard: async () => undefined,
    });
    running.push(next);
    next.start();
    await next.idle();
    expect(texts(connector.calls)).toEqual(['later']);
  });

  it('keeps pumping after the database failed for a while, without an unhandled rejection', async () => {
    const { outbox, connector, database } = await setup();
    const errors: string[] = [];
    const logged = new TeamsOutbox({
      database,
      connector,
      store: new SqlTeamsStore(database),
      maxAttempts: 3,
      ratePerSecond: 1000,
      conversationRatePerSecond: 1000,
      conversationBurst: 10,
      renderTicketCard: async () => undefined,
      logger: { ...silentLogger, error: (event) => void errors.push(event) },
    });
    running.push(logged);
    await run(database.db, sql`ALTER TABLE teams_outbox RENAME TO teams_outbox_away`);
    logged.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await run(database.db, sql`ALTER TABLE teams_outbox_away RENAME TO teams_outbox`);
    await outbox.enqueue({ op: 'activity', conversationId: 'c1', activity: message('after the outage') });
    await logged.idle(5000);
    expect(errors).toContain('teams-outbox-pump-failed');
    expect(texts(connector.calls)).toEqual(['after the outage']);
  });

  it('runs one loop after a stop that was not awaited and a new start', async () => {
    const { outbox, connector } = await setup();
    outbox.start();
    const stopped = outbox.stop();
    outbox.start();
    outbox.start();
    for (const text of ['b1', 'b2', 'b3']) await outbox.enqueue({ op: 'activity', conversationId: 'c2', activity: message(text) });
    await outbox.idle();
    await stopped;
    expect(texts(connector.calls)).toEqual(['b1', 'b2', 'b3']);
    expect(outbox.stats.sent).toBe(3);
  });
});
