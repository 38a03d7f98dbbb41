import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SqliteConversationStore } from '../../bot/adapters/storage/sqlite-conversation-store.ts';
import { SqliteInbox } from '../../bot/adapters/storage/sqlite-inbox.ts';
import { SqliteFaqDrafts } from '../../bot/adapters/storage/sqlite-faq-drafts.ts';
import { FixedClock, SequentialIds } from '../fakes/fixed-clock.ts';
import { useBackends } from './backends.ts';

const message = (id: string, conversationId: string, text: string, extra: object = {}) => ({ id, conversationId, role: 'user' as const, text, createdAt: `2026-11-23T08:00:0${id.slice(-1)}.000Z`, ...extra });

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`conversation, inbox and FAQ-draft contract on ${backend.name}`, () => {
    it('keeps conversations with their owner, messages in order, and feedback (shared between replicas)', async () => {
      const { database, second } = await backend.fresh();
      const a = new SqliteConversationStore(database);
      const b = new SqliteConversationStore(second());
      expect(a.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-1', at: 't0' })).toBe(true);
      expect(b.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-2', at: 't0' })).toBe(false);
      a.appendMessage(message('m-1', 'c-1', 'Frage eins'));
      b.appendMessage({ ...message('m-2', 'c-1', 'Antwort'), role: 'bot', outcome: 'answered', payload: '{"citations":[{"documentId":"d-1"}]}' });
      a.appendMessage(message('m-3', 'c-1', 'Frage zwei'));
      expect(b.recentMessages('c-1', 2).map((entry) => entry.id)).toEqual(['m-2', 'm-3']);
      expect(b.getMessage('m-2')).toMatchObject({ role: 'bot', outcome: 'answered', text: 'Antwort' });
      expect(b.conversationOwner('c-1')).toBe('u-1');
      expect(a.conversationOwner('c-x')).toBeUndefined();
      a.recordFeedback({ messageId: 'm-2', rating: 'up', at: '2026-11-23T09:00:00.000Z' });
      b.recordFeedback({ messageId: 'm-2', rating: 'down', reason: 'veraltet', at: '2026-11-23T09:01:00.000Z' });
      expect(a.feedbackFor('m-2')).toEqual({ messageId: 'm-2', rating: 'down', reason: 'veraltet' });
      expect(a.negativeFeedback(10)).toEqual([{ messageId: 'm-2', at: '2026-11-23T09:01:00.000Z', documents: expect.any(Array), reason: 'veraltet' }]);
    });

    it('stores owners under the key on every replica and keys rows written in clear (issue #18, item 4)', async () => {
      const { database, second } = await backend.fresh();
      new SqliteConversationStore(database).ensureConversation({ id: 'c-clear', channel: 'web', userId: 'p-helga', at: 't0' });
      const ownerKey = (userId: string): string => createHmac('sha256', 'shared-key').update(userId).digest('hex').slice(0, 32);
      const a = new SqliteConversationStore(database, { ownerKey });
      const b = new SqliteConversationStore(second(), { ownerKey });
      expect(a.ensureConversation({ id: 'c-1', channel: 'web', userId: 'p-marek', at: 't0' })).toBe(true);
      expect([b.conversationOwner('c-1'), b.conversationOwner('c-clear')]).toEqual([ownerKey('p-marek'), ownerKey('p-helga')]);
      expect([b.isOwner('c-1', 'p-marek'), b.isOwner('c-1', 'p-helga'), b.isOwner('c-clear', 'p-helga'), b.isOwner('c-x', 'p-helga')]).toEqual([true, false, true, false]);
      expect(b.ensureConversation({ id: 'c-1', channel: 'web', userId: 'p-helga', at: 't0' })).toBe(false);
    });

    it('delivers to a person inbox and to the owner conversation only', async () => {
      const { database } = await backend.fresh();
      const conversations = new SqliteConversationStore(database);
      const inbox = new SqliteInbox(database, conversations, new FixedClock(), new SequentialIds());
      conversations.ensureConversation({ id: 'c-1', channel: 'web', userId: 'u-1', at: 't0' });
      expect(await inbox.send({ kind: 'person', personId: 'p-aylin' }, { kind: 'ticket-created', text: 'Neues Ticket', ticketId: 't-1' })).toEqual({ kind: 'queued' });
      expect(await inbox.send({ kind: 'person', personId: 'p-aylin' }, { kind: 'ticket-reminder', text: 'Erinnerung' })).toEqual({ kind: 'queued' });
      expect(inbox.unread('p-aylin').map((entry) => [entry.id, entry.text, entry.ticketId])).toEqual([[1, 'Neues Ticket', 't-1'], [2, 'Erinnerung', null]]);
      const reference = { channel: 'web' as const, conversationId: 'c-1' };
      expect(await inbox.send({ kind: 'conversation', userId: 'u-1', reference }, { kind: 'ticket-answered', text: 'Antwort der Lotsin' })).toEqual({ kind: 'delivered' });
      expect(await inbox.send({ kind: 'conversation', userId: 'u-2', reference }, { kind: 'ticket-answered', text: 'x' })).toMatchObject({ kind: 'undeliverable' });
      expect(conversations.recentMessages('c-1', 5).map((entry) => entry.text)).toEqual(['Antwort der Lotsin']);
    });

    it('numbers FAQ drafts, decides each once and sends each notice once', async () => {
      const { database, second } = await backend.fresh();
      const a = new SqliteFaqDrafts(database);
      const b = new SqliteFaqDrafts(second());
      const first = a.create({ ticketId: 't-1', question: 'Wie?', answer: 'So.', draftedBy: 'p-aylin', at: 't0' });
      const other = b.create({ ticketId: 't-2', question: 'Wo?', answer: 'Dort.', draftedBy: 'p-aylin', at: 't1' });
      expect([first.id, other.id]).toEqual([1, 2]);
      expect(b.decide(1, 'approved', 'p-dana', 't2')).toBe(true);
      expect(a.decide(1, 'rejected', 'p-dana', 't3')).toBe(false);
      expect(a.list('approved').map((draft) => draft.id)).toEqual([1]);
      expect(a.list().map((draft) => draft.state)).toEqual(['approved', 'draft']);
      expect(a.markNotice(1, 'owner', 't2')).toBe(true);
      expect(b.markNotice(1, 'owner', 't3')).toBe(false);
    });
  });
}
