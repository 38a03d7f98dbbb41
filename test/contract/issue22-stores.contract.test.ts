/**
 * Issue #22 stores on SQLite and PostgreSQL: the audit purge per record type with anchor records (two
 * replicas) and a person's records for GDPR access and erasure across the other stores.
 */
import { describe, expect, it } from 'vitest';
import { ensureTeamsOutboxTables } from '../../bot/adapters/channels/teams/teams-outbox.ts';
import { TeamsStore } from '../../bot/adapters/channels/teams/teams-store.ts';
import { SqliteXmppStore } from '../../bot/adapters/channels/xmpp/sqlite-xmpp-store.ts';
import { SqlPersonalData } from '../../bot/adapters/storage/sql-personal-data.ts';
import { SqlAuditLog } from '../../bot/adapters/storage/sql-audit-log.ts';
import { SqliteBroadcasts } from '../../bot/adapters/storage/sqlite-broadcasts.ts';
import { SqlConversationStore } from '../../bot/adapters/storage/sql-conversation-store.ts';
import { SqliteHrOutbox } from '../../bot/adapters/storage/sqlite-hr-outbox.ts';
import { SqlSessionStore } from '../../bot/adapters/storage/sql-session-store.ts';
import { SqliteSurveys } from '../../bot/adapters/storage/sqlite-surveys.ts';
import { SqlTicketStore } from '../../bot/adapters/storage/sql-ticket-store.ts';
import type { AuditEntry, AuditRecordType } from '../../bot/ports/audit-log.ts';
import { openTicket } from '../fakes/sample-tickets.ts';
import { useBackends } from './backends.ts';

