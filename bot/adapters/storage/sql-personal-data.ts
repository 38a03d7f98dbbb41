/**
 * A person's records across the SQL stores, for data-subject requests (issue #22), on the store database
 * (issue #20): conversations with messages and feedback, tickets they asked (with the Lotsen's notifications
 * about them), survey participation flags (answers are stored without any person link and are never touched;
 * flags of open surveys are kept until they close, so nobody answers twice), HR subscriptions and deliveries,
 * inbox, absence, Jabber chat session, Teams conversation references, outbox rows and preferences, and login
 * sessions. The core tables come from the migrations; tables of the HR, Jabber and Teams stores are read only
 * where they exist. An erasure reads and deletes in one transaction.
 *
 * Ticket bodies are read with `storedTicket` (versioned, zod-checked): an export must be complete, so a ticket body
 * this lotse cannot read (written by a newer lotse, or invalid) fails the export with a `StoredJsonError` naming
 * the ticket instead of leaving the ticket out. An erasure finds tickets by their columns, never by the body, so it
 * also removes tickets it could not read.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { DataSubject, ErasureCounts, ExportedMessage, PersonalData, PersonalDataStore } from '../../ports/personal-data.ts';
import type { Ticket } from '../../ports/tickets.ts';
import { first, rows, run, tableExists, type SqlExecutor, type StoreDatabase } from '../sql/store-database.ts';
import { StoredJsonError } from '../sql/stored-json.ts';
import { eraseTeamsPersonalData, teamsPersonalData } from './sql-personal-data-teams.ts';
import { storedTicket } from './stored-documents.ts';

/** Tables of stores whose channel or feature may be off (their tables may be missing). */
const optionalTables = [
  'hr_surveys',
  'hr_survey_participation',
  'hr_subscriptions',
  'hr_outbox',
  'xmpp_sessions',
  'xmpp_outbox',
  'teams_conversations',
  'teams_outbox',
  'teams_core_links',
  'teams_ticket_cards',
  'teams_preferences',
] as const;
type OptionalTable = (typeof optionalTables)[number];

interface MessageRow {
  conversation_id: string;
  role: string;
  text: string;
  created_at: string;
  rating: string | null;
  reason: string | null;
  rated_at: string | null;
}

/** A ticket body for the export, or a `StoredJsonError` (the export is refused rather than incomplete). */
function readTicket(row: { id: string; body: string }): Ticket {
  const decoded = storedTicket.decode(row.body);
  if (!decoded.ok) throw new StoredJsonError(`ticket ${row.id}`, decoded.reason);
  return decoded.value;
}

const count = async (executor: SqlExecutor, query: RawBuilder<{ n: number | string }>): Promise<number> =>
  Number((await first(executor, query))?.n ?? 0);

/** SQL implementation over the tables of the other stores (SQLite or PostgreSQL). */
export class SqlPersonalData implements PersonalDataStore {
  constructor(private readonly database: StoreDatabase) {}

  /** The optional tables that exist (checked on each request: a channel may have been switched on since). */
  private async present(): Promise<ReadonlySet<OptionalTable>> {
    const found = await Promise.all(optionalTables.map(async (table) => ((await tableExists(this.database, table)) ? [table] : [])));
    return new Set(found.flat());
  }

  private async conversations(executor: SqlExecutor, subject: DataSubject): Promise<{ id: string; channel: string; created_at: string }[]> {
    if (!subject.ownerKeys.length) return [];
    return rows(
      executor,
      sql<{ id: string; channel: string; created_at: string }>`SELECT id, channel, created_at FROM conversations
      WHERE user_id IN (${sql.join(subject.ownerKeys)}) ORDER BY created_at, id`,
    );
  }

  /** The tickets the person asked, found by the asker column. */
  private async ticketRows(executor: SqlExecutor, subject: DataSubject): Promise<{ id: string; body: string }[]> {
    const askers = [...new Set([subject.personId, ...subject.ownerKeys])];
    return rows(
      executor,
      sql<{ id: string; body: string }>`SELECT id, body FROM tickets WHERE asker_id IN (${sql.join(askers)}) ORDER BY number`,
    );
  }

  private async tickets(executor: SqlExecutor, subject: DataSubject): Promise<Ticket[]> {
    return (await this.ticketRows(executor, subject)).map(readTicket);
  }

