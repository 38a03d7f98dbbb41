/**
 * Scheduled work across replicas: three escalation services, each with its own PostgreSQL connection
 * (as three replicas have), run their reminder sweep at the same moment; every reminder step is sent
 * exactly once because each replica records the step (INSERT … ON CONFLICT DO NOTHING) before sending.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../bot/adapters/directory/load-directory.ts';
import { SqlConversationStore } from '../../../bot/adapters/storage/sql-conversation-store.ts';
import { runMigrations } from '../../../bot/adapters/sql/migrations/run-migrations.ts';
import { postgresStoreDatabase } from '../../../bot/adapters/sql/postgres-store-database.ts';
import type { StoreDatabase } from '../../../bot/adapters/sql/store-database.ts';
import { SqlTicketStore } from '../../../bot/adapters/storage/sql-ticket-store.ts';
import { createEscalationService } from '../../../bot/core/escalation/escalation-service.ts';
import type { ChannelSender, OutboundMessage, Recipient } from '../../../bot/ports/channel-sender.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { loadEscalationMessages } from '../../../prompts/load-messages.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';
import { samplePolicy } from '../../fakes/sample-tickets.ts';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, type TestPostgres } from '../../support/postgres.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);
const directory = loadDirectory(join(import.meta.dirname, '../../../knowledge/directory/musterland.yaml'));

class RecordingSender implements ChannelSender {
  readonly sent: { recipient: Recipient; message: OutboundMessage }[] = [];
  async send(recipient: Recipient, message: OutboundMessage) {
    await new Promise((resolve) => setImmediate(resolve)); // let the other replicas interleave
    this.sent.push({ recipient, message });
    return { kind: 'queued' as const };
  }
}

describe.skipIf(!bin)('reminders across three replicas on PostgreSQL', () => {
  let server: TestPostgres;
  const stores: StoreDatabase[] = [];
  beforeAll(async () => {
    server = await startTestPostgres(bin);
  }, 60_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
    server?.destroy();
  });

  it('sends each due reminder step once, whichever replica gets there first', async () => {
    const url = await server.createDatabase('reminders');
    const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
    const sender = new RecordingSender();
    const replicas = await Promise.all(
      [0, 1, 2].map(async (index) => {
        const store = postgresStoreDatabase(url);
        stores.push(store);
        await runMigrations(store);
        const conversations = new SqlConversationStore(store);
        const ids = { next: (prefix: string) => `${prefix}-r${index}-${randomUUID()}` };
        return {
          conversations,
          escalation: createEscalationService({
            tickets: new SqlTicketStore(store),
            conversations,
            directory,
            policy: samplePolicy,
            sender,
            clock,
            ids,
            messages: loadEscalationMessages(),
            logger: silentLogger,
            personOf: (userId) => userId,
          }),
        };
      }),
    );
    for (let index = 0; index < 6; index += 1) {
      const replica = replicas[index % 3]!;
      await replica.conversations.ensureConversation({ id: `c${index}`, channel: 'web', userId: 'p-marek', at: 't' });
      await replica.conversations.appendMessage({
        id: `m${index}`,
        conversationId: `c${index}`,
        role: 'user',
        text: `Wie bestelle ich Toner für Drucker ${index}?`,
        createdAt: 't',
      });
      expect(
        (await replica.escalation.escalate({ userId: 'p-marek', conversationId: `c${index}`, channel: 'web', reason: 'no_answer' })).kind,
      ).toBe('created');
    }
    sender.sent.length = 0;
    clock.advance(240 * 60_000);
    const first = await Promise.all(replicas.map((replica) => replica.escalation.remind()));
    expect(first.reduce((sum, count) => sum + count, 0)).toBe(6);
    expect(sender.sent.filter((entry) => entry.message.kind === 'ticket-reminder')).toHaveLength(6);
    expect(new Set(sender.sent.map((entry) => entry.message.ticketId)).size).toBe(6);
    const again = await Promise.all(replicas.map((replica) => replica.escalation.remind()));
    expect(again).toEqual([0, 0, 0]);
    expect(sender.sent).toHaveLength(6);
  }, 60_000);
});
