/**
 * The channel stores (Teams references, cards, actions and preferences; the Teams outbox; the Jabber outbox and
 * sessions) as contracts: the stores on the in-memory fakes, SQLite and a real PostgreSQL, two replicas sharing
 * one database where it matters; the Teams outbox pumped by two replicas sends every row exactly once. Rows of
 * older and newer lotse versions: channel-stores-compatibility.contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectorOutcome } from '../../bot/adapters/channels/teams/teams-connector.ts';
import { SqlTeamsStore, type TeamsStore } from '../../bot/adapters/channels/teams/teams-store.ts';
import { SqlXmppStore, type XmppStore } from '../../bot/adapters/channels/xmpp/sql-xmpp-store.ts';
import { FakeTeamsConnector, type FakeConnectorCall } from '../fakes/fake-teams-connector.ts';
import { InMemoryTeamsStore } from '../fakes/in-memory-teams-store.ts';
import { InMemoryXmppStore } from '../fakes/in-memory-xmpp-store.ts';
import { useBackends } from './backends.ts';
import { at, later, outboxOn, reference } from './channel-store-support.ts';

/** The `TeamsStore` contract: `open()` gives two stores on the same data (two replicas; the fake: one). */
function teamsStoreContract(name: string, available: boolean, open: () => Promise<{ a: TeamsStore; b: TeamsStore }>): void {
  describe.skipIf(!available)(`Teams store contract on ${name}`, () => {
    it('keeps conversation references, refreshes them and knows who has a deliverable 1:1 chat', async () => {
      const { a, b } = await open();
      expect(await b.latestEndpoint()).toBeUndefined();
      await a.saveConversation(
        {
          conversationId: 'a:1',
          kind: 'personal',
          reference: reference('a:1'),
          personId: 'p-sabine',
          aadObjectId: 'aad-1',
          tenantId: 't-1',
          serviceUrl: 'http://x/',
        },
        at,
      );
      await a.saveConversation(
        { conversationId: 'a:1', kind: 'personal', reference: reference('a:1', { v: 2 }), serviceUrl: 'http://y/' },
        later,
      );
      await a.saveConversation(
        { conversationId: '19:team', kind: 'channel', reference: reference('19:team'), personId: 'p-marek', serviceUrl: 'http://x/' },
        at,
      );
      const stored = await b.personalConversationOf('p-sabine');
      expect(stored).toEqual({
        conversationId: 'a:1',
        kind: 'personal',
        reference: reference('a:1', { v: 2 }),
        personId: 'p-sabine',
        aadObjectId: 'aad-1',
        tenantId: 't-1',
        serviceUrl: 'http://y/',
      });
      expect(await b.personalConversationOf('p-marek')).toBeUndefined();
      expect(await b.personsWithPersonalConversation()).toEqual(['p-sabine']);
      expect(await b.latestEndpoint()).toEqual({ serviceUrl: 'http://y/', agentId: 'bot-1', tenantId: 't-1' });
      await b.markUndeliverable('a:1', 'HTTP 403');
      expect(await a.personalConversationOf('p-sabine')).toBeUndefined();
      expect((await a.conversation('a:1'))?.undeliverable).toBe('HTTP 403');
      expect(await a.personsWithPersonalConversation()).toEqual([]);
      await a.saveConversation({ conversationId: 'a:1', kind: 'personal', reference: reference('a:1'), serviceUrl: 'http://y/' }, later);
      expect((await b.personalConversationOf('p-sabine'))?.undeliverable).toBeUndefined();
      expect(await b.conversation('a:x')).toBeUndefined();
    });

    it('links core conversations, keeps ticket cards with their activity id, and preferences', async () => {
      const { a, b } = await open();
      await a.linkCoreConversation('core-1', 'a:1');
      await b.linkCoreConversation('core-1', 'a:2');
      expect([await a.teamsConversationOf('core-1'), await a.teamsConversationOf('core-x')]).toEqual(['a:2', undefined]);
      await a.saveTicketCard({ ticketId: 't-1', conversationId: 'a:1', version: 1 });
      await a.saveTicketCard({ ticketId: 't-1', conversationId: 'a:1', activityId: 'act-1', version: 2 });
      await b.saveTicketCard({ ticketId: 't-1', conversationId: 'a:1', version: 3 });
      await b.saveTicketCard({ ticketId: 't-0', conversationId: 'a:2', activityId: 'act-0', version: 1 });
      expect(await a.ticketCard('t-1', 'a:1')).toEqual({ ticketId: 't-1', conversationId: 'a:1', activityId: 'act-1', version: 3 });
      expect(await a.ticketCard('t-1', 'a:2')).toBeUndefined();
      expect(await b.ticketCards()).toEqual([
        { ticketId: 't-0', conversationId: 'a:2', activityId: 'act-0', version: 1 },
        { ticketId: 't-1', conversationId: 'a:1', activityId: 'act-1', version: 3 },
      ]);
      expect(await a.plainLanguage('u-1')).toBeUndefined();
      await a.setPlainLanguage('u-1', true, at);
      expect(await b.plainLanguage('u-1')).toBe(true);
      await b.setPlainLanguage('u-1', false, later);
      expect(await a.plainLanguage('u-1')).toBe(false);
    });

    it('claims a card action once across replicas, also when both try at the same time, and frees it again', async () => {
      const { a, b } = await open();
      expect(await a.claimAction('action-1', at)).toBe(true);
      expect(await b.claimAction('action-1', at)).toBe(false);
      await b.releaseAction('action-1');
      expect(await b.claimAction('action-1', at)).toBe(true);
      const race = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 ? a : b).claimAction('action-2', at)));
      expect(race.filter(Boolean)).toHaveLength(1);
    });
  });
}

