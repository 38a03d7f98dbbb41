/**
 * The personal-data contract (GDPR Art. 15/17, issue #22; asynchronous since issue #20) on the in-memory fake,
 * SQLite and PostgreSQL: one person's records across the stores are collected and erased, other people's stay,
 * answers given as Digitallotse and participation flags of open surveys are kept. On the SQL stores also: the
 * Lotsen's notifications about an erased ticket go with it, and tables of channels that are off are skipped; a
 * ticket body this lotse cannot read fails the export (never an incomplete one) and is still erased (issue #20).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { run } from '../../bot/adapters/sql/store-database.ts';
import { StoredJsonError } from '../../bot/adapters/sql/stored-json.ts';
import { SqlPersonalData } from '../../bot/adapters/storage/sql-personal-data.ts';
import type { PersonalDataStore } from '../../bot/ports/personal-data.ts';
import { emptyPersonalData, InMemoryPersonalData } from '../fakes/in-memory-personal-data.ts';
import { openTicket } from '../fakes/sample-tickets.ts';
import { useBackends } from './backends.ts';
import { at, aylin, dropChannelTables, marek, sabine, seedPersonalData } from './personal-data-seed.ts';

/**
 * `open()` gives a store holding: Marek (conversation under his pseudonym with a rated question, ticket 1,
 * flags of closed survey s-1 and open survey s-2, a subscription, a news delivery, an inbox entry, a Jabber
 * session and pending message, a login session, a Teams conversation with an outbox message and "einfach"),
 * Sabine (conversation, ticket 2 answered by Aylin, a subscription) and Aylin (absence).
 */
function personalDataContract(name: string, available: boolean, open: () => Promise<PersonalDataStore>): void {
  describe.skipIf(!available)(`personal-data contract on ${name}`, () => {
    it('collects one person’s records across the stores', async () => {
      const data = await open();
      expect(await data.collect(marek)).toEqual({
        conversations: [
          {
            id: 'c-1',
            channel: 'web',
            createdAt: at,
            messages: [
              {
                role: 'user',
                text: 'Frage von Marek',
                createdAt: at,
                feedback: { rating: 'down', reason: 'unklar', at: '2026-11-23T08:01:00.000Z' },
              },
            ],
          },
        ],
        ticketsAsAsker: [{ number: 1, state: 'open', question: 'Frage von Marek', createdAt: at }],
        ticketsAsLotse: [],
        surveyParticipation: [
          { surveyId: 's-1', invitedOn: '2026-11-01', answered: true },
          { surveyId: 's-2', invitedOn: '2026-11-20', answered: false },
        ],
        subscriptions: ['fortbildung'],
        inbox: [{ kind: 'hr-news', text: 'Neuigkeiten', createdAt: at }],
        newsDeliveries: [{ job: 'j-1', state: 'sent', acknowledgedOn: '2026-11-22' }],
        chatSessions: 1,
        pendingChatMessages: 1,
        loginSessions: 1,
        teamsConversations: 1,
        teamsMessages: 1,
        teamsPlainLanguage: true,
      });
      expect(await data.collect(aylin)).toMatchObject({
        ticketsAsLotse: [{ number: 2, state: 'answered', answer: 'So geht es.', answeredAt: '2026-11-23T09:00:00.000Z' }],
        absence: { until: '2026-12-24' },
      });
      expect(await data.collect({ personId: 'p-nobody', ownerKeys: ['p-nobody'] })).toEqual(emptyPersonalData());
    });

    it('erases one person’s records, keeps flags of open surveys, other people’s records and answers given as Lotse', async () => {
      const data = await open();
      expect(await data.erase(marek)).toMatchObject({
        conversations: 1,
        messages: 1,
        feedback: 1,
        tickets: 1,
        surveyParticipation: 1,
        subscriptions: 1,
        newsDeliveries: 1,
        inbox: 1,
        chatSessions: 1,
        pendingChatMessages: 1,
        loginSessions: 1,
        teamsConversations: 1,
        teamsMessages: 1,
        teamsPreferences: 1,
      });
      expect(await data.collect(marek)).toEqual({
        ...emptyPersonalData(),
        surveyParticipation: [{ surveyId: 's-2', invitedOn: '2026-11-20', answered: false }],
      });
      expect(await data.collect(sabine)).toMatchObject({
        conversations: [{ id: 'c-2' }],
        subscriptions: ['fortbildung'],
        ticketsAsAsker: [{ number: 2 }],
      });
      expect(await data.erase(aylin)).toMatchObject({ absence: 1 });
      expect(await data.collect(aylin)).toEqual({
        ...emptyPersonalData(),
        ticketsAsLotse: [{ number: 2, state: 'answered', answer: 'So geht es.', answeredAt: '2026-11-23T09:00:00.000Z' }],
      });
      expect(await data.erase({ personId: 'p-nobody', ownerKeys: ['p-nobody'] })).toMatchObject({
        conversations: 0,
        tickets: 0,
        loginSessions: 0,
      });
    });
  });
}

