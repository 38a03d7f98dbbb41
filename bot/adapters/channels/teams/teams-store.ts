/**
 * What the Teams channel remembers in the database (SQLite or PostgreSQL): conversation references (stored on
 * install, first contact and `conversationUpdate`, used for proactive messages), the link from a core
 * conversation to its Teams conversation, the activity id of every ticket card (updated in place), and
 * handled card actions (replays).
 */
import { z } from 'zod';
import { migrate, type SqliteDatabase } from '../../storage/sqlite-database.ts';

const agentSchema = z.object({ agent: z.object({ id: z.string().min(1) }) });

const migrations = [
  `CREATE TABLE teams_conversations (conversation_id TEXT PRIMARY KEY, kind TEXT NOT NULL, reference TEXT NOT NULL,
     person_id TEXT, aad_object_id TEXT, tenant_id TEXT, service_url TEXT NOT NULL, undeliverable TEXT, updated_at TEXT NOT NULL);
   CREATE INDEX teams_conversations_by_person ON teams_conversations (person_id, kind);
   CREATE TABLE teams_core_links (core_conversation_id TEXT PRIMARY KEY, teams_conversation_id TEXT NOT NULL);
   CREATE TABLE teams_ticket_cards (ticket_id TEXT NOT NULL, teams_conversation_id TEXT NOT NULL, activity_id TEXT,
     version INTEGER NOT NULL, PRIMARY KEY (ticket_id, teams_conversation_id));
   CREATE TABLE teams_card_actions (key TEXT PRIMARY KEY, at TEXT NOT NULL);`,
  // "einfach" / "normal" in the chat (issue #22): Leichte Sprache for the person's next answers.
  `CREATE TABLE teams_preferences (user_id TEXT PRIMARY KEY, plain_language INTEGER NOT NULL, updated_at TEXT NOT NULL);`,
];

/** Kind of a Teams conversation. */
export type TeamsConversationKind = 'personal' | 'groupChat' | 'channel';

/** A stored conversation reference. */
export interface StoredConversation {
  readonly conversationId: string;
  readonly kind: TeamsConversationKind;
  /** The SDK's ConversationReference as JSON. */
  readonly reference: string;
  readonly personId?: string;
  readonly aadObjectId?: string;
  readonly tenantId?: string;
  readonly serviceUrl: string;
  /** Why the connector refused this conversation (403/404); no more sends then. */
  readonly undeliverable?: string;
}

/** A ticket card that was sent (or is about to be sent) into a conversation. */
export interface TicketCard {
  readonly ticketId: string;
  readonly conversationId: string;
  readonly activityId?: string;
  readonly version: number;
}

interface ConversationRow {
  conversation_id: string; kind: TeamsConversationKind; reference: string; person_id: string | null; aad_object_id: string | null;
  tenant_id: string | null; service_url: string; undeliverable: string | null;
}

function toConversation(row: ConversationRow): StoredConversation {
  return {
    conversationId: row.conversation_id, kind: row.kind, reference: row.reference, serviceUrl: row.service_url,
    ...(row.person_id ? { personId: row.person_id } : {}), ...(row.aad_object_id ? { aadObjectId: row.aad_object_id } : {}),
    ...(row.tenant_id ? { tenantId: row.tenant_id } : {}), ...(row.undeliverable ? { undeliverable: row.undeliverable } : {}),
  };
}

