import { describe, expect, it } from 'vitest';
import { createTeamsEndpoint } from '../../../../../bot/adapters/channels/teams/teams-endpoint.ts';
import { TeamsOutbox } from '../../../../../bot/adapters/channels/teams/teams-outbox.ts';
import { SqlTeamsStore } from '../../../../../bot/adapters/channels/teams/teams-store.ts';
import { rows as allRows } from '../../../../../bot/adapters/sql/store-database.ts';
import { sql } from 'kysely';
import type { Directory, Person } from '../../../../../bot/ports/directory.ts';
import type { Ticket } from '../../../../../bot/ports/tickets.ts';
import { silentLogger } from '../../../../../bot/shared/logger.ts';
import { loadTeamsTexts } from '../../../../../prompts/load-teams-texts.ts';
import { FakeTeamsConnector } from '../../../../fakes/fake-teams-connector.ts';
import { memoryStore } from '../../../../support/store-database.ts';

const people: Person[] = [
  { id: 'p-lotse', name: 'Lotte Lotse', unit: 'A1', roles: ['staff', 'lotse'], kiTrained: true, aadObjectId: 'aad-lotse' },
  { id: 'p-asker', name: 'Anna Asker', unit: 'A1', roles: ['staff'], kiTrained: true, aadObjectId: 'aad-asker' },
  { id: 'p-new', name: 'Nora Neu', unit: 'A1', roles: ['staff'], kiTrained: true, aadObjectId: 'aad-new' },
  { id: 'p-none', name: 'Otto Ohne', unit: 'A1', roles: ['staff'], kiTrained: true },
];
const directory = { person: (id: string) => people.find((person) => person.id === id) } as unknown as Directory;
const ticket: Ticket = {
  id: 't-1',
  number: 3,
  state: 'answered',
  question: 'Frage?',
  excerpt: [],
  tried: [],
  reason: 'no_answer',
  askerId: 'p-asker',
  replyTo: { channel: 'teams', conversationId: 'core-1' },
  pool: { kind: 'unit', unit: 'A1' },
  candidates: ['p-lotse'],
  assignee: 'p-lotse',
  answer: { text: 'So geht es.', by: 'p-lotse', at: '' },
  createdAt: '',
  updatedAt: '',
  version: 3,
};

async function setup() {
  const { store: database } = await memoryStore();
  const store = new SqlTeamsStore(database);
  const connector = new FakeTeamsConnector();
  const outbox = new TeamsOutbox({
    database,
    store,
    connector,
    logger: silentLogger,
    ratePerSecond: 10,
    conversationRatePerSecond: 1,
    conversationBurst: 1,
    maxAttempts: 2,
    renderTicketCard: async () => undefined,
  });
  const at = '2026-11-22T00:00:00Z';
  const reference = (id: string) => JSON.stringify({ conversation: { id }, agent: { id: '28:bot' } });
  await store.saveConversation(
    {
      conversationId: 'a:lotse',
      kind: 'personal',
      reference: reference('a:lotse'),
      personId: 'p-lotse',
      serviceUrl: 'http://x/',
      tenantId: 'tn',
    },
    at,
  );
  await store.saveConversation(
    {
      conversationId: 'a:asker',
      kind: 'personal',
      reference: reference('a:asker'),
      personId: 'p-asker',
      serviceUrl: 'http://x/',
      tenantId: 'tn',
    },
    at,
  );
  await store.linkCoreConversation('core-1', 'a:asker');
  const endpoint = createTeamsEndpoint({
    store,
    outbox,
    connector,
    directory,
    escalation: { get: async (id: string) => (id === ticket.id ? ticket : undefined) },
    texts: loadTeamsTexts(),
    clock: { now: () => new Date(at) },
    logger: silentLogger,
  });
  await endpoint.refreshReach();
  const rows = () =>
    allRows(
      database.db,
      sql<{
        conversation_id: string;
        op: string;
        activity: string | null;
        ticket_id: string | null;
      }>`SELECT conversation_id, op, activity, ticket_id FROM teams_outbox ORDER BY id`,
    );
  return { endpoint, rows, connector, store };
}

