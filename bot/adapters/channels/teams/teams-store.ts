/**
 * What the Teams channel remembers in the database (SQLite or PostgreSQL): conversation references (stored on
 * install, first contact and `conversationUpdate`, used for proactive messages), the link from a core
 * conversation to its Teams conversation, the activity id of every ticket card (updated in place), handled
 * card actions (replays) and the Leichte-Sprache choice. Asynchronous (issue #20); the tables come from
 * migration `0013-teams`.
 *
 * Stored JSON (issue #20, item 2): the conversation `reference` is written with `storedReference` (versioned,
 * zod-checked: a loose object with `conversation.id`; `agent.id` is optional and only `latestEndpoint` needs it).
 * References written before versions existed read as version 1; the port keeps the reference as JSON text without
 * the version field, as the SDK connector expects it. A reference this lotse cannot read (written by a newer lotse,
 * or invalid) makes its row absent: `conversation` and `personalConversationOf` do not return it, `latestEndpoint`
 * takes the newest readable row with a bot account; the refusal is logged once per row and reason
 * (`stored-json-refused`) and the row is never written back (the next contact from that conversation stores a fresh
 * reference). Messages queued for such a conversation fail in the outbox as `unknown conversation` (never sent with
 * a half-understood reference). `personsWithPersonalConversation` reads columns only and is unaffected.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { first, rows, run, type StoreDatabase } from '../../sql/store-database.ts';
import { refusedRowReporter, storedJson, type Decoded } from '../../sql/stored-json.ts';

/** The SDK's ConversationReference as far as lotse reads it (other fields pass through untouched). */
const referenceSchema = z.looseObject({
  conversation: z.looseObject({ id: z.string().min(1) }),
  agent: z.looseObject({ id: z.string().min(1) }).optional(),
});
type Reference = z.infer<typeof referenceSchema>;

/** A stored conversation reference (version 1). */
export const storedReference = storedJson<Reference>(referenceSchema, 1);

/** How many of the newest rows `latestEndpoint` looks at for a readable reference with a bot account. */
const endpointCandidates = 20;

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

/** Where proactive 1:1 chats are opened: the latest service URL, tenant and bot account. */
export interface TeamsEndpointInfo {
  readonly serviceUrl: string;
  readonly agentId: string;
  readonly tenantId?: string;
}

/** Persistence of the Teams channel's references and card bookkeeping. */
export interface TeamsStore {
  /** Stores or refreshes a reference; a fresh contact clears an earlier undeliverable mark. */
  saveConversation(conversation: StoredConversation, at: string): Promise<void>;
  /** A stored conversation by its Teams id. */
  conversation(conversationId: string): Promise<StoredConversation | undefined>;
  /** The person's deliverable 1:1 conversation with the bot, newest first. */
  personalConversationOf(personId: string): Promise<StoredConversation | undefined>;
  /** Everyone with a deliverable 1:1 conversation (the endpoint's `reaches` answers from this). */
  personsWithPersonalConversation(): Promise<string[]>;
  /** The latest service URL, tenant and bot account (to open 1:1 chats for people who got the app org-wide). */
  latestEndpoint(): Promise<TeamsEndpointInfo | undefined>;
  /** Stops proactive sends into a conversation (403/404, uninstall). */
  markUndeliverable(conversationId: string, reason: string): Promise<void>;
  /** Remembers which Teams conversation a core conversation lives in (answers of Lotsen go there). */
  linkCoreConversation(coreConversationId: string, teamsConversationId: string): Promise<void>;
  /** The Teams conversation of a core conversation. */
  teamsConversationOf(coreConversationId: string): Promise<string | undefined>;
  /** Records a ticket card (activity id once known). */
  saveTicketCard(card: TicketCard): Promise<void>;
  /** The card of a ticket in a conversation. */
  ticketCard(ticketId: string, conversationId: string): Promise<TicketCard | undefined>;
  /** Every ticket card sent so far. */
  ticketCards(): Promise<TicketCard[]>;
  /** Claims an action key; false when it was handled before (a replayed or double-submitted card, any replica). */
  claimAction(key: string, at: string): Promise<boolean>;
  /** Frees an action key again (the action was refused, so the person may try once more). */
  releaseAction(key: string): Promise<void>;
  /** Whether the person asked for answers in Leichte Sprache ("einfach"). */
  plainLanguage(userId: string): Promise<boolean | undefined>;
  /** Turns Leichte Sprache on ("einfach") or off ("normal") for the person's next answers. */
  setPlainLanguage(userId: string, on: boolean, at: string): Promise<void>;
}

