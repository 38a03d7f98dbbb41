import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import type { StoreDatabase } from '../../../../bot/adapters/sql/store-database.ts';
import { SqlTicketStore } from '../../../../bot/adapters/storage/sql-ticket-store.ts';
import { createEscalationService } from '../../../../bot/core/escalation/escalation-service.ts';
import { officeMinutesBetween } from '../../../../bot/core/escalation/office-time.ts';
import type { ChannelSender, OutboundMessage, Recipient } from '../../../../bot/ports/channel-sender.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadEscalationMessages } from '../../../../prompts/load-messages.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';
import { samplePolicy } from '../../../fakes/sample-tickets.ts';
import { memoryStore } from '../../../support/store-database.ts';

const directory = loadDirectory(join(import.meta.dirname, '../../../../knowledge/directory/musterland.yaml'));
const hours = samplePolicy.officeHours;

class RecordingSender implements ChannelSender {
  readonly sent: { recipient: Recipient; message: OutboundMessage }[] = [];
  async send(recipient: Recipient, message: OutboundMessage) {
    this.sent.push({ recipient, message });
    return { kind: 'queued' as const };
  }
}

function service(database: StoreDatabase, clock: FixedClock, sender: RecordingSender, conversations = new InMemoryConversationStore()) {
  return {
    conversations,
    escalation: createEscalationService({
      tickets: new SqlTicketStore(database),
      conversations,
      directory,
      policy: samplePolicy,
      sender,
      clock,
      ids: new SequentialIds(),
      messages: loadEscalationMessages(),
      logger: silentLogger,
      personOf: (userId) => userId,
    }),
  };
}

describe('officeMinutesBetween', () => {
  it('counts only office hours on office days', () => {
    expect(officeMinutesBetween(new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T12:00:00Z'), hours)).toBe(240);
    expect(officeMinutesBetween(new Date('2026-11-27T15:00:00Z'), new Date('2026-11-30T08:00:00Z'), hours)).toBe(90);
  });
});

describe('reminders', () => {
  it('reminds the assignee, then deputies, then the central pool, each exactly once, also after a restart', async () => {
    const database = (await memoryStore()).store;
    const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
    const sender = new RecordingSender();
    const { escalation, conversations } = service(database, clock, sender);
    await conversations.ensureConversation({ id: 'c1', channel: 'web', userId: 'p-marek', at: 't' });
    await conversations.appendMessage({ id: 'm1', conversationId: 'c1', role: 'user', text: 'Wie bestelle ich Toner?', createdAt: 't' });
    const created = await escalation.escalate({ userId: 'p-marek', conversationId: 'c1', channel: 'web', reason: 'no_answer' });
    expect(created.kind).toBe('created');
    sender.sent.length = 0;

    clock.advance(239 * 60_000);
    expect(await escalation.remind()).toBe(0);
    clock.advance(60_000);
    expect(await escalation.remind()).toBe(1);
    expect(sender.sent.map((entry) => entry.recipient)).toEqual([{ kind: 'person', personId: 'p-aylin' }]);
    expect(await escalation.remind()).toBe(0);

    const restarted = service(database, clock, sender, conversations).escalation;
    clock.advance(4 * 60 * 60_000);
    expect(await restarted.remind()).toBe(1);
    expect(sender.sent.at(-1)?.recipient).toEqual({ kind: 'person', personId: 'p-erika' });
    expect((await restarted.queueFor('p-erika')).map((ticket) => ticket.number)).toEqual([1]);

    clock.advance(3 * 24 * 60 * 60_000);
    expect(await restarted.remind()).toBe(1);
    expect(await escalation.remind()).toBe(0);
    expect(sender.sent.filter((entry) => entry.message.kind === 'ticket-reminder')).toHaveLength(1 + 1 + 2);
  });

  it('sends nothing for answered tickets', async () => {
    const database = (await memoryStore()).store;
    const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
    const sender = new RecordingSender();
    const { escalation, conversations } = service(database, clock, sender);
    await conversations.ensureConversation({ id: 'c1', channel: 'web', userId: 'p-marek', at: 't' });
    await conversations.appendMessage({ id: 'm1', conversationId: 'c1', role: 'user', text: 'Frage?', createdAt: 't' });
    await escalation.escalate({ userId: 'p-marek', conversationId: 'c1', channel: 'web', reason: 'user_request' });
    await escalation.act('1', { type: 'answer', by: 'p-aylin', text: 'Antwort.' });
    clock.advance(10 * 24 * 60 * 60_000);
    expect(await escalation.remind()).toBe(0);
  });
});