describe('Teams endpoint', () => {
  it('queues a ticket card for a new ticket, and a reminder notice followed by the refreshed card', async () => {
    const { endpoint, rows } = await setup();
    expect(await endpoint.send({ kind: 'person', personId: 'p-lotse' }, { kind: 'ticket-created', text: 'Neu', ticketId: 't-1' })).toEqual({
      kind: 'queued',
    });
    expect(
      await endpoint.send(
        { kind: 'person', personId: 'p-lotse' },
        { kind: 'ticket-reminder', text: 'Erinnerung an Nr. 3', ticketId: 't-1' },
      ),
    ).toEqual({ kind: 'queued' });
    expect((await rows()).map((row) => [row.conversation_id, row.op, row.ticket_id])).toEqual([
      ['a:lotse', 'ticket-card', 't-1'],
      ['a:lotse', 'activity', 't-1'],
    ]);
    expect((await rows())[1]!.activity).toContain('Erinnerung an Nr. 3');
  });

  it("delivers the Lotse's answer card into the asker's conversation", async () => {
    const { endpoint, rows } = await setup();
    const result = await endpoint.send(
      { kind: 'conversation', reference: { channel: 'teams', conversationId: 'core-1' }, userId: 'p-asker' },
      { kind: 'ticket-answered', text: 'Antwort', ticketId: 't-1', from: 'Lotte Lotse (Digitallotsin)' },
    );
    expect(result).toEqual({ kind: 'queued' });
    expect((await rows())[0]!.conversation_id).toBe('a:asker');
    expect((await rows())[0]!.activity).toContain('Antwort von Lotte Lotse (Digitallotsin)');
    expect(
      await endpoint.send(
        { kind: 'conversation', reference: { channel: 'teams', conversationId: 'core-unknown' }, userId: 'x' },
        { kind: 'notice', text: 'x' },
      ),
    ).toMatchObject({ kind: 'undeliverable' });
  });

  it('reaches people with a chat or an Entra id, opens the chat on demand, and not people without either', async () => {
    const { endpoint, connector, store } = await setup();
    expect(endpoint.reaches('p-lotse')).toBe(true);
    expect(endpoint.reaches('p-new')).toBe(true);
    expect(endpoint.reaches('p-none')).toBe(false);
    expect([endpoint.reachesByChat('p-lotse'), endpoint.reachesByChat('p-new')]).toEqual([true, false]);
    await endpoint.send({ kind: 'person', personId: 'p-new' }, { kind: 'notice', text: 'Hallo' });
    expect(endpoint.reachesByChat('p-new')).toBe(true);
    expect(connector.calls.map((call) => JSON.parse(call.reference) as unknown)).toEqual([
      { serviceUrl: 'http://x/', agentId: '28:bot', userId: 'aad-new', tenantId: 'tn' },
    ]);
    expect((await store.personalConversationOf('p-new'))?.conversationId).toBe('a:fake-aad-new');
    expect(await endpoint.send({ kind: 'person', personId: 'p-none' }, { kind: 'notice', text: 'x' })).toMatchObject({
      kind: 'undeliverable',
    });
  });

  it('refreshes cards whose ticket changed and sends cards to candidates with a chat', async () => {
    const { endpoint, rows, store } = await setup();
    await store.saveTicketCard({ ticketId: 't-1', conversationId: 'a:lotse', activityId: 'old', version: 1 });
    expect(await endpoint.refreshChangedCards()).toBe(1);
    expect(await endpoint.refreshChangedCards()).toBe(0); // already queued
    await endpoint.syncTicketCards(ticket);
    expect((await rows()).map((row) => [row.conversation_id, row.op])).toEqual([['a:lotse', 'ticket-card']]);
  });

  it('does not refresh cards in conversations that refused delivery', async () => {
    const { endpoint, store } = await setup();
    await store.saveTicketCard({ ticketId: 't-1', conversationId: 'a:lotse', activityId: 'old', version: 1 });
    await store.markUndeliverable('a:lotse', 'HTTP 403');
    expect(await endpoint.refreshChangedCards()).toBe(0);
  });
});
