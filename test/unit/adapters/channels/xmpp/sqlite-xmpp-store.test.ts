import { describe, expect, it } from 'vitest';
import { SqliteXmppStore } from '../../../../../bot/adapters/channels/xmpp/sqlite-xmpp-store.ts';
import { openMemoryDatabase } from '../../../../../bot/adapters/storage/sqlite-database.ts';

describe('SqliteXmppStore', () => {
  it('keeps outbox entries in order until they are removed, and survives a second migration run', () => {
    const database = openMemoryDatabase();
    const store = new SqliteXmppStore(database);
    store.enqueue([{ stanzaId: 's1', to: 'a@x', body: 'eins' }, { stanzaId: 's2', to: 'b@x', body: 'zwei' }], '2026-12-01T10:00:00Z');
    store.markAttempt('s1');
    expect(new SqliteXmppStore(database).pending().map((entry) => entry.body)).toEqual(['eins', 'zwei']);
    expect(store.remove('s1')).toBe(true);
    expect(store.remove('s1')).toBe(false);
    expect(store.pending()).toEqual([{ id: 2, stanzaId: 's2', to: 'b@x', body: 'zwei', createdAt: '2026-12-01T10:00:00Z' }]);
    expect(store.size()).toBe(1);
  });

  it('stores and updates the session of a JID', () => {
    const store = new SqliteXmppStore(openMemoryDatabase());
    expect(store.session('a@x')).toBeUndefined();
    store.saveSession({ jid: 'a@x', conversationId: 'c1', lastMessageId: 'm1', lastOutcome: 'answered', updatedAt: 't1' });
    store.saveSession({ jid: 'a@x', conversationId: 'c1', lastMessageId: 'm2', lastOutcome: 'no_answer', lastRating: 'down', updatedAt: 't2' });
    expect(store.session('a@x')).toEqual({ jid: 'a@x', conversationId: 'c1', lastMessageId: 'm2', lastOutcome: 'no_answer', lastRating: 'down', updatedAt: 't2' });
  });
});
