import { createHmac } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import { SqlConversationStore } from '../../bot/adapters/storage/sql-conversation-store.ts';
import { SqlInbox } from '../../bot/adapters/storage/sql-inbox.ts';
import type { ConversationStore } from '../../bot/ports/conversation-store.ts';
import { InMemoryConversationStore } from '../fakes/in-memory-conversation-store.ts';
import { FixedClock, SequentialIds } from '../fakes/fixed-clock.ts';
import { useBackends } from './backends.ts';

const message = (id: string, conversationId: string, text: string, extra: object = {}) => ({
  id,
  conversationId,
  role: 'user' as const,
  text,
  createdAt: `2026-11-23T08:00:0${id.slice(-1)}.000Z`,
  ...extra,
});

/** The `ConversationStore` contract: `open()` gives two stores on the same data (two replicas; the fake: one). */
function conversationStoreContract(
  name: string,
  available: boolean,
  open: () => Promise<{ a: ConversationStore; b: ConversationStore }>,
): void {
  describe.skipIf(!available)(`conversation store contract on ${name}`, () => {
    it('keeps conversations with their owner, messages in order, and feedback (shared between replicas)', async () => {
      const { a, b } = await open();
      expect(await a.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-1', at: 't0' })).toBe(true);
      expect(await b.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-2', at: 't0' })).toBe(false);
      expect(await a.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-1', at: 't1' })).toBe(true);
      await a.appendMessage(message('m-1', 'c-1', 'Frage eins'));
      await b.appendMessage({
        ...message('m-2', 'c-1', 'Antwort'),
        role: 'bot',
        outcome: 'answered',
        payload: '{"citations":[{"document":"d-1"}]}',
      });
      await a.appendMessage(message('m-3', 'c-1', 'Frage zwei'));
      expect((await b.recentMessages('c-1', 2)).map((entry) => entry.id)).toEqual(['m-2', 'm-3']);
      expect((await b.messagesUntil('c-1', 'm-2', 5)).map((entry) => entry.id)).toEqual(['m-1', 'm-2']);
      expect(await b.messagesUntil('c-1', 'm-x', 5)).toEqual([]);
      expect(await b.getMessage('m-2')).toMatchObject({ role: 'bot', outcome: 'answered', text: 'Antwort' });
      expect(await b.getMessage('m-x')).toBeUndefined();
      expect(await b.conversationOwner('c-1')).toBe('u-1');
      expect(await a.conversationOwner('c-x')).toBeUndefined();
      expect([await b.isOwner('c-1', 'u-1'), await b.isOwner('c-1', 'u-2'), await b.isOwner('c-x', 'u-1')]).toEqual([true, false, false]);
      await a.recordFeedback({ messageId: 'm-2', rating: 'up', at: '2026-11-23T09:00:00.000Z' });
      expect(await a.negativeFeedback(10)).toEqual([]);
      await b.recordFeedback({ messageId: 'm-2', rating: 'down', reason: 'veraltet', at: '2026-11-23T09:01:00.000Z' });
      expect(await a.feedbackFor('m-2')).toEqual({ messageId: 'm-2', rating: 'down', reason: 'veraltet' });
      expect(await a.feedbackFor('m-1')).toBeUndefined();
      expect(await a.negativeFeedback(10)).toEqual([
        { messageId: 'm-2', at: '2026-11-23T09:01:00.000Z', documents: ['d-1'], reason: 'veraltet' },
      ]);
    });
  });
}

/** `store` with a statement counter (every statement its `db` executes, outside transactions). */
function counting(store: StoreDatabase): { database: StoreDatabase; statements: () => number } {
  let count = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count += 1;
      return args.result;
    },
  };
  const database: StoreDatabase = {
    dialect: store.dialect,
    db: store.db.withPlugin(counter),
    transaction: (work) => store.transaction(work),
    ping: () => store.ping(),
    gauges: () => store.gauges(),
    close: () => store.close(),
  };
  return { database, statements: () => count };
}

conversationStoreContract('the in-memory fake', true, async () => {
  const store = new InMemoryConversationStore();
  return { a: store, b: store };
});

for (const backend of useBackends()) {
  conversationStoreContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlConversationStore(store), b: new SqlConversationStore(await secondStore()) };
  });

  describe.skipIf(!backend.available)(`conversation round trips on ${backend.name}`, () => {
    // PostgreSQL inserts and reads in one statement; SQLite (in process, no network) reads first.
    const creating = backend.name === 'postgres' ? 1 : 2;
    it(`finds an existing conversation in one statement and creates a new one in ${creating}; a race agrees on one owner`, async () => {
      const { store, secondStore } = await backend.fresh();
      const { database, statements } = counting(store);
      const a = new SqlConversationStore(database);
      const b = new SqlConversationStore(await secondStore());
      const turn = async (work: () => Promise<boolean>): Promise<[boolean, number]> => {
        const before = statements();
        return [await work(), statements() - before];
      };
      expect(await turn(() => a.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-1', at: 't0' }))).toEqual([true, creating]);
      expect(await turn(() => a.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-1', at: 't1' }))).toEqual([true, 1]);
      expect(await turn(() => a.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-2', at: 't1' }))).toEqual([false, 1]);
      const racing = await Promise.all(
        [a, b, a, b].map((replica, index) => replica.ensureConversation({ id: 'c-2', channel: 'web', userId: `u-${index}`, at: 't2' })),
      );
      expect(racing.filter(Boolean)).toHaveLength(1);
      expect(await b.conversationOwner('c-2')).toBe(`u-${racing.indexOf(true)}`);
    });
  });

  describe.skipIf(!backend.available)(`owner keys and inbox contract on ${backend.name}`, () => {
    it('stores owners under the key on every replica and keys rows written in clear (issue #18, item 4)', async () => {
      const { store, secondStore } = await backend.fresh();
      await new SqlConversationStore(store).ensureConversation({ id: 'c-clear', channel: 'web', userId: 'p-helga', at: 't0' });
      const ownerKey = (userId: string): string => createHmac('sha256', 'shared-key').update(userId).digest('hex').slice(0, 32);
      const a = new SqlConversationStore(store, { ownerKey });
      expect(await a.pseudonymizeOwners(ownerKey)).toBe(1);
      const b = new SqlConversationStore(await secondStore(), { ownerKey });
      expect(await b.pseudonymizeOwners(ownerKey)).toBe(0);
      expect(await a.ensureConversation({ id: 'c-1', channel: 'web', userId: 'p-marek', at: 't0' })).toBe(true);
      expect([await b.conversationOwner('c-1'), await b.conversationOwner('c-clear')]).toEqual([ownerKey('p-marek'), ownerKey('p-helga')]);
      expect([
        await b.isOwner('c-1', 'p-marek'),
        await b.isOwner('c-1', 'p-helga'),
        await b.isOwner('c-clear', 'p-helga'),
        await b.isOwner('c-x', 'p-helga'),
      ]).toEqual([true, false, true, false]);
      expect(await b.ensureConversation({ id: 'c-1', channel: 'web', userId: 'p-helga', at: 't0' })).toBe(false);
    });

    it('delivers to a person inbox and to the owner conversation only', async () => {
      const { store } = await backend.fresh();
      const conversations = new SqlConversationStore(store);
      const inbox = new SqlInbox(store, conversations, new FixedClock(), new SequentialIds());
      await conversations.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-1', at: 't0' });
      expect(
        await inbox.send({ kind: 'person', personId: 'p-aylin' }, { kind: 'ticket-created', text: 'Neues Ticket', ticketId: 't-1' }),
      ).toEqual({ kind: 'queued' });
      expect(await inbox.send({ kind: 'person', personId: 'p-aylin' }, { kind: 'ticket-reminder', text: 'Erinnerung' })).toEqual({
        kind: 'queued',
      });
      expect((await inbox.unread('p-aylin')).map((entry) => [entry.id, entry.text, entry.ticketId])).toEqual([
        [1, 'Neues Ticket', 't-1'],
        [2, 'Erinnerung', null],
      ]);
      const reference = { channel: 'web' as const, conversationId: 'c-1' };
      expect(
        await inbox.send({ kind: 'conversation', userId: 'u-1', reference }, { kind: 'ticket-answered', text: 'Antwort der Lotsin' }),
      ).toEqual({ kind: 'delivered' });
      expect(await inbox.send({ kind: 'conversation', userId: 'u-2', reference }, { kind: 'ticket-answered', text: 'x' })).toMatchObject({
        kind: 'undeliverable',
      });
      expect((await conversations.recentMessages('c-1', 5)).map((entry) => entry.text)).toEqual(['Antwort der Lotsin']);
    });
  });
}