/** The `XmppStore` contract: `open()` gives two stores on the same data (two replicas; the fake: one). */
function xmppStoreContract(name: string, available: boolean, open: () => Promise<{ a: XmppStore; b: XmppStore }>): void {
  describe.skipIf(!available)(`Jabber store contract on ${name}`, () => {
    it('keeps the outbox in order until a message is acknowledged, on every replica', async () => {
      const { a, b } = await open();
      await a.enqueue(
        [
          { stanzaId: 's1', to: 'a@x', body: 'eins' },
          { stanzaId: 's2', to: 'b@x', body: 'zwei' },
        ],
        at,
      );
      await b.enqueue([{ stanzaId: 's3', to: 'a@x', body: 'drei' }], later);
      await a.enqueue([], later);
      await a.markAttempt('s1');
      expect((await b.pending()).map((entry) => [entry.stanzaId, entry.to, entry.body, entry.createdAt])).toEqual([
        ['s1', 'a@x', 'eins', at],
        ['s2', 'b@x', 'zwei', at],
        ['s3', 'a@x', 'drei', later],
      ]);
      expect((await b.pending(1)).map((entry) => entry.stanzaId)).toEqual(['s1']);
      expect(await b.remove('s1')).toBe(true);
      expect(await a.remove('s1')).toBe(false);
      expect(await a.size()).toBe(2);
      await expect(
        a.enqueue(
          [
            { stanzaId: 's4', to: 'a@x', body: 'vier' },
            { stanzaId: 's2', to: 'a@x', body: 'doppelt' },
          ],
          later,
        ),
      ).rejects.toThrow();
      expect((await b.pending()).map((entry) => entry.stanzaId)).toEqual(['s2', 's3']);
    });

    it('keeps sessions per JID with suggestions and the Leichte-Sprache choice', async () => {
      const { a, b } = await open();
      expect(await a.session('a@x')).toBeUndefined();
      await a.saveSession({
        jid: 'a@x',
        conversationId: 'c1',
        lastMessageId: 'm1',
        lastOutcome: 'answered',
        lastRating: 'up',
        updatedAt: at,
      });
      await a.saveSuggestions('a@x', ['Frage eins', 'Frage zwei']);
      await b.saveSession({ jid: 'a@x', conversationId: 'c2', lastMessageId: 'm2', lastOutcome: 'no_answer', updatedAt: later });
      expect(await a.session('a@x')).toEqual({
        jid: 'a@x',
        conversationId: 'c2',
        lastMessageId: 'm2',
        lastOutcome: 'no_answer',
        updatedAt: later,
        suggestions: ['Frage eins', 'Frage zwei'],
      });
      await b.savePlainLanguage('a@x', false, later);
      expect((await a.session('a@x'))?.plainLanguage).toBe(false);
      await a.savePlainLanguage('new@x', true, at);
      expect(await b.session('new@x')).toEqual({ jid: 'new@x', updatedAt: at, plainLanguage: true });
      await a.saveSuggestions('nobody@x', ['x']);
      expect(await b.session('nobody@x')).toBeUndefined();
    });
  });
}

