/**
 * The daily retention purge on the shared store (SQLite file and a real PostgreSQL): two replicas with their
 * own database handles check it many times, concurrently and after a "restart" → it runs once per day. The
 * purge is the real audit purge, so the removed record count proves it too.
 */
import { describe, expect, it } from 'vitest';
import { SqlDailyRuns } from '../../bot/adapters/storage/sql-daily-runs.ts';
import { SqlRecordPurge } from '../../bot/adapters/storage/sql-record-purge.ts';
import { SqlConversationStore } from '../../bot/adapters/storage/sql-conversation-store.ts';
import { SqlHrOutbox } from '../../bot/adapters/storage/sql-hr-outbox.ts';
import { SqlInbox } from '../../bot/adapters/storage/sql-inbox.ts';
import { SqlTicketStore } from '../../bot/adapters/storage/sql-ticket-store.ts';
import { SqlXmppStore } from '../../bot/adapters/channels/xmpp/sql-xmpp-store.ts';
import { applyTicketAction } from '../../bot/core/escalation/ticket-transitions.ts';
import { openTicket } from '../fakes/sample-tickets.ts';
import { SqlJobLeases } from '../../bot/adapters/storage/sql-job-leases.ts';
import { SqlAuditLog } from '../../bot/adapters/storage/sql-audit-log.ts';
import type { StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import { createRetentionPurge, type PurgeCheck } from '../../bot/app/retention-purge.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { FixedClock, SequentialIds } from '../fakes/fixed-clock.ts';
import { useBackends, type FreshDatabase } from './backends.ts';

const retention = { answer: 30, refusal: 30, security: 90, reidentification: 365 } as const;

function auditEntry(at: string) {
  return {
    type: 'answer' as const,
    at,
    pseudonym: 'u-1',
    channel: 'web' as const,
    outcome: 'answered' as const,
    rules: [],
    policyVersion: 'v1',
    indexVersion: 'i1',
    documents: [],
  };
}

function replicaOn(store: StoreDatabase, holder: string, clock: FixedClock) {
  const audit = new SqlAuditLog(store);
  const job = createRetentionPurge({
    leases: new SqlJobLeases(store),
    runs: new SqlDailyRuns(store),
    holder,
    clock,
    logger: silentLogger,
    purge: async () => ({ audit: (await audit.purge(clock.now(), retention)).removed }),
  });
  return { job, audit };
}

/** Tickets, feedback, inbox and HR outbox rows of an old (January) and a recent (November) day. */
async function seedRecords(
  store: StoreDatabase,
  raw: FreshDatabase['raw'],
): Promise<{ tickets: SqlTicketStore; count: (table: string) => Promise<number> }> {
  const tickets = new SqlTicketStore(store);
  const conversations = new SqlConversationStore(store);
  const outbox = new SqlHrOutbox(store);
  const xmpp = new SqlXmppStore(store);
  for (const [suffix, at] of [
    ['old', '2026-01-10T09:00:00.000Z'],
    ['new', '2026-11-20T09:00:00.000Z'],
  ] as const) {
    const { number: _number, ...fields } = openTicket({ id: `t-${suffix}`, createdAt: at, updatedAt: at });
    const ticket = await tickets.create(fields, { ticketId: `t-${suffix}`, at, actor: 'asker', from: null, to: 'open' });
    const claim = applyTicketAction(ticket, { type: 'claim', by: 'p-aylin' }, at);
    if (claim.kind !== 'ok') throw new Error('claim refused');
    await tickets.update(claim.ticket, ticket.version, claim.event);
    await tickets.markReminder(`t-${suffix}`, 'assignee', at);
    await conversations.ensureConversation({ id: `c-${suffix}`, channel: 'web', userId: 'u-1', at: '2026-01-01T09:00:00.000Z' });
    await conversations.appendMessage({ id: `m-${suffix}`, conversationId: `c-${suffix}`, role: 'bot', text: 'Antwort', createdAt: at });
    await conversations.recordFeedback({ messageId: `m-${suffix}`, rating: 'down', reason: 'zu knapp', at });
    await new SqlInbox(store, conversations, new FixedClock(new Date(at)), new SequentialIds()).send(
      { kind: 'person', personId: 'p-aylin' },
      { kind: 'ticket-created', text: 'Neues Ticket', ticketId: `t-${suffix}` },
    );
    await outbox.enqueue(`job-${suffix}`, { kind: 'broadcast', text: 'Neuigkeit' }, ['p-aylin', 'p-erika'], at);
    await xmpp.enqueue([{ stanzaId: `s-${suffix}`, to: 'aylin@kreis.example', body: 'Neues Ticket' }], at);
    await xmpp.saveSession({ jid: `${suffix}@kreis.example`, conversationId: `c-${suffix}`, updatedAt: at });
  }
  const count = async (table: string): Promise<number> =>
    Number((await raw<{ count: number | string }>(`SELECT COUNT(*) AS count FROM ${table}`))[0]!.count);
  return { tickets, count };
}

/** The distinct runs among the outcomes (overlapping checks of one replica share one run and its outcome). */
const ran = (outcomes: readonly PurgeCheck[]) => [...new Set(outcomes.filter((outcome) => outcome.kind === 'ran'))];

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`retention purge on ${backend.name}`, () => {
    it('runs once per day across two replicas and a restart', async () => {
      const { store, secondStore } = await backend.fresh();
      const clock = new FixedClock(new Date('2026-12-03T03:00:00Z'));
      const a = replicaOn(store, 'replica-a', clock);
      const b = replicaOn(await secondStore(), 'replica-b', clock);
      for (let day = 1; day <= 40; day += 1) await a.audit.append(auditEntry(new Date(Date.UTC(2026, 9, day, 12)).toISOString()));
      const first = await Promise.all(
        Array.from({ length: 8 }, (_, index) => Promise.resolve().then(() => (index % 2 ? a : b).job.tick())),
      );
      expect(ran(first)).toHaveLength(1);
      const removedFirst = (ran(first)[0] as Extract<PurgeCheck, { kind: 'ran' }>).removed.audit;
      expect(removedFirst).toBeGreaterThan(0);
      clock.advance(5 * 60_000);
      const restarted = replicaOn(await secondStore(), 'replica-b-restarted', clock);
      expect([await a.job.tick(), await b.job.tick(), await restarted.job.tick()].map((outcome) => outcome.kind)).toEqual([
        'done-today',
        'done-today',
        'done-today',
      ]);
      expect((await a.audit.verify()).kind).toBe('intact');

      clock.advance(24 * 3_600_000);
      const next = [await b.job.tick(), await a.job.tick(), await restarted.job.tick()];
      expect(ran(next)).toHaveLength(1);
      expect(next[0]!.kind).toBe('ran');
    });

    it('deletes tickets, feedback, inbox and outbox rows past retention and keeps recent ones', async () => {
      const { store, secondStore, raw } = await backend.fresh();
      const { tickets, count } = await seedRecords(store, raw);
      const clock = new FixedClock(new Date('2026-12-03T03:00:00Z'));
      const recordPurge = new SqlRecordPurge(await secondStore());
      const before = '2026-06-01T00:00:00.000Z';
      const job = createRetentionPurge({
        leases: new SqlJobLeases(store),
        runs: new SqlDailyRuns(store),
        holder: 'replica-a',
        clock,
        logger: silentLogger,
        purge: () => recordPurge.purge({ tickets: before, feedback: before, inbox: before, outboxes: before }),
      });
      const outcome = await job.tick();
      expect(outcome).toEqual({ kind: 'ran', day: '2026-12-03', removed: { tickets: 1, feedback: 1, inbox: 1, outboxes: 4 } });
      expect([await tickets.get('t-old'), (await tickets.get('t-new'))?.id]).toEqual([undefined, 't-new']);
      expect(
        await Promise.all(
          ['ticket_events', 'ticket_reminders', 'feedback', 'inbox', 'hr_outbox', 'hr_jobs', 'xmpp_outbox', 'xmpp_sessions'].map(count),
        ),
      ).toEqual([2, 1, 1, 1, 2, 1, 1, 1]);
    });
  });
}
