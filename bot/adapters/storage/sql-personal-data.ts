/**
 * A person's records across the SQL stores, for data-subject requests (issue #22): conversations with messages
 * and feedback, tickets they asked (with the Lotsen's notifications about them), survey participation flags
 * (answers are stored without any person link and are never touched; flags of open surveys are kept until they
 * close, so nobody answers twice), HR subscriptions and deliveries, inbox,
 * absence, Jabber chat session, Teams conversation references, outbox rows and preferences, and login sessions. Expects the stores' tables to exist (their constructors ran).
 */
import { z } from 'zod';
import type { DataSubject, ErasureCounts, ExportedMessage, PersonalData, PersonalDataStore } from '../../ports/personal-data.ts';
import type { SqliteDatabase } from './sqlite-database.ts';

const ticketBody = z.object({
  id: z.string(), number: z.number(), state: z.string(), question: z.string(), createdAt: z.string(),
  assignee: z.string().nullish(),
  answer: z.object({ text: z.string(), by: z.string(), at: z.string() }).nullish(),
  returned: z.object({ note: z.string().nullish() }).nullish(),
});

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

interface MessageRow {
  conversation_id: string;
  role: string;
  text: string;
  created_at: string;
  rating: string | null;
  reason: string | null;
  rated_at: string | null;
}

/** SQL implementation over the tables of the other stores (SQLite or PostgreSQL). */
export class SqlPersonalData implements PersonalDataStore {
  constructor(private readonly database: SqliteDatabase) {}

  private conversations(subject: DataSubject): { id: string; channel: string; created_at: string }[] {
    if (!subject.ownerKeys.length) return [];
    return this.database
      .prepare<string[], { id: string; channel: string; created_at: string }>(`SELECT id, channel, created_at FROM conversations WHERE user_id IN (${placeholders(subject.ownerKeys)}) ORDER BY created_at, id`)
      .all(...subject.ownerKeys);
  }

  private tickets(subject: DataSubject): z.infer<typeof ticketBody>[] {
    const askers = [...new Set([subject.personId, ...subject.ownerKeys])];
    return this.database
      .prepare<string[], { body: string }>(`SELECT body FROM tickets WHERE asker_id IN (${placeholders(askers)}) ORDER BY number`)
      .all(...askers)
      .map((row) => ticketBody.parse(JSON.parse(row.body)));
  }

  /** Tickets the person claimed or answered (all tickets are read: the answerer is inside the JSON body). */
  private ticketsWorked(personId: string): z.infer<typeof ticketBody>[] {
    return this.database
      .prepare<[], { body: string }>('SELECT body FROM tickets ORDER BY number')
      .all()
      .map((row) => ticketBody.parse(JSON.parse(row.body)))
      .filter((ticket) => ticket.assignee === personId || ticket.answer?.by === personId);
  }

  private loginSessions(subject: DataSubject): string[] {
    const keys = new Set([subject.personId, ...subject.ownerKeys]);
    return this.database
      .prepare<[], { id_hash: string; principal: string }>('SELECT id_hash, principal FROM sessions')
      .all()
      .filter((row) => {
        const principal = z.object({ userId: z.string(), personId: z.string().nullish() }).safeParse(JSON.parse(row.principal));
        return principal.success && (keys.has(principal.data.userId) || principal.data.personId === subject.personId);
      })
      .map((row) => row.id_hash);
  }

  private messagesOf(conversationIds: readonly string[]): Map<string, ExportedMessage[]> {
    const byConversation = new Map<string, ExportedMessage[]>();
    if (!conversationIds.length) return byConversation;
    const rows = this.database
      .prepare<string[], MessageRow>(
        `SELECT m.conversation_id, m.role, m.text, m.created_at, f.rating, f.reason, f.created_at AS rated_at
         FROM messages m LEFT JOIN feedback f ON f.message_id = m.id
         WHERE m.conversation_id IN (${placeholders(conversationIds)}) ORDER BY m.conversation_id, m.seq`,
      )
      .all(...conversationIds);
    for (const row of rows) {
      const feedback = row.rating ? { feedback: { rating: row.rating, at: row.rated_at ?? '', ...(row.reason ? { reason: row.reason } : {}) } } : {};
      byConversation.set(row.conversation_id, [...(byConversation.get(row.conversation_id) ?? []), { role: row.role, text: row.text, createdAt: row.created_at, ...feedback }]);
    }
    return byConversation;
  }