const entry = (at: string, type: AuditRecordType): AuditEntry => ({ type, at, pseudonym: 'p', channel: 'web', outcome: 'answered', rules: [], policyVersion: 'v', indexVersion: 'i', documents: [] });

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`issue #22 stores on ${backend.name}`, () => {
    it('purges per record type behind an older security record, declares the gap and keeps chaining from a second replica', async () => {
      const { store, secondStore } = await backend.fresh();
      const a = new SqlAuditLog(store, { key: 'k'.repeat(64) });
      const b = new SqlAuditLog(await secondStore(), { key: 'k'.repeat(64) });
      await a.append(entry('2025-01-01T10:00:00.000Z', 'security'));
      for (let day = 10; day <= 28; day += 1) await (day % 2 ? a : b).append(entry(`2025-02-${day}T10:00:00.000Z`, 'answer'));
      const retention = { answer: 365, refusal: 365, security: 730, reidentification: 730 };
      // 2026-02-20 12:00 minus 365 days: the answers of 10..20 February 2025 are past retention
      expect(await b.purge(new Date('2026-02-20T12:00:00.000Z'), retention)).toEqual({ removed: 11, byType: { answer: 11 } });
      await a.append(entry('2026-02-20T13:00:00.000Z', 'answer'));
      expect(await a.verify()).toEqual({ kind: 'intact', records: 1 + 8 + 1 + 1 }); // security, 8 answers, anchor, new answer
      expect((await a.entries()).map((row) => row.entry.type)[0]).toBe('security');
    });

    it('collects and erases one person’s records across the stores, leaving others untouched', async () => {
      const { database, store } = await backend.fresh();
      const conversations = new SqlConversationStore(store);
      const tickets = new SqlTicketStore(store);
      new SqliteSurveys(database);
      const broadcasts = new SqliteBroadcasts(database);
      new SqliteHrOutbox(database);
      const xmpp = new SqliteXmppStore(database);
      new TeamsStore(database);
      ensureTeamsOutboxTables(database);
      await new SqlSessionStore(store).create({
        idHash: 'h-1', csrfToken: 'c', createdAt: '2026-11-23T08:00:00.000Z', lastSeenAt: '2026-11-23T08:00:00.000Z', expiresAt: '2026-11-24T00:00:00.000Z',
        principal: { userId: 'p-marek', personId: 'p-marek', displayName: 'Marek', roles: ['staff'], source: 'dev' },
      });
      for (const [id, user] of [['c-1', 'p-marek'], ['c-2', 'p-sabine']] as const) {
        await conversations.ensureConversation({ id, channel: 'web', userId: user, at: '2026-11-23T08:00:00.000Z' });
        await conversations.appendMessage({ id: `${id}-m1`, conversationId: id, role: 'user', text: `Frage von ${user}`, createdAt: '2026-11-23T08:00:00.000Z' });
        await conversations.recordFeedback({ messageId: `${id}-m1`, rating: 'down', reason: 'unklar', at: '2026-11-23T08:01:00.000Z' });
      }
      const created = await tickets.create({ ...openTicket({ id: 't-1', askerId: 'p-marek', question: 'Frage von p-marek' }) }, { ticketId: 't-1', at: '2026-11-23T08:02:00.000Z', actor: 'p-marek', from: null, to: 'open' });
      database.prepare("INSERT INTO inbox (person_id, kind, text, ticket_id, created_at) VALUES ('p-aylin', 'ticket-created', 'Neue Anfrage', 't-1', '2026-11-23T08:02:00.000Z')").run();
      database.prepare("INSERT INTO hr_survey_participation (survey_id, person_id, invited_on, answered) VALUES ('s-1', 'p-marek', '2026-11-20', 1)").run();
      broadcasts.subscribe('p-marek', 'fortbildung');
      broadcasts.subscribe('p-sabine', 'fortbildung');
      xmpp.saveSession({ jid: 'marek@x', conversationId: 'c-1', lastMessageId: 'c-1-m1', lastOutcome: 'answered', updatedAt: '2026-11-23T08:00:00.000Z' });
      xmpp.enqueue([{ stanzaId: 's-1', to: 'marek@x', body: 'Antwort auf Ihre Anfrage' }], '2026-11-23T08:03:00.000Z');
      const answered = await tickets.create(openTicket({ id: 't-2', askerId: 'p-sabine', state: 'answered', assignee: 'p-aylin', answer: { text: 'So geht es.', by: 'p-aylin', at: '2026-11-23T09:00:00.000Z' } }), { ticketId: 't-2', at: '2026-11-23T08:02:00.000Z', actor: 'p-sabine', from: null, to: 'open' });

      const data = new SqlPersonalData(database);
      const marek = { personId: 'p-marek', ownerKeys: ['p-marek'], jid: 'marek@x' };
      const collected = data.collect(marek);
      expect(collected.conversations.flatMap((conversation) => conversation.messages)).toEqual([{ role: 'user', text: 'Frage von p-marek', createdAt: '2026-11-23T08:00:00.000Z', feedback: { rating: 'down', reason: 'unklar', at: '2026-11-23T08:01:00.000Z' } }]);
      expect(collected.ticketsAsAsker).toMatchObject([{ number: created.number, question: 'Frage von p-marek' }]);
      expect(collected).toMatchObject({ surveyParticipation: [{ surveyId: 's-1', answered: true }], subscriptions: ['fortbildung'], chatSessions: 1, pendingChatMessages: 1, loginSessions: 1 });
      const aylin = { personId: 'p-aylin', ownerKeys: ['p-aylin'] };
      expect(data.collect(aylin).ticketsAsLotse).toEqual([{ number: answered.number, state: 'answered', answer: 'So geht es.', answeredAt: '2026-11-23T09:00:00.000Z' }]);

      expect(data.erase(marek)).toMatchObject({ conversations: 1, messages: 1, feedback: 1, tickets: 1, ticketNotifications: 1, surveyParticipation: 1, subscriptions: 1, chatSessions: 1, loginSessions: 1 });
      expect(data.collect(marek)).toMatchObject({ conversations: [], ticketsAsAsker: [], surveyParticipation: [], subscriptions: [], chatSessions: 0, loginSessions: 0 });
      expect(data.collect({ personId: 'p-sabine', ownerKeys: ['p-sabine'] })).toMatchObject({ conversations: [{ id: 'c-2' }], subscriptions: ['fortbildung'], ticketsAsAsker: [{ number: answered.number }] });
      data.erase(aylin);
      expect(data.collect(aylin).ticketsAsLotse).toHaveLength(1); // a Lotse's answer belongs to the asker's request
    });
  });
}