  /** Tickets the person claimed or answered (all tickets are read: the answerer is inside the JSON body). */
  private async ticketsWorked(personId: string): Promise<Ticket[]> {
    const found = await rows(this.database.db, sql<{ id: string; body: string }>`SELECT id, body FROM tickets ORDER BY number`);
    return found.map(readTicket).filter((ticket) => ticket.assignee === personId || ticket.answer?.by === personId);
  }

  private async loginSessions(executor: SqlExecutor, subject: DataSubject): Promise<string[]> {
    const keys = new Set([subject.personId, ...subject.ownerKeys]);
    const found = await rows(executor, sql<{ id_hash: string; principal: string }>`SELECT id_hash, principal FROM sessions`);
    return found
      .filter((row) => {
        const principal = z.object({ userId: z.string(), personId: z.string().nullish() }).safeParse(JSON.parse(row.principal));
        return principal.success && (keys.has(principal.data.userId) || principal.data.personId === subject.personId);
      })
      .map((row) => row.id_hash);
  }

  private async messagesOf(conversationIds: readonly string[]): Promise<Map<string, ExportedMessage[]>> {
    const byConversation = new Map<string, ExportedMessage[]>();
    if (!conversationIds.length) return byConversation;
    const found = await rows(
      this.database.db,
      sql<MessageRow>`SELECT m.conversation_id, m.role, m.text, m.created_at, f.rating, f.reason, f.created_at AS rated_at
      FROM messages m LEFT JOIN feedback f ON f.message_id = m.id
      WHERE m.conversation_id IN (${sql.join(conversationIds)}) ORDER BY m.conversation_id, m.seq`,
    );
    for (const row of found) {
      const feedback = row.rating
        ? { feedback: { rating: row.rating, at: row.rated_at ?? '', ...(row.reason ? { reason: row.reason } : {}) } }
        : {};
      byConversation.set(row.conversation_id, [
        ...(byConversation.get(row.conversation_id) ?? []),
        { role: row.role, text: row.text, createdAt: row.created_at, ...feedback },
      ]);
    }
    return byConversation;
  }

  async collect(subject: DataSubject): Promise<PersonalData> {
    const db = this.database.db;
    const present = await this.present();
    const conversations = await this.conversations(db, subject);
    const messages = await this.messagesOf(conversations.map((row) => row.id));
    const person = subject.personId;
    const absence = await first(db, sql<{ until: string }>`SELECT until FROM lotse_absences WHERE person_id = ${person}`);
    const participation = present.has('hr_survey_participation')
      ? await rows(
          db,
          sql<{
            survey_id: string;
            invited_on: string;
            answered: number;
          }>`SELECT survey_id, invited_on, answered FROM hr_survey_participation WHERE person_id = ${person} ORDER BY invited_on`,
        )
      : [];
    const subscriptions = present.has('hr_subscriptions')
      ? await rows(db, sql<{ topic: string }>`SELECT topic FROM hr_subscriptions WHERE person_id = ${person} ORDER BY topic`)
      : [];
    const deliveries = present.has('hr_outbox')
      ? await rows(
          db,
          sql<{
            job: string;
            state: string;
            acknowledged_on: string | null;
          }>`SELECT job, state, acknowledged_on FROM hr_outbox WHERE person_id = ${person} ORDER BY job`,
        )
      : [];
    const inbox = await rows(
      db,
      sql<{
        kind: string;
        text: string;
        created_at: string;
      }>`SELECT kind, text, created_at FROM inbox WHERE person_id = ${person} ORDER BY id`,
    );
    const jid = subject.jid;
    return {
      conversations: conversations.map((row) => ({
        id: row.id,
        channel: row.channel,
        createdAt: row.created_at,
        messages: messages.get(row.id) ?? [],
      })),
      ticketsAsAsker: (await this.tickets(db, subject)).map((ticket) => ({
        number: ticket.number,
        state: ticket.state,
        question: ticket.question,
        createdAt: ticket.createdAt,
        ...(ticket.answer ? { answer: ticket.answer.text } : {}),
        ...(ticket.returned?.note ? { returnedNote: ticket.returned.note } : {}),
      })),
      ticketsAsLotse: (await this.ticketsWorked(person)).map((ticket) => ({
        number: ticket.number,
        state: ticket.state,
        ...(ticket.answer?.by === person ? { answer: ticket.answer.text, answeredAt: ticket.answer.at } : {}),
      })),
      surveyParticipation: participation.map((row) => ({
        surveyId: row.survey_id,
        invitedOn: row.invited_on,
        answered: Number(row.answered) === 1,
      })),
      subscriptions: subscriptions.map((row) => row.topic),
      inbox: inbox.map((row) => ({ kind: row.kind, text: row.text, createdAt: row.created_at })),
      newsDeliveries: deliveries.map((row) => ({
        job: row.job,
        state: row.state,
        ...(row.acknowledged_on ? { acknowledgedOn: row.acknowledged_on } : {}),
      })),
      ...(absence ? { absence: { until: absence.until } } : {}),
      chatSessions:
        jid && present.has('xmpp_sessions')
          ? await count(db, sql<{ n: number }>`SELECT COUNT(*) AS n FROM xmpp_sessions WHERE jid = ${jid}`)
          : 0,
      pendingChatMessages:
        jid && present.has('xmpp_outbox')
          ? await count(db, sql<{ n: number }>`SELECT COUNT(*) AS n FROM xmpp_outbox WHERE to_jid = ${jid}`)
          : 0,
      loginSessions: (await this.loginSessions(db, subject)).length,
      ...(await teamsPersonalData(db, subject, present)),
    };
  }