/** Persistence of the Teams channel's references and card bookkeeping (SQLite or PostgreSQL). */
export class TeamsStore {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'teams', migrations);
  }

  /** Stores or refreshes a reference; a fresh contact clears an earlier undeliverable mark. */
  saveConversation(conversation: StoredConversation, at: string): void {
    this.database
      .prepare(`INSERT INTO teams_conversations (conversation_id, kind, reference, person_id, aad_object_id, tenant_id, service_url, undeliverable, updated_at)
        VALUES (@id, @kind, @reference, @person, @aad, @tenant, @serviceUrl, NULL, @at)
        ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, reference = excluded.reference,
          person_id = COALESCE(excluded.person_id, teams_conversations.person_id), aad_object_id = COALESCE(excluded.aad_object_id, teams_conversations.aad_object_id),
          tenant_id = COALESCE(excluded.tenant_id, teams_conversations.tenant_id), service_url = excluded.service_url, undeliverable = NULL, updated_at = excluded.updated_at`)
      .run({
        id: conversation.conversationId, kind: conversation.kind, reference: conversation.reference, person: conversation.personId ?? null,
        aad: conversation.aadObjectId ?? null, tenant: conversation.tenantId ?? null, serviceUrl: conversation.serviceUrl, at,
      });
  }

  /** A stored conversation by its Teams id. */
  conversation(conversationId: string): StoredConversation | undefined {
    const row = this.database.prepare<[string], ConversationRow>('SELECT * FROM teams_conversations WHERE conversation_id = ?').get(conversationId);
    return row ? toConversation(row) : undefined;
  }

  /** The person's deliverable 1:1 conversation with the bot, newest first. */
  personalConversationOf(personId: string): StoredConversation | undefined {
    const row = this.database
      .prepare<[string], ConversationRow>(`SELECT * FROM teams_conversations WHERE person_id = ? AND kind = 'personal' AND undeliverable IS NULL ORDER BY updated_at DESC LIMIT 1`)
      .get(personId);
    return row ? toConversation(row) : undefined;
  }

  /** The latest service URL, tenant and bot account (to open 1:1 chats for people who got the app org-wide). */
  latestEndpoint(): { serviceUrl: string; agentId: string; tenantId?: string } | undefined {
    const row = this.database
      .prepare<[], { service_url: string; tenant_id: string | null; reference: string }>('SELECT service_url, tenant_id, reference FROM teams_conversations ORDER BY updated_at DESC LIMIT 1')
      .get();
    const agent = row ? agentSchema.safeParse(JSON.parse(row.reference)) : undefined;
    if (!row || !agent?.success) return undefined;
    return { serviceUrl: row.service_url, agentId: agent.data.agent.id, ...(row.tenant_id ? { tenantId: row.tenant_id } : {}) };
  }

  /** Stops proactive sends into a conversation (403/404, uninstall). */
  markUndeliverable(conversationId: string, reason: string): void {
    this.database.prepare('UPDATE teams_conversations SET undeliverable = ? WHERE conversation_id = ?').run(reason, conversationId);
  }

  /** Remembers which Teams conversation a core conversation lives in (answers of Lotsen go there). */
  linkCoreConversation(coreConversationId: string, teamsConversationId: string): void {
    this.database
      .prepare('INSERT INTO teams_core_links (core_conversation_id, teams_conversation_id) VALUES (?, ?) ON CONFLICT (core_conversation_id) DO UPDATE SET teams_conversation_id = excluded.teams_conversation_id')
      .run(coreConversationId, teamsConversationId);
  }

  /** The Teams conversation of a core conversation. */
  teamsConversationOf(coreConversationId: string): string | undefined {
    return this.database
      .prepare<[string], { teams_conversation_id: string }>('SELECT teams_conversation_id FROM teams_core_links WHERE core_conversation_id = ?')
      .get(coreConversationId)?.teams_conversation_id;
  }

  /** Records a ticket card (activity id once known). */
  saveTicketCard(card: TicketCard): void {
    this.database
      .prepare(`INSERT INTO teams_ticket_cards (ticket_id, teams_conversation_id, activity_id, version) VALUES (?, ?, ?, ?)
        ON CONFLICT (ticket_id, teams_conversation_id) DO UPDATE SET activity_id = COALESCE(excluded.activity_id, teams_ticket_cards.activity_id), version = excluded.version`)
      .run(card.ticketId, card.conversationId, card.activityId ?? null, card.version);
  }

  /** The card of a ticket in a conversation. */
  ticketCard(ticketId: string, conversationId: string): TicketCard | undefined {
    const row = this.database
      .prepare<[string, string], { activity_id: string | null; version: number }>('SELECT activity_id, version FROM teams_ticket_cards WHERE ticket_id = ? AND teams_conversation_id = ?')
      .get(ticketId, conversationId);
    return row ? { ticketId, conversationId, version: row.version, ...(row.activity_id ? { activityId: row.activity_id } : {}) } : undefined;
  }

  /** Every ticket card sent so far. */
  ticketCards(): TicketCard[] {
    return this.database
      .prepare<[], { ticket_id: string; teams_conversation_id: string; activity_id: string | null; version: number }>('SELECT * FROM teams_ticket_cards')
      .all()
      .map((row) => ({ ticketId: row.ticket_id, conversationId: row.teams_conversation_id, version: row.version, ...(row.activity_id ? { activityId: row.activity_id } : {}) }));
  }

  /** Claims an action key; false when it was handled before (a replayed or double-submitted card). */
  claimAction(key: string, at: string): boolean {
    return this.database.prepare('INSERT OR IGNORE INTO teams_card_actions (key, at) VALUES (?, ?)').run(key, at).changes === 1;
  }

  /** Whether the person asked for answers in Leichte Sprache ("einfach"). */
  plainLanguage(userId: string): boolean | undefined {
    const row = this.database.prepare<[string], { plain_language: number }>('SELECT plain_language FROM teams_preferences WHERE user_id = ?').get(userId);
    return row ? row.plain_language === 1 : undefined;
  }

  /** Turns Leichte Sprache on ("einfach") or off ("normal") for the person's next answers. */
  setPlainLanguage(userId: string, on: boolean, at: string): void {
    this.database
      .prepare('INSERT INTO teams_preferences (user_id, plain_language, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET plain_language = excluded.plain_language, updated_at = excluded.updated_at')
      .run(userId, on ? 1 : 0, at);
  }

  /** Frees an action key again (the action was refused, so the person may try once more). */
  releaseAction(key: string): void {
    this.database.prepare('DELETE FROM teams_card_actions WHERE key = ?').run(key);
  }
}
