/**
 * Channel store rows written by other lotse versions. Stored JSON (issue #20, item 2): rows written before versions
 * are read, rows of a newer lotse and invalid rows are refused as each store's header says (never sent, never
 * written back), logged once; on SQLite and a real PostgreSQL. A database whose tables the old constructors created
 * keeps its rows and gets only the steps it missed.
 */
import { describe, expect, it } from 'vitest';
import { TeamsOutbox, type FailedDelivery } from '../../bot/adapters/channels/teams/teams-outbox.ts';
import { SqlTeamsStore } from '../../bot/adapters/channels/teams/teams-store.ts';
import { SqlXmppStore } from '../../bot/adapters/channels/xmpp/sql-xmpp-store.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { migrate, openMemoryDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { FakeTeamsConnector } from '../fakes/fake-teams-connector.ts';
import { useBackends } from './backends.ts';
import { at, later, outboxOn, reference } from './channel-store-support.ts';
import { literal, versioned, withRefusals } from './stored-json-support.ts';

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`stored JSON of the channel stores on ${backend.name}`, () => {
    const newer = 'written by a newer lotse (document version 2, this lotse reads up to version 1)';

    it('Teams references: reads old ones, leaves out (logged once) those of a newer lotse and invalid ones, never stores an invalid one', async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const teams = new SqlTeamsStore(store);
      await teams.saveConversation(
        { conversationId: 'a:1', kind: 'personal', reference: reference('a:1'), personId: 'p-1', serviceUrl: 'http://x/' },
        at,
      );
      expect(
        (await fresh.raw<{ reference: string }>("SELECT reference FROM teams_conversations WHERE conversation_id = 'a:1'"))[0]?.reference,
      ).toBe(`{"$v":1,${reference('a:1').slice(1)}`);
      expect((await teams.conversation('a:1'))?.reference).toBe(reference('a:1'));
      const insert = (id: string, person: string, text: string, when: string) =>
        fresh.raw(`INSERT INTO teams_conversations (conversation_id, kind, reference, person_id, service_url, updated_at)
        VALUES (${literal(id)}, 'personal', ${literal(text)}, ${literal(person)}, 'http://old/', ${literal(when)})`);
      await insert('a:old', 'p-old', reference('a:old', { serviceUrl: 'http://old/' }), '2026-12-03T08:30:00.000Z');
      await insert('a:new', 'p-new', versioned(2, { conversation: { id: 'a:new' }, agent: { id: 'bot-2' } }), '2026-12-03T10:00:00.000Z');
      await insert('a:bad', 'p-bad', '{"conversation":{},"agent":{"id":"bot-3"}}', '2026-12-03T11:00:00.000Z');
      const old = await teams.personalConversationOf('p-old');
      expect(old).toEqual({
        conversationId: 'a:old',
        kind: 'personal',
        reference: reference('a:old', { serviceUrl: 'http://old/' }),
        personId: 'p-old',
        serviceUrl: 'http://old/',
      });
      expect([await teams.conversation('a:new'), await teams.personalConversationOf('p-new'), await teams.conversation('a:bad')]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      // the newest readable reference with a bot account (the two newer rows are refused)
      expect(await teams.latestEndpoint()).toEqual({ serviceUrl: 'http://old/', agentId: 'bot-1' });
      expect(refused).toEqual([
        { store: 'teams-conversations', key: 'a:new', reason: newer },
        { store: 'teams-conversations', key: 'a:bad', reason: expect.stringMatching(/^invalid document \(conversation\.id: /) },
      ]);
      await expect(
        teams.saveConversation(
          { conversationId: 'a:x', kind: 'personal', reference: '{"agent":{"id":"bot-1"}}', serviceUrl: 'http://x/' },
          later,
        ),
      ).rejects.toThrow(/conversation/);
      expect(await teams.conversation('a:x')).toBeUndefined();
      // the next contact stores a fresh reference in this version's format
      await teams.saveConversation(
        { conversationId: 'a:new', kind: 'personal', reference: reference('a:new'), serviceUrl: 'http://x/' },
        later,
      );
      expect((await teams.personalConversationOf('p-new'))?.reference).toBe(reference('a:new'));
    });

    it('Teams outbox: sends old activities, leaves those of a newer lotse pending for a newer replica and fails invalid ones, never sending them', async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const teams = new SqlTeamsStore(store);
      for (const id of ['a:1', 'a:2', 'a:3'])
        await teams.saveConversation({ conversationId: id, kind: 'personal', reference: reference(id), serviceUrl: 'http://x/' }, at);
      const insert = async (conversation: string, activity: string, fallback: string) =>
        Number(
          (
            await fresh.raw<{
              id: number;
            }>(`INSERT INTO teams_outbox (conversation_id, op, activity, person_id, fallback, not_before, created_at)
        VALUES (${literal(conversation)}, 'activity', ${literal(activity)}, 'p-1', ${literal(fallback)}, 0, ${literal(at)}) RETURNING id`)
          )[0]?.id,
        );
      const oldId = await insert('a:1', '{"type":"message","text":"alt"}', '{}');
      const newerId = await insert('a:2', versioned(2, { type: 'message', text: 'neu', entities: [{ type: 'mention' }] }), '{}');
      const badId = await insert('a:3', '["kein Objekt"]', '{"inbox":"x"}');
      const connector = new FakeTeamsConnector();
      const failed: FailedDelivery[] = [];
      const outbox = new TeamsOutbox({
        database: store,
        store: teams,
        connector,
        logger: silentLogger,
        maxAttempts: 3,
        ratePerSecond: 10_000,
        conversationRatePerSecond: 10_000,
        conversationBurst: 100,
        renderTicketCard: async () => undefined,
        onFailed: (entry) => failed.push(entry),
      });
      const freshId = await outbox.enqueue({ op: 'activity', conversationId: 'a:1', activity: { type: 'message', text: 'frisch' } });
      expect((await fresh.raw<{ activity: string }>(`SELECT activity FROM teams_outbox WHERE id = ${freshId}`))[0]?.activity).toBe(
        '{"$v":1,"type":"message","text":"frisch"}',
      );
      outbox.start();
      const until = Date.now() + 10_000;
      while ((connector.calls.length < 2 || failed.length < 1 || refused.length < 2) && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 10));
      await outbox.stop();
      expect(connector.calls.map((call) => call.activity?.text)).toEqual(['alt', 'frisch']);
      expect(failed).toEqual([
        { id: badId, conversationId: 'a:3', personId: 'p-1', fallback: '{"inbox":"x"}', reason: 'stored message unreadable' },
      ]);
      const states = await fresh.raw<{ id: number; state: string; attempts: number; not_before: number }>(
        'SELECT id, state, attempts, not_before FROM teams_outbox ORDER BY id',
      );
      expect(states.map((row) => [Number(row.id), row.state, Number(row.attempts)])).toEqual([
        [oldId, 'sent', 0],
        [newerId, 'pending', 0],
        [badId, 'failed', 0],
        [freshId, 'sent', 0],
      ]);
      expect(Number(states[1]?.not_before)).toBeGreaterThan(Date.now() + 5 * 60_000);
      expect([await outbox.pendingCount(), await outbox.dueCount()]).toEqual([1, 0]);
      expect(refused).toEqual(
        expect.arrayContaining([
          { store: 'teams-outbox', key: String(newerId), reason: newer },
          { store: 'teams-outbox', key: String(badId), reason: expect.stringMatching(/^invalid document/) },
        ]),
      );
      expect(refused).toHaveLength(2);
    });

    it('Jabber suggestions: writes them bare as before, reads old ones and leaves out (logged once) those of a newer lotse and invalid ones', async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const xmpp = new SqlXmppStore(store);
      await xmpp.saveSession({ jid: 'a@x', conversationId: 'c1', updatedAt: at });
      await xmpp.saveSuggestions('a@x', ['eins', 'zwei']);
      expect((await fresh.raw<{ suggestions: string }>("SELECT suggestions FROM xmpp_sessions WHERE jid = 'a@x'"))[0]?.suggestions).toBe(
        '["eins","zwei"]',
      );
      const insert = (jid: string, suggestions: string) =>
        fresh.raw(
          `INSERT INTO xmpp_sessions (jid, conversation_id, updated_at, suggestions) VALUES (${literal(jid)}, 'c9', ${literal(at)}, ${literal(suggestions)})`,
        );
      await insert('old@x', '["alt"]');
      await insert('new@x', JSON.stringify({ $v: 2, value: [{ text: 'neu' }] }));
      await insert('bad@x', '[1,2]');
      expect(await xmpp.session('old@x')).toEqual({ jid: 'old@x', conversationId: 'c9', updatedAt: at, suggestions: ['alt'] });
      expect(await xmpp.session('new@x')).toEqual({ jid: 'new@x', conversationId: 'c9', updatedAt: at });
      expect(await xmpp.session('bad@x')).toEqual({ jid: 'bad@x', conversationId: 'c9', updatedAt: at });
      expect(await xmpp.session('new@x')).toEqual({ jid: 'new@x', conversationId: 'c9', updatedAt: at });
      expect(refused).toEqual([
        { store: 'xmpp-sessions', key: 'new@x', reason: newer },
        { store: 'xmpp-sessions', key: 'bad@x', reason: expect.stringMatching(/^invalid document \(0: /) },
      ]);
      await xmpp.saveSuggestions('new@x', ['frisch']);
      expect((await xmpp.session('new@x'))?.suggestions).toEqual(['frisch']);
    });
  });
}