personalDataContract('the in-memory fake', true, async () => {
  const data = new InMemoryPersonalData();
  const first = await data.collect(marek);
  data.records.set('p-marek', {
    ...first,
    conversations: [
      {
        id: 'c-1',
        channel: 'web',
        createdAt: at,
        messages: [
          {
            role: 'user',
            text: 'Frage von Marek',
            createdAt: at,
            feedback: { rating: 'down', reason: 'unklar', at: '2026-11-23T08:01:00.000Z' },
          },
        ],
      },
    ],
    ticketsAsAsker: [{ number: 1, state: 'open', question: 'Frage von Marek', createdAt: at }],
    surveyParticipation: [
      { surveyId: 's-1', invitedOn: '2026-11-01', answered: true },
      { surveyId: 's-2', invitedOn: '2026-11-20', answered: false },
    ],
    subscriptions: ['fortbildung'],
    inbox: [{ kind: 'hr-news', text: 'Neuigkeiten', createdAt: at }],
    newsDeliveries: [{ job: 'j-1', state: 'sent', acknowledgedOn: '2026-11-22' }],
    chatSessions: 1,
    pendingChatMessages: 1,
    loginSessions: 1,
    teamsConversations: 1,
    teamsMessages: 1,
    teamsPlainLanguage: true,
  });
  data.records.set('p-sabine', {
    ...emptyPersonalData(),
    conversations: [{ id: 'c-2', channel: 'web', createdAt: at, messages: [] }],
    ticketsAsAsker: [{ number: 2, state: 'answered', question: 'Frage von Sabine', createdAt: at, answer: 'So geht es.' }],
    subscriptions: ['fortbildung'],
  });
  data.records.set('p-aylin', {
    ...emptyPersonalData(),
    ticketsAsLotse: [{ number: 2, state: 'answered', answer: 'So geht es.', answeredAt: '2026-11-23T09:00:00.000Z' }],
    absence: { until: '2026-12-24' },
  });
  data.openSurveys.add('s-2');
  return data;
});

for (const backend of useBackends()) {
  personalDataContract(backend.name, backend.available, async () => {
    const { store } = await backend.fresh();
    await seedPersonalData(store);
    return new SqlPersonalData(store);
  });

  describe.skipIf(!backend.available)(`personal data on ${backend.name}`, () => {
    it('erases the Lotsen’s notifications about the person’s tickets and the Teams links of their conversations, on a second replica', async () => {
      const { store, secondStore } = await backend.fresh();
      await seedPersonalData(store);
      const counts = await new SqlPersonalData(await secondStore()).erase(marek);
      expect(counts).toMatchObject({ ticketNotifications: 1, ticketEvents: 1, teamsLinks: 1 });
      expect(await new SqlPersonalData(store).collect(aylin)).toMatchObject({ inbox: [] });
      expect(await new SqlPersonalData(store).collect({ personId: 'p-sabine', ownerKeys: ['p-sabine'], jid: 'sabine@x' })).toMatchObject({
        pendingChatMessages: 1,
      });
    });

    it('skips the tables of channels that are off', async () => {
      const { store } = await backend.fresh();
      await seedPersonalData(store);
      await dropChannelTables(store);
      const data = new SqlPersonalData(store);
      expect(await data.collect(marek)).toMatchObject({
        conversations: [{ id: 'c-1' }],
        surveyParticipation: [],
        subscriptions: [],
        newsDeliveries: [],
        chatSessions: 0,
        teamsConversations: 0,
        teamsMessages: 0,
      });
      expect(await data.erase(marek)).toMatchObject({ conversations: 1, tickets: 1, subscriptions: 0, chatSessions: 0, teamsMessages: 0 });
      expect(await data.collect(marek)).toEqual(emptyPersonalData());
    });

    it('exports tickets written before versions, refuses an export over a ticket it cannot read, and erases that ticket too', async () => {
      const { store } = await backend.fresh();
      await seedPersonalData(store);
      const data = new SqlPersonalData(store);
      await run(
        store.db,
        sql`UPDATE tickets SET body = ${JSON.stringify(openTicket({ id: 't-1', askerId: 'p-marek', question: 'Frage von Marek' }))} WHERE id = 't-1'`,
      );
      expect(await data.collect(marek)).toMatchObject({ ticketsAsAsker: [{ number: 1, question: 'Frage von Marek' }] });
      await run(
        store.db,
        sql`UPDATE tickets SET body = ${JSON.stringify({ $v: 2, ...openTicket({ id: 't-1', askerId: 'p-marek' }) })} WHERE id = 't-1'`,
      );
      await expect(data.collect(marek)).rejects.toThrow(
        new StoredJsonError('ticket t-1', 'written by a newer lotse (document version 2, this lotse reads up to version 1)'),
      );
      expect(await data.erase(marek)).toMatchObject({ tickets: 1 });
      expect(await data.collect(marek)).toMatchObject({ ticketsAsAsker: [] });
    });
  });
}