  async erase(subject: DataSubject): Promise<ErasureCounts> {
    const present = await this.present();
    return this.database.transaction(async (tx): Promise<ErasureCounts> => {
      const conversationIds = (await this.conversations(tx, subject)).map((row) => row.id);
      const ticketIds = (await this.ticketRows(tx, subject)).map((row) => row.id);
      const person = subject.personId;
      const jid = subject.jid;
      const has = (table: OptionalTable): boolean => present.has(table);
      const inConversations = sql.join(conversationIds);
      const inTickets = sql.join(ticketIds);
      const forConversations = async (query: () => RawBuilder<unknown>): Promise<number> => (conversationIds.length ? run(tx, query()) : 0);
      const forTickets = async (query: () => RawBuilder<unknown>): Promise<number> => (ticketIds.length ? run(tx, query()) : 0);
      const counts: Record<string, number> = {
        feedback: await forConversations(
          () => sql`DELETE FROM feedback WHERE message_id IN (SELECT id FROM messages WHERE conversation_id IN (${inConversations}))`,
        ),
        messages: await forConversations(() => sql`DELETE FROM messages WHERE conversation_id IN (${inConversations})`),
        ticketNotifications: await forTickets(() => sql`DELETE FROM inbox WHERE ticket_id IN (${inTickets})`),
        ticketEvents:
          (await forTickets(() => sql`DELETE FROM ticket_events WHERE ticket_id IN (${inTickets})`)) +
          (await forTickets(() => sql`DELETE FROM ticket_reminders WHERE ticket_id IN (${inTickets})`)),
        tickets: await forTickets(() => sql`DELETE FROM tickets WHERE id IN (${inTickets})`),
        // Flags of a survey still open stay until it closes: without them the person could answer twice.
        surveyParticipation: has('hr_survey_participation')
          ? await run(
              tx,
              has('hr_surveys')
                ? sql`DELETE FROM hr_survey_participation WHERE person_id = ${person} AND survey_id NOT IN (SELECT id FROM hr_surveys WHERE state = 'open')`
                : sql`DELETE FROM hr_survey_participation WHERE person_id = ${person}`,
            )
          : 0,
        subscriptions: has('hr_subscriptions') ? await run(tx, sql`DELETE FROM hr_subscriptions WHERE person_id = ${person}`) : 0,
        newsDeliveries: has('hr_outbox') ? await run(tx, sql`DELETE FROM hr_outbox WHERE person_id = ${person}`) : 0,
        inbox: await run(tx, sql`DELETE FROM inbox WHERE person_id = ${person}`),
        absence: await run(tx, sql`DELETE FROM lotse_absences WHERE person_id = ${person}`),
        chatSessions: jid && has('xmpp_sessions') ? await run(tx, sql`DELETE FROM xmpp_sessions WHERE jid = ${jid}`) : 0,
        pendingChatMessages: jid && has('xmpp_outbox') ? await run(tx, sql`DELETE FROM xmpp_outbox WHERE to_jid = ${jid}`) : 0,
      };
      const loginSessions = await this.loginSessions(tx, subject);
      counts.loginSessions = loginSessions.length
        ? await run(tx, sql`DELETE FROM sessions WHERE id_hash IN (${sql.join(loginSessions)})`)
        : 0;
      // Teams links name the core conversations: removed before them.
      Object.assign(counts, await eraseTeamsPersonalData(tx, subject, conversationIds, present));
      counts.conversations = await forConversations(() => sql`DELETE FROM conversations WHERE id IN (${inConversations})`);
      return counts;
    });
  }
}