describe('channel tables of an older lotse', () => {
  it('keeps the rows the old constructors wrote, skips their steps and applies the missing ones', async () => {
    const database = openMemoryDatabase();
    migrate(database, 'teams', [
      `CREATE TABLE teams_conversations (conversation_id TEXT PRIMARY KEY, kind TEXT NOT NULL, reference TEXT NOT NULL,
         person_id TEXT, aad_object_id TEXT, tenant_id TEXT, service_url TEXT NOT NULL, undeliverable TEXT, updated_at TEXT NOT NULL);
       CREATE INDEX teams_conversations_by_person ON teams_conversations (person_id, kind);
       CREATE TABLE teams_core_links (core_conversation_id TEXT PRIMARY KEY, teams_conversation_id TEXT NOT NULL);
       CREATE TABLE teams_ticket_cards (ticket_id TEXT NOT NULL, teams_conversation_id TEXT NOT NULL, activity_id TEXT,
         version INTEGER NOT NULL, PRIMARY KEY (ticket_id, teams_conversation_id));
       CREATE TABLE teams_card_actions (key TEXT PRIMARY KEY, at TEXT NOT NULL);`,
      'CREATE TABLE teams_preferences (user_id TEXT PRIMARY KEY, plain_language INTEGER NOT NULL, updated_at TEXT NOT NULL);',
    ]);
    migrate(database, 'teams-outbox', [
      `CREATE TABLE teams_outbox (id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL, op TEXT NOT NULL, activity TEXT, ticket_id TEXT,
         person_id TEXT, fallback TEXT, state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, throttled INTEGER NOT NULL DEFAULT 0,
         not_before INTEGER NOT NULL, last_error TEXT, created_at TEXT NOT NULL, done_at TEXT, activity_id TEXT);
       CREATE INDEX teams_outbox_pending ON teams_outbox (state, conversation_id, id);`,
    ]);
    // A Jabber store of an older version: only the first of its three steps.
    migrate(database, 'xmpp-channel', [
      `CREATE TABLE xmpp_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, stanza_id TEXT NOT NULL UNIQUE, to_jid TEXT NOT NULL, body TEXT NOT NULL,
         created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0);
       CREATE TABLE xmpp_sessions (jid TEXT PRIMARY KEY, conversation_id TEXT, last_message_id TEXT, last_outcome TEXT, last_rating TEXT, updated_at TEXT NOT NULL);`,
    ]);
    database
      .prepare(
        `INSERT INTO teams_conversations (conversation_id, kind, reference, person_id, service_url, updated_at) VALUES ('a:1', 'personal', ?, 'p-1', 'http://x/', ?)`,
      )
      .run(reference('a:1'), at);
    database.prepare(`INSERT INTO teams_card_actions (key, at) VALUES ('action-1', ?)`).run(at);
    database
      .prepare(
        `INSERT INTO teams_outbox (conversation_id, op, activity, not_before, created_at) VALUES ('a:1', 'activity', '{"type":"message","text":"alt"}', 0, ?)`,
      )
      .run(at);
    database.prepare(`INSERT INTO xmpp_outbox (stanza_id, to_jid, body, created_at) VALUES ('s-1', 'a@x', 'alt', ?)`).run(at);
    database.prepare(`INSERT INTO xmpp_sessions (jid, conversation_id, updated_at) VALUES ('a@x', 'c-1', ?)`).run(at);
    const store = sqliteStoreDatabase(database);
    expect(await runMigrations(store)).toEqual(expect.arrayContaining(['0013-teams', '0014-teams-outbox', '0015-xmpp']));
    const teams = new SqlTeamsStore(store);
    expect((await teams.personalConversationOf('p-1'))?.conversationId).toBe('a:1');
    expect(await teams.claimAction('action-1', at)).toBe(false);
    expect(await outboxOn(store, teams, new FakeTeamsConnector()).pendingCount()).toBe(1);
    const xmpp = new SqlXmppStore(store);
    expect((await xmpp.pending()).map((entry) => entry.body)).toEqual(['alt']);
    await xmpp.savePlainLanguage('a@x', true, later);
    await xmpp.saveSuggestions('a@x', ['eins']);
    expect(await xmpp.session('a@x')).toEqual({
      jid: 'a@x',
      conversationId: 'c-1',
      updatedAt: at,
      suggestions: ['eins'],
      plainLanguage: true,
    });
  });
});
