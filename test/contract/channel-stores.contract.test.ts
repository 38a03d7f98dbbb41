/**
 * The channel stores that joined later (Teams references and cards, Jabber outbox and sessions) on SQLite and on a
 * real PostgreSQL: same behaviour on both (HR topic subscriptions: hr-stores.contract.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { TeamsStore } from '../../bot/adapters/channels/teams/teams-store.ts';
import { SqliteXmppStore } from '../../bot/adapters/channels/xmpp/sqlite-xmpp-store.ts';
import { useBackends } from './backends.ts';

const at = '2026-12-03T08:00:00.000Z';

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`channel stores on ${backend.name}`, () => {
    it('keeps Teams conversation references, links and one-time card actions', async () => {
      const { database, second } = await backend.fresh();
      const store = new TeamsStore(database);
      store.saveConversation({ conversationId: 'a:1', kind: 'personal', reference: '{"conversation":{"id":"a:1"}}', personId: 'p-sabine', serviceUrl: 'http://x/' }, at);
      store.saveConversation({ conversationId: 'a:1', kind: 'personal', reference: '{"conversation":{"id":"a:1"},"v":2}', personId: 'p-sabine', serviceUrl: 'http://x/' }, at);
      const replica = new TeamsStore(second());
      expect(replica.personalConversationOf('p-sabine')?.reference).toContain('"v":2');
      store.linkCoreConversation('core-1', 'a:1');
      expect(replica.teamsConversationOf('core-1')).toBe('a:1');
      expect(store.claimAction('action-1', at)).toBe(true);
      expect(replica.claimAction('action-1', at)).toBe(false);
    });

    it('keeps the Jabber outbox in order and sessions per JID', async () => {
      const { database } = await backend.fresh();
      const store = new SqliteXmppStore(database);
      store.enqueue([{ stanzaId: 's1', to: 'a@x', body: 'eins' }, { stanzaId: 's2', to: 'a@x', body: 'zwei' }], at);
      expect(store.pending().map((entry) => entry.body)).toEqual(['eins', 'zwei']);
      expect(store.remove('s1')).toBe(true);
      expect(store.size()).toBe(1);
      store.saveSession({ jid: 'a@x', conversationId: 'c1', lastRating: 'up', updatedAt: at });
      store.saveSession({ jid: 'a@x', conversationId: 'c2', updatedAt: at });
      expect(store.session('a@x')?.conversationId).toBe('c2');
    });
  });
}
