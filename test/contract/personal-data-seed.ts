/**
 * The people of the personal-data contract and their rows in the SQL stores' tables (HR, Jabber and Teams rows as
 * their stores write them), and a way to drop the tables of channels that are off.
 */
import { sql } from 'kysely';
import { run, type StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import { SqlAbsenceStore } from '../../bot/adapters/storage/sql-absences.ts';
import { SqlConversationStore } from '../../bot/adapters/storage/sql-conversation-store.ts';
import { SqlSessionStore } from '../../bot/adapters/storage/sql-session-store.ts';
import { SqlTicketStore } from '../../bot/adapters/storage/sql-ticket-store.ts';
import { openTicket } from '../fakes/sample-tickets.ts';

/** When the seeded records were written. */
export const at = '2026-11-23T08:00:00.000Z';
/** Marek: conversations under his id and his pseudonym, a Jabber address. */
export const marek = { personId: 'p-marek', ownerKeys: ['p-marek', 'ps-marek'], jid: 'marek@x' };
/** Sabine: asked ticket 2. */
export const sabine = { personId: 'p-sabine', ownerKeys: ['p-sabine'] };
/** Aylin: a Digitallotse who answered ticket 2 and is absent. */
export const aylin = { personId: 'p-aylin', ownerKeys: ['p-aylin'] };

/** Writes the contract's people into the stores' tables (HR, Jabber and Teams rows as their stores write them). */
export async function seedPersonalData(store: StoreDatabase): Promise<void> {
  const conversations = new SqlConversationStore(store);
  const tickets = new SqlTicketStore(store);
  await new SqlSessionStore(store).create({
    idHash: 'h-1',
    csrfToken: 'c',
    createdAt: at,
    lastSeenAt: at,
    expiresAt: '2026-11-24T00:00:00.000Z',
    principal: { userId: 'p-marek', personId: 'p-marek', displayName: 'Marek', roles: ['staff'], source: 'dev' },
  });
  for (const [id, user, text] of [
    ['c-1', 'ps-marek', 'Frage von Marek'],
    ['c-2', 'p-sabine', 'Frage von Sabine'],
  ] as const) {
    await conversations.ensureConversation({ id, channel: 'web', userId: user, at });
    await conversations.appendMessage({ id: `${id}-m1`, conversationId: id, role: 'user', text, createdAt: at });
  }
  await conversations.recordFeedback({ messageId: 'c-1-m1', rating: 'down', reason: 'unklar', at: '2026-11-23T08:01:00.000Z' });
  await tickets.create(openTicket({ id: 't-1', askerId: 'p-marek', question: 'Frage von Marek' }), {
    ticketId: 't-1',
    at,
    actor: 'p-marek',
    from: null,
    to: 'open',
  });
  await tickets.create(
    openTicket({
      id: 't-2',
      askerId: 'p-sabine',
      question: 'Frage von Sabine',
      state: 'answered',
      assignee: 'p-aylin',
      answer: { text: 'So geht es.', by: 'p-aylin', at: '2026-11-23T09:00:00.000Z' },
    }),
    { ticketId: 't-2', at, actor: 'p-sabine', from: null, to: 'open' },
  );
  await new SqlAbsenceStore(store).set({ personId: 'p-aylin', until: '2026-12-24', setAt: at });
  const db = store.db;
  await run(
    db,
    sql`INSERT INTO inbox (person_id, kind, text, ticket_id, created_at) VALUES ('p-aylin', 'ticket-created', 'Neue Anfrage', 't-1', ${at}), ('p-marek', 'hr-news', 'Neuigkeiten', NULL, ${at})`,
  );
  await run(db, sql`INSERT INTO hr_surveys (id, state, data) VALUES ('s-1', 'closed', '{}'), ('s-2', 'open', '{}')`);
  await run(
    db,
    sql`INSERT INTO hr_survey_participation (survey_id, person_id, invited_on, answered) VALUES ('s-1', 'p-marek', '2026-11-01', 1), ('s-2', 'p-marek', '2026-11-20', 0)`,
  );
  await run(db, sql`INSERT INTO hr_subscriptions (person_id, topic) VALUES ('p-marek', 'fortbildung'), ('p-sabine', 'fortbildung')`);
  await run(db, sql`INSERT INTO hr_jobs (job, message, created_at) VALUES ('j-1', '{}', ${at})`);
  await run(
    db,
    sql`INSERT INTO hr_outbox (job, person_id, state, next_at, acknowledged_on) VALUES ('j-1', 'p-marek', 'sent', ${at}, '2026-11-22')`,
  );
  await run(
    db,
    sql`INSERT INTO xmpp_sessions (jid, conversation_id, last_message_id, last_outcome, updated_at) VALUES ('marek@x', 'c-1', 'c-1-m1', 'answered', ${at})`,
  );
  await run(
    db,
    sql`INSERT INTO xmpp_outbox (stanza_id, to_jid, body, created_at) VALUES ('s-1', 'marek@x', 'Antwort', ${at}), ('s-2', 'sabine@x', 'Antwort', ${at})`,
  );
  await run(
    db,
    sql`INSERT INTO teams_conversations (conversation_id, kind, reference, person_id, aad_object_id, service_url, updated_at) VALUES ('tc-1', 'personal', '{}', 'p-marek', 'aad-marek', 'https://smba', ${at})`,
  );
  await run(db, sql`INSERT INTO teams_core_links (core_conversation_id, teams_conversation_id) VALUES ('c-1', 'tc-1')`);
  await run(db, sql`INSERT INTO teams_outbox (conversation_id, op, not_before, created_at) VALUES ('tc-1', 'send', 0, ${at})`);
  await run(db, sql`INSERT INTO teams_preferences (user_id, plain_language, updated_at) VALUES ('p-marek', 1, ${at})`);
}

/** Tables of stores whose channel or feature is off, as a lotse that never ran them has (none of them). */
export async function dropChannelTables(store: StoreDatabase): Promise<void> {
  const cascade = store.dialect === 'postgres' ? sql` CASCADE` : sql``;
  for (const table of [
    'teams_outbox',
    'teams_core_links',
    'teams_ticket_cards',
    'teams_conversations',
    'teams_preferences',
    'xmpp_outbox',
    'xmpp_sessions',
    'hr_outbox',
    'hr_subscriptions',
    'hr_survey_participation',
    'hr_surveys',
  ]) {
    await run(store.db, sql`DROP TABLE IF EXISTS ${sql.table(table)}${cascade}`);
  }
}
