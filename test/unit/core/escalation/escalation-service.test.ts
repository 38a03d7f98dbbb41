import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import { SqlTicketStore } from '../../../../bot/adapters/storage/sql-ticket-store.ts';
import { createEscalationService } from '../../../../bot/core/escalation/escalation-service.ts';
import type { ChannelSender, OutboundMessage, Recipient } from '../../../../bot/ports/channel-sender.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadEscalationMessages } from '../../../../prompts/load-messages.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';
import { samplePolicy } from '../../../fakes/sample-tickets.ts';
import { memoryStore } from '../../../support/store-database.ts';

class RecordingSender implements ChannelSender {
  readonly sent: { recipient: Recipient; message: OutboundMessage }[] = [];
  async send(recipient: Recipient, message: OutboundMessage) {
    this.sent.push({ recipient, message });
    return { kind: 'delivered' as const };
  }
}

async function setup() {
  const conversations = new InMemoryConversationStore();
  const sender = new RecordingSender();
  const service = createEscalationService({
    tickets: new SqlTicketStore((await memoryStore()).store),
    conversations,
    directory: loadDirectory(join(import.meta.dirname, '../../../../knowledge/directory/musterland.yaml')),
    policy: samplePolicy,
    sender,
    clock: new FixedClock(),
    ids: new SequentialIds(),
    messages: loadEscalationMessages(),
    logger: silentLogger,
    personOf: (userId) => (userId === 'web-marek' ? 'p-marek' : undefined),
  });
  await conversations.ensureConversation({ id: 'c1', channel: 'web', userId: 'web-marek', at: 't' });
  await conversations.appendMessage({
    id: 'm1',
    conversationId: 'c1',
    role: 'user',
    text: 'Wie bestelle ich einen zweiten Bildschirm?',
    createdAt: 't',
  });
  await conversations.appendMessage({
    id: 'm2',
    conversationId: 'c1',
    role: 'bot',
    text: 'Dazu finde ich nichts.',
    outcome: 'no_answer',
    payload: JSON.stringify({ tried: [{ document: 'faq.md', title: 'FAQ', section: '' }] }),
    createdAt: 't',
  });
  return { service, sender, conversations };
}

describe('createEscalationService', () => {
  it('routes a ticket to the asker’s Lotse, notifies her, and delivers her answer to the asker’s conversation', async () => {
    const { service, sender } = await setup();
    const created = await service.escalate({ userId: 'web-marek', conversationId: 'c1', channel: 'web', reason: 'no_answer' });
    expect(created.kind).toBe('created');
    if (created.kind !== 'created') return;
    expect(created.ticket).toMatchObject({ number: 1, askerUnit: 'A50', candidates: ['p-aylin'], tried: [{ document: 'faq.md' }] });
    expect(created.message).toContain('Nr. 1');
    expect(sender.sent[0]).toMatchObject({ recipient: { kind: 'person', personId: 'p-aylin' }, message: { kind: 'ticket-created' } });
    expect((await service.act('1', { type: 'claim', by: 'p-aylin' })).kind).toBe('ok');
    expect(
      (await service.act(created.ticket.id, { type: 'answer', by: 'p-aylin', text: 'Über das Serviceportal, Kategorie Hardware.' })).kind,
    ).toBe('ok');
    const delivered = sender.sent.at(-1);
    expect(delivered?.recipient).toMatchObject({
      kind: 'conversation',
      reference: { channel: 'web', conversationId: 'c1' },
      userId: 'web-marek',
    });
    expect(delivered?.message.text).toContain('Aylin Demir');
    expect(delivered?.message.text).toContain('Serviceportal');
  });

  it('refuses a second claim politely and answers to unknown tickets', async () => {
    const { service } = await setup();
    await service.escalate({ userId: 'web-marek', conversationId: 'c1', channel: 'web', reason: 'user_request' });
    await service.act('1', { type: 'claim', by: 'p-aylin' });
    expect(await service.act('1', { type: 'claim', by: 'p-aylin' })).toMatchObject({ kind: 'refused', reason: 'wrong_state' });
    expect(await service.act('99', { type: 'claim', by: 'p-aylin' })).toMatchObject({ kind: 'refused', reason: 'not_found' });
  });

  it('does not open tickets for someone else’s conversation', async () => {
    const { service } = await setup();
    expect((await service.escalate({ userId: 'intruder', conversationId: 'c1', channel: 'web', reason: 'user_request' })).kind).toBe(
      'no_question',
    );
  });

  it('keeps the channel reference of the asker and reroutes to the central pool, notifying its Lotsen', async () => {
    const { service, sender } = await setup();
    const created = await service.escalate({
      userId: 'web-marek',
      conversationId: 'c1',
      channel: 'xmpp',
      reason: 'user_request',
      reference: 'marek@musterland.example',
    });
    if (created.kind !== 'created') throw new Error(created.kind);
    expect(created.ticket.replyTo).toEqual({ channel: 'xmpp', conversationId: 'c1', reference: 'marek@musterland.example' });
    const rerouted = await service.reroute('1', 'p-aylin', 'central');
    expect(rerouted).toMatchObject({
      kind: 'ok',
      ticket: { state: 'rerouted', pool: { kind: 'central' }, candidates: ['p-erika', 'p-jonas'] },
    });
    expect(sender.sent.slice(-2).map((entry) => entry.recipient)).toEqual([
      { kind: 'person', personId: 'p-erika' },
      { kind: 'person', personId: 'p-jonas' },
    ]);
    expect((await service.reroute('1', 'p-marek', 'dsb')).kind).toBe('refused');
  });
});