teamsStoreContract('the in-memory fake', true, async () => {
  const store = new InMemoryTeamsStore();
  return { a: store, b: store };
});
xmppStoreContract('the in-memory fake', true, async () => {
  const store = new InMemoryXmppStore();
  return { a: store, b: store };
});

for (const backend of useBackends()) {
  teamsStoreContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlTeamsStore(store), b: new SqlTeamsStore(await secondStore()) };
  });
  xmppStoreContract(backend.name, backend.available, async () => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlXmppStore(store), b: new SqlXmppStore(await secondStore()) };
  });

  describe.skipIf(!backend.available)(`Teams outbox on ${backend.name}`, () => {
    it('sends every row exactly once and in order per conversation when two replicas pump the same table', async () => {
      const { store, secondStore } = await backend.fresh();
      const other = await secondStore();
      const teams = new SqlTeamsStore(store);
      const conversations = ['a:1', 'a:2', 'a:3', 'a:4'];
      for (const id of conversations)
        await teams.saveConversation({ conversationId: id, kind: 'personal', reference: reference(id), serviceUrl: 'http://x/' }, at);
      const order: { conversation: string; text: string }[] = [];
      const record = (call: FakeConnectorCall): ConnectorOutcome => {
        order.push({
          conversation: (JSON.parse(call.reference) as { conversation: { id: string } }).conversation.id,
          text: String(call.activity?.text),
        });
        return { kind: 'ok' };
      };
      const [one, two] = [new FakeTeamsConnector(record), new FakeTeamsConnector(record)];
      const a = outboxOn(store, teams, one);
      const b = outboxOn(other, new SqlTeamsStore(other), two);
      for (let index = 0; index < 40; index += 1) {
        await (index % 2 ? a : b).enqueue({
          op: 'activity',
          conversationId: conversations[index % 4]!,
          activity: { type: 'message', text: `m${index}` },
        });
      }
      expect(await b.pendingCount()).toBe(40);
      a.start();
      b.start();
      await Promise.all([a.idle(20_000), b.idle(20_000)]);
      await Promise.all([a.stop(), b.stop()]);
      expect(order.map((call) => call.text).sort()).toEqual(Array.from({ length: 40 }, (_, index) => `m${index}`).sort());
      expect([a.stats.sent + b.stats.sent, one.calls.length + two.calls.length]).toEqual([40, 40]);
      for (const id of conversations) {
        const numbers = order.filter((call) => call.conversation === id).map((call) => Number(call.text.slice(1)));
        expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
      }
      expect([await a.pendingCount(), await a.dueCount()]).toEqual([0, 0]);
    });

    it('queues a waiting ticket card once, counts due rows and purges finished rows', async () => {
      const { store } = await backend.fresh();
      const teams = new SqlTeamsStore(store);
      await teams.saveConversation({ conversationId: 'a:1', kind: 'personal', reference: reference('a:1'), serviceUrl: 'http://x/' }, at);
      const connector = new FakeTeamsConnector();
      const outbox = outboxOn(store, teams, connector);
      const first = await outbox.enqueue({ op: 'ticket-card', conversationId: 'a:1', ticketId: 't-1' });
      expect(first).toBeTypeOf('number');
      expect(await outbox.enqueue({ op: 'ticket-card', conversationId: 'a:1', ticketId: 't-1' })).toBeUndefined();
      expect(await outbox.enqueue({ op: 'ticket-card', conversationId: 'a:1', ticketId: 't-2' })).toBe(first! + 1);
      expect([await outbox.pendingCount(), await outbox.dueCount()]).toEqual([2, 2]);
      outbox.start();
      await outbox.idle();
      await outbox.stop();
      expect(connector.calls.map((call) => call.activity?.text)).toEqual(['card t-1', 'card t-2']);
      expect(await teams.ticketCard('t-1', 'a:1')).toMatchObject({ activityId: 'sent-1', version: 1 });
      expect(await outbox.purgeFinished(60_000)).toBe(0);
      expect(await outbox.purgeFinished(-60_000)).toBe(2);
    });
  });
}