interface ConversationRow {
  conversation_id: string;
  kind: TeamsConversationKind;
  reference: string;
  person_id: string | null;
  aad_object_id: string | null;
  tenant_id: string | null;
  service_url: string;
  undeliverable: string | null;
}

interface CardRow {
  ticket_id: string;
  teams_conversation_id: string;
  activity_id: string | null;
  version: number;
}

function toConversation(row: ConversationRow, reference: Reference): StoredConversation {
  return {
    conversationId: row.conversation_id,
    kind: row.kind,
    reference: JSON.stringify(reference),
    serviceUrl: row.service_url,
    ...(row.person_id ? { personId: row.person_id } : {}),
    ...(row.aad_object_id ? { aadObjectId: row.aad_object_id } : {}),
    ...(row.tenant_id ? { tenantId: row.tenant_id } : {}),
    ...(row.undeliverable ? { undeliverable: row.undeliverable } : {}),
  };
}

function toCard(row: CardRow): TicketCard {
  return {
    ticketId: row.ticket_id,
    conversationId: row.teams_conversation_id,
    version: Number(row.version),
    ...(row.activity_id ? { activityId: row.activity_id } : {}),
  };
}

/** The Teams store on the asynchronous store database (SQLite or PostgreSQL). */
export class SqlTeamsStore implements TeamsStore {
  private readonly refused: (key: string, reason: string) => void;

  constructor(private readonly database: StoreDatabase) {
    this.refused = refusedRowReporter('teams-conversations', database.logger);
  }

  /** The row's reference, or undefined (logged) when this lotse cannot read it. */
  private referenceOf(row: { conversation_id: string; reference: string }): Reference | undefined {
    const decoded: Decoded<Reference> = storedReference.decode(row.reference);
    if (decoded.ok) return decoded.value;
    this.refused(row.conversation_id, decoded.reason);
    return undefined;
  }

  private readable(row: ConversationRow | undefined): StoredConversation | undefined {
    const reference = row ? this.referenceOf(row) : undefined;
    return row && reference ? toConversation(row, reference) : undefined;
  }

  async saveConversation(conversation: StoredConversation, at: string): Promise<void> {
    const checked = storedReference.decode(conversation.reference);
    if (!checked.ok) throw new Error(`Teams conversation reference not stored: ${checked.reason}`);
    const reference = storedReference.encode(checked.value);
    await run(
      this.database.db,
      sql`INSERT INTO teams_conversations (conversation_id, kind, reference, person_id, aad_object_id, tenant_id, service_url, undeliverable, updated_at)
      VALUES (${conversation.conversationId}, ${conversation.kind}, ${reference}, ${conversation.personId ?? null}, ${conversation.aadObjectId ?? null},
        ${conversation.tenantId ?? null}, ${conversation.serviceUrl}, NULL, ${at})
      ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, reference = excluded.reference,
        person_id = COALESCE(excluded.person_id, teams_conversations.person_id), aad_object_id = COALESCE(excluded.aad_object_id, teams_conversations.aad_object_id),
        tenant_id = COALESCE(excluded.tenant_id, teams_conversations.tenant_id), service_url = excluded.service_url, undeliverable = NULL, updated_at = excluded.updated_at`,
    );
  }

  async conversation(conversationId: string): Promise<StoredConversation | undefined> {
    return this.readable(
      await first(this.database.db, sql<ConversationRow>`SELECT * FROM teams_conversations WHERE conversation_id = ${conversationId}`),
    );
  }

  async personalConversationOf(personId: string): Promise<StoredConversation | undefined> {
    const found = await rows(
      this.database.db,
      sql<ConversationRow>`SELECT * FROM teams_conversations
      WHERE person_id = ${personId} AND kind = 'personal' AND undeliverable IS NULL ORDER BY updated_at DESC, conversation_id`,
    );
    for (const row of found) {
      const conversation = this.readable(row);
      if (conversation) return conversation;
    }
    return undefined;
  }

