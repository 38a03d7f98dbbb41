import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import { SqlTicketStore } from '../../../../bot/adapters/storage/sql-ticket-store.ts';
import { createEscalationService } from '../../../../bot/core/escalation/escalation-service.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadEscalationMessages } from '../../../../prompts/load-messages.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';
import { samplePolicy } from '../../../fakes/sample-tickets.ts';
import { memoryStore } from '../../../support/store-database.ts';

describe('escalate (retries)', () => {
  it('returns the pending ticket of the same conversation and question instead of opening a second one', async () => {
    const conversations = new InMemoryConversationStore();
    const tickets = new SqlTicketStore((await memoryStore()).store);
    const escalation = createEscalationService({
      tickets,
      conversations,
      directory: loadDirectory(join(import.meta.dirname, '../../../../knowledge/directory/musterland.yaml')),
      policy: samplePolicy,
      sender: { send: async () => ({ kind: 'queued' as const }) },
      clock: new FixedClock(),
      ids: new SequentialIds(),
      messages: loadEscalationMessages(),
      logger: silentLogger,
      personOf: (userId) => userId,
    });
    await conversations.ensureConversation({ id: 'c1', channel: 'web', userId: 'p-marek', at: 't' });
    await conversations.appendMessage({ id: 'm1', conversationId: 'c1', role: 'user', text: 'Wie bestelle ich Toner?', createdAt: 't' });
    const first = await escalation.escalate({ userId: 'p-marek', conversationId: 'c1', channel: 'web', reason: 'no_answer' });
    const retried = await escalation.escalate({ userId: 'p-marek', conversationId: 'c1', channel: 'web', reason: 'no_answer' });
    expect(first.kind === 'created' && retried.kind === 'created' && retried.ticket.id === first.ticket.id).toBe(true);
    expect(retried.kind === 'created' && retried.message).toContain('1');
    await conversations.appendMessage({
      id: 'm2',
      conversationId: 'c1',
      role: 'user',
      text: 'Und wie bestelle ich Papier?',
      createdAt: 't2',
    });
    const next = await escalation.escalate({ userId: 'p-marek', conversationId: 'c1', channel: 'web', reason: 'no_answer' });
    expect(next.kind === 'created' && next.ticket.number).toBe(2);
    expect(await tickets.list({})).toHaveLength(2);
  });
});