  collect(subject: DataSubject): PersonalData {
    const conversations = this.conversations(subject);
    const messages = this.messagesOf(conversations.map((row) => row.id));
    const person = subject.personId;
    const absence = this.database.prepare<[string], { until: string }>('SELECT until FROM lotse_absences WHERE person_id = ?').get(person);
    return {
      conversations: conversations.map((row) => ({ id: row.id, channel: row.channel, createdAt: row.created_at, messages: messages.get(row.id) ?? [] })),
      ticketsAsAsker: this.tickets(subject).map((ticket) => ({
        number: ticket.number, state: ticket.state, question: ticket.question, createdAt: ticket.createdAt,
        ...(ticket.answer ? { answer: ticket.answer.text } : {}), ...(ticket.returned?.note ? { returnedNote: ticket.returned.note } : {}),
      })),
      ticketsAsLotse: this.ticketsWorked(person).map((ticket) => ({
        number: ticket.number, state: ticket.state, ...(ticket.answer?.by === person ? { answer: ticket.answer.text, answeredAt: ticket.answer.at } : {}),
      })),
      surveyParticipation: this.database
        .prepare<[string], { survey_id: string; invited_on: string; answered: number }>('SELECT survey_id, invited_on, answered FROM hr_survey_participation WHERE person_id = ? ORDER BY invited_on')
        .all(person)
        .map((row) => ({ surveyId: row.survey_id, invitedOn: row.invited_on, answered: row.answered === 1 })),
      subscriptions: this.database.prepare<[string], { topic: string }>('SELECT topic FROM hr_subscriptions WHERE person_id = ? ORDER BY topic').all(person).map((row) => row.topic),
      inbox: this.database
        .prepare<[string], { kind: string; text: string; created_at: string }>('SELECT kind, text, created_at FROM inbox WHERE person_id = ? ORDER BY id')
        .all(person)
        .map((row) => ({ kind: row.kind, text: row.text, createdAt: row.created_at })),
      newsDeliveries: this.database
        .prepare<[string], { job: string; state: string; acknowledged_on: string | null }>('SELECT job, state, acknowledged_on FROM hr_outbox WHERE person_id = ? ORDER BY job')
        .all(person)
        .map((row) => ({ job: row.job, state: row.state, ...(row.acknowledged_on ? { acknowledgedOn: row.acknowledged_on } : {}) })),
      ...(absence ? { absence: { until: absence.until } } : {}),
      chatSessions: subject.jid ? Number(this.database.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM xmpp_sessions WHERE jid = ?').get(subject.jid)?.n ?? 0) : 0,
      pendingChatMessages: subject.jid ? Number(this.database.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM xmpp_outbox WHERE to_jid = ?').get(subject.jid)?.n ?? 0) : 0,
      loginSessions: this.loginSessions(subject).length,
      ...this.teams(subject),
    };
  }

  erase(subject: DataSubject): ErasureCounts {
    return this.database.transaction((): ErasureCounts => {
      const conversationIds = this.conversations(subject).map((row) => row.id);
      const ticketIds = this.tickets(subject).map((ticket) => ticket.id);
      const person = subject.personId;
      const run = (sql: string, values: readonly string[]): number => (values.length ? this.database.prepare<string[], unknown>(sql).run(...values).changes : 0);
      const inConversations = `(${placeholders(conversationIds)})`;
      const inTickets = `(${placeholders(ticketIds)})`;
      const counts = {
        feedback: run(`DELETE FROM feedback WHERE message_id IN (SELECT id FROM messages WHERE conversation_id IN ${inConversations})`, conversationIds),
        messages: run(`DELETE FROM messages WHERE conversation_id IN ${inConversations}`, conversationIds),
        conversations: run(`DELETE FROM conversations WHERE id IN ${inConversations}`, conversationIds),
        ticketNotifications: run(`DELETE FROM inbox WHERE ticket_id IN ${inTickets}`, ticketIds),
        ticketEvents: run(`DELETE FROM ticket_events WHERE ticket_id IN ${inTickets}`, ticketIds) + run(`DELETE FROM ticket_reminders WHERE ticket_id IN ${inTickets}`, ticketIds),
        tickets: run(`DELETE FROM tickets WHERE id IN ${inTickets}`, ticketIds),
        // Flags of a survey still open stay until it closes: without them the person could answer twice.
        surveyParticipation: run("DELETE FROM hr_survey_participation WHERE person_id = ? AND survey_id NOT IN (SELECT id FROM hr_surveys WHERE state = 'open')", [person]),
        subscriptions: run('DELETE FROM hr_subscriptions WHERE person_id = ?', [person]),
        newsDeliveries: run('DELETE FROM hr_outbox WHERE person_id = ?', [person]),
        inbox: run('DELETE FROM inbox WHERE person_id = ?', [person]),
        absence: run('DELETE FROM lotse_absences WHERE person_id = ?', [person]),
        chatSessions: subject.jid ? run('DELETE FROM xmpp_sessions WHERE jid = ?', [subject.jid]) : 0,
        pendingChatMessages: subject.jid ? run('DELETE FROM xmpp_outbox WHERE to_jid = ?', [subject.jid]) : 0,
        loginSessions: this.loginSessions(subject).reduce((sum, idHash) => sum + run('DELETE FROM sessions WHERE id_hash = ?', [idHash]), 0),
        ...this.eraseTeams(subject, conversationIds, run),
      };
      return counts;
    })();
  }

  /** The person's Teams conversations: stored with their person id or their Entra object id (issue #22). */
  private teamsConversationIds(subject: DataSubject): string[] {
    return this.database
      .prepare<[string, string], { conversation_id: string }>('SELECT conversation_id FROM teams_conversations WHERE person_id = ? OR aad_object_id = ?')
      .all(subject.personId, subject.aadObjectId ?? subject.personId)
      .map((row) => row.conversation_id);
  }

  /** Outbox rows to the person (pending or sent): addressed to them, or into one of their Teams conversations. */
  private teamsOutboxWhere(subject: DataSubject, teamsIds: readonly string[]): { where: string; values: string[] } {
    return { where: `person_id = ?${teamsIds.length ? ` OR conversation_id IN (${placeholders(teamsIds)})` : ''}`, values: [subject.personId, ...teamsIds] };
  }

  private countTeamsOutbox(subject: DataSubject, teamsIds: readonly string[]): number {
    const { where, values } = this.teamsOutboxWhere(subject, teamsIds);
    return Number(this.database.prepare<string[], { n: number }>(`SELECT COUNT(*) AS n FROM teams_outbox WHERE ${where}`).get(...values)?.n ?? 0);
  }

  private teams(subject: DataSubject): Pick<PersonalData, 'teamsConversations' | 'teamsMessages' | 'teamsPlainLanguage'> {
    const teamsIds = this.teamsConversationIds(subject);
    const preference = this.database.prepare<[string], { plain_language: number }>('SELECT plain_language FROM teams_preferences WHERE user_id = ?').get(subject.personId);
    return {
      teamsConversations: teamsIds.length, teamsMessages: this.countTeamsOutbox(subject, teamsIds),
      ...(preference ? { teamsPlainLanguage: preference.plain_language === 1 } : {}),
    };
  }

  private eraseTeams(subject: DataSubject, coreConversationIds: readonly string[], run: (sql: string, values: readonly string[]) => number): Record<string, number> {
    const teamsIds = this.teamsConversationIds(subject);
    const inTeams = `(${placeholders(teamsIds)})`;
    const outbox = this.teamsOutboxWhere(subject, teamsIds);
    return {
      teamsMessages: run(`DELETE FROM teams_outbox WHERE ${outbox.where}`, outbox.values),
      teamsLinks: run(`DELETE FROM teams_core_links WHERE core_conversation_id IN (${placeholders(coreConversationIds)})`, coreConversationIds)
        + run(`DELETE FROM teams_core_links WHERE teams_conversation_id IN ${inTeams}`, teamsIds),
      teamsCards: run(`DELETE FROM teams_ticket_cards WHERE teams_conversation_id IN ${inTeams}`, teamsIds),
      teamsConversations: run(`DELETE FROM teams_conversations WHERE conversation_id IN ${inTeams}`, teamsIds),
      teamsPreferences: run('DELETE FROM teams_preferences WHERE user_id = ?', [subject.personId]),
    };
  }
}