  async personsWithPersonalConversation(): Promise<string[]> {
    const found = await rows(
      this.database.db,
      sql<{ person_id: string }>`SELECT DISTINCT person_id FROM teams_conversations
      WHERE person_id IS NOT NULL AND kind = 'personal' AND undeliverable IS NULL`,
    );
    return found.map((row) => row.person_id);
  }

  async latestEndpoint(): Promise<TeamsEndpointInfo | undefined> {
    const found = await rows(
      this.database.db,
      sql<{ conversation_id: string; service_url: string; tenant_id: string | null; reference: string }>`
      SELECT conversation_id, service_url, tenant_id, reference FROM teams_conversations ORDER BY updated_at DESC, conversation_id LIMIT ${endpointCandidates}`,
    );
    for (const row of found) {
      const agentId = this.referenceOf(row)?.agent?.id;
      if (agentId) return { serviceUrl: row.service_url, agentId, ...(row.tenant_id ? { tenantId: row.tenant_id } : {}) };
    }
    return undefined;
  }

  async markUndeliverable(conversationId: string, reason: string): Promise<void> {
    await run(this.database.db, sql`UPDATE teams_conversations SET undeliverable = ${reason} WHERE conversation_id = ${conversationId}`);
  }

  async linkCoreConversation(coreConversationId: string, teamsConversationId: string): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO teams_core_links (core_conversation_id, teams_conversation_id) VALUES (${coreConversationId}, ${teamsConversationId})
      ON CONFLICT (core_conversation_id) DO UPDATE SET teams_conversation_id = excluded.teams_conversation_id`,
    );
  }

  async teamsConversationOf(coreConversationId: string): Promise<string | undefined> {
    const row = await first(
      this.database.db,
      sql<{
        teams_conversation_id: string;
      }>`SELECT teams_conversation_id FROM teams_core_links WHERE core_conversation_id = ${coreConversationId}`,
    );
    return row?.teams_conversation_id;
  }

  async saveTicketCard(card: TicketCard): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO teams_ticket_cards (ticket_id, teams_conversation_id, activity_id, version)
      VALUES (${card.ticketId}, ${card.conversationId}, ${card.activityId ?? null}, ${card.version})
      ON CONFLICT (ticket_id, teams_conversation_id) DO UPDATE SET activity_id = COALESCE(excluded.activity_id, teams_ticket_cards.activity_id), version = excluded.version`,
    );
  }

  async ticketCard(ticketId: string, conversationId: string): Promise<TicketCard | undefined> {
    const row = await first(
      this.database.db,
      sql<CardRow>`SELECT * FROM teams_ticket_cards WHERE ticket_id = ${ticketId} AND teams_conversation_id = ${conversationId}`,
    );
    return row ? toCard(row) : undefined;
  }

  async ticketCards(): Promise<TicketCard[]> {
    return (await rows(this.database.db, sql<CardRow>`SELECT * FROM teams_ticket_cards ORDER BY ticket_id, teams_conversation_id`)).map(
      toCard,
    );
  }

  async claimAction(key: string, at: string): Promise<boolean> {
    return (
      (await run(this.database.db, sql`INSERT INTO teams_card_actions (key, at) VALUES (${key}, ${at}) ON CONFLICT (key) DO NOTHING`)) === 1
    );
  }

  async releaseAction(key: string): Promise<void> {
    await run(this.database.db, sql`DELETE FROM teams_card_actions WHERE key = ${key}`);
  }

  async plainLanguage(userId: string): Promise<boolean | undefined> {
    const row = await first(
      this.database.db,
      sql<{ plain_language: number }>`SELECT plain_language FROM teams_preferences WHERE user_id = ${userId}`,
    );
    return row ? Number(row.plain_language) === 1 : undefined;
  }

  async setPlainLanguage(userId: string, on: boolean, at: string): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO teams_preferences (user_id, plain_language, updated_at) VALUES (${userId}, ${on ? 1 : 0}, ${at})
      ON CONFLICT (user_id) DO UPDATE SET plain_language = excluded.plain_language, updated_at = excluded.updated_at`,
    );
  }
}
