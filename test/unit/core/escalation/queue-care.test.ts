import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import type { StoreDatabase } from '../../../../bot/adapters/sql/store-database.ts';
import { SqlTicketStore } from '../../../../bot/adapters/storage/sql-ticket-store.ts';
import { createEscalationService } from '../../../../bot/core/escalation/escalation-service.ts';
import { asksForOwnLotse, describeOwnLotsen } from '../../../../bot/core/escalation/who-is-my-lotse.ts';
import type { ChannelSender, OutboundMessage, Recipient } from '../../../../bot/ports/channel-sender.ts';
import type { Directory } from '../../../../bot/ports/directory.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadEscalationMessages } from '../../../../prompts/load-messages.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';
import { samplePolicy } from '../../../fakes/sample-tickets.ts';
import { memoryStore } from '../../../support/store-database.ts';

const directory = loadDirectory(join(import.meta.dirname, '../../../../knowledge/directory/musterland.yaml'));
const messages = loadEscalationMessages();

/** The directory after a person left. */
function without(personId: string): Directory {
  return {
    ...Object.fromEntries(
      Object.getOwnPropertyNames(Object.getPrototypeOf(directory)).map((name) => [
        name,
        (directory as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!.bind(directory),
      ]),
    ),
    person: (id: string) => (id === personId ? undefined : directory.person(id)),
  } as unknown as Directory;
}

class RecordingSender implements ChannelSender {
  readonly sent: { recipient: Recipient; message: OutboundMessage }[] = [];
  async send(recipient: Recipient, message: OutboundMessage) {
    this.sent.push({ recipient, message });
    return { kind: 'queued' as const };
  }
}

function setup(
  database: StoreDatabase,
  clock: FixedClock,
  sender: RecordingSender,
  people: Directory = directory,
  conversations = new InMemoryConversationStore(),
) {
  const escalation = createEscalationService({
    tickets: new SqlTicketStore(database),
    conversations,
    directory: people,
    policy: samplePolicy,
    sender,
    clock,
    ids: new SequentialIds(),
    messages,
    logger: silentLogger,
    personOf: (userId) => userId,
  });
  return { escalation, conversations };
}

async function ticketFrom(
  escalation: ReturnType<typeof setup>['escalation'],
  conversations: InMemoryConversationStore,
  id: string,
  asker = 'p-marek',
) {
  await conversations.ensureConversation({ id, channel: 'web', userId: asker, at: 't' });
  await conversations.appendMessage({
    id: `${id}-m`,
    conversationId: id,
    role: 'user',
    text: `Wie beantrage ich Zugang ${id}?`,
    createdAt: 't',
  });
  const created = await escalation.escalate({ userId: asker, conversationId: id, channel: 'web', reason: 'no_answer' });
  if (created.kind !== 'created') throw new Error(created.kind);
  return created.ticket;
}

describe('queue care', () => {
  it('expires a ticket after expire_after_days and tells the asker in their conversation', async () => {
    const database = (await memoryStore()).store;
    const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
    const sender = new RecordingSender();
    const { escalation, conversations } = setup(database, clock, sender);
    const ticket = await ticketFrom(escalation, conversations, 'c1');
    clock.advance((samplePolicy.expireAfterDays - 1) * 86_400_000);
    expect(await escalation.housekeeping()).toBe(0);
    clock.advance(86_400_000);
    expect(await escalation.housekeeping()).toBe(1);
    expect((await escalation.get(ticket.id))?.state).toBe('expired');
    expect(sender.sent.at(-1)).toMatchObject({
      recipient: { kind: 'conversation', userId: 'p-marek' },
      message: { kind: 'ticket-update' },
    });
    expect(sender.sent.at(-1)?.message.text).toContain(`Nr. ${ticket.number}`);
    expect(await escalation.housekeeping()).toBe(0);
  });

  it('moves tickets of a Lotse who left the directory to the remaining candidates or a fresh routing', async () => {
    const database = (await memoryStore()).store;
    const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
    const sender = new RecordingSender();
    const before = setup(database, clock, sender);
    const ticket = await ticketFrom(before.escalation, before.conversations, 'c1');
    expect(ticket.candidates).toEqual(['p-aylin']);
    expect((await before.escalation.act(ticket.id, { type: 'claim', by: 'p-aylin' })).kind).toBe('ok');
    const after = setup(database, clock, sender, without('p-aylin'), before.conversations);
    expect(await after.escalation.housekeeping()).toBe(1);
    const moved = (await after.escalation.get(ticket.id))!;
    expect(moved.assignee).toBeUndefined();
    expect(moved.candidates).toEqual(['p-erika']);
    expect(moved.state).toBe('rerouted');
    expect(sender.sent.at(-1)).toMatchObject({ recipient: { kind: 'person', personId: 'p-erika' }, message: { kind: 'ticket-created' } });
    expect((await after.escalation.act(ticket.id, { type: 'claim', by: 'p-erika' })).kind).toBe('ok');
  });

  it('sends one digest per person and office day, also across a restart', async () => {
    const database = (await memoryStore()).store;
    const clock = new FixedClock(new Date('2026-11-23T06:00:00Z'));
    const sender = new RecordingSender();
    const { escalation, conversations } = setup(database, clock, sender);
    await ticketFrom(escalation, conversations, 'c1');
    await ticketFrom(escalation, conversations, 'c2');
    sender.sent.length = 0;
    expect(await escalation.digest()).toBe(0);
    clock.advance(2 * 60 * 60_000);
    expect(await escalation.digest()).toBe(1);
    expect(sender.sent[0]?.recipient).toEqual({ kind: 'person', personId: 'p-aylin' });
    expect(sender.sent[0]?.message.text.split('\n')).toHaveLength(3);
    // German state names and dates, as everywhere else (issue #19, item 5).
    expect(sender.sent[0]?.message.text).toContain('(offen, seit 23.11.2026)');
    expect(sender.sent[0]?.message.text).not.toMatch(/\bopen\b|2026-11-23/);
    expect(await setup(database, clock, sender, directory, conversations).escalation.digest()).toBe(0);
    clock.advance(24 * 60 * 60_000);
    expect(await escalation.digest()).toBe(1);
  });
});

describe('Wer ist mein Digitallotse?', () => {
  it('recognises the question in several forms and nothing else', () => {
    for (const text of ['Wer ist mein Digitallotse?', 'wer sind unsere Digitallotsen', 'Wer ist meine zuständige Digital-Lotsin?'])
      expect(asksForOwnLotse(text)).toBe(true);
    for (const text of ['Was macht ein Digitallotse?', 'Wie werde ich Digitallotsin?']) expect(asksForOwnLotse(text)).toBe(false);
  });

  it('names the Lotsen and deputies of the asker unit, inherited from the parent unit, else the central pool', () => {
    const central = samplePolicy.centralPool;
    const sabine = describeOwnLotsen({ directory, messages, centralPool: central }, 'p-sabine');
    expect(sabine.text).toContain('Straßenverkehrsamt');
    expect(sabine.text).toContain('Tobias Lange');
    expect(sabine.text).toContain('Jonas Beispiel');
    expect(sabine.citation.title).toBe('Organisationsverzeichnis');
    const unknown = describeOwnLotsen({ directory, messages, centralPool: central }, undefined);
    expect(unknown.text).toContain('zentrale Digitallotsen-Team');
  });
});

describe('IT faults', () => {
  it('routes to the IT service desk and tells the asker what the desk will need', async () => {
    const database = (await memoryStore()).store;
    const sender = new RecordingSender();
    const { escalation, conversations } = setup(database, new FixedClock(new Date('2026-11-23T08:00:00Z')), sender);
    await conversations.ensureConversation({ id: 'c1', channel: 'web', userId: 'p-marek', at: 't' });
    await conversations.appendMessage({
      id: 'm1',
      conversationId: 'c1',
      role: 'user',
      text: 'Mein Drucker zeigt eine Fehlermeldung',
      createdAt: 't',
    });
    const created = await escalation.escalate({ userId: 'p-marek', conversationId: 'c1', channel: 'web', reason: 'user_request' });
    expect(created.kind).toBe('created');
    if (created.kind !== 'created') return;
    expect(created.ticket.pool).toEqual({ kind: 'it-servicedesk' });
    expect(created.message).toContain('genaue Fehlermeldung');
  });
});
