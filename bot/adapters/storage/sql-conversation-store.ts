/**
 * `ConversationStore` on the asynchronous store database (SQLite or PostgreSQL): conversations owned by one
 * pseudonymous user, their messages and feedback. The tables come from migration `0001-conversations`.
 */
import { sql } from 'kysely';
import type { ConversationStore, Feedback, NegativeFeedback, StoredMessage } from '../../ports/conversation-store.ts';
import type { ChannelName, Outcome } from '../../ports/turn.ts';
import { citedDocuments } from '../../shared/cited-documents.ts';
import { first, rows, run, type StoreDatabase } from '../sql/store-database.ts';

interface MessageRow {
  id: string;
  conversation_id: string;
  role: string;
  text: string;
  outcome: string | null;
  payload: string | null;
  created_at: string;
}

const outcomes = new Set<string>(['answered', 'no_answer', 'refused', 'escalated']);

function toMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role === 'bot' ? 'bot' : 'user',
    text: row.text,
    ...(row.outcome && outcomes.has(row.outcome) ? { outcome: row.outcome as Outcome } : {}),
    ...(row.payload ? { payload: row.payload } : {}),
    createdAt: row.created_at,
  };
}

/** Options of the store. */
export interface ConversationStoreOptions {
  /**
   * Turns a user id into the stored owner key: the audit's HMAC pseudonym (32 hex digits), so the table never
   * holds directory ids in clear (issue #18, item 4). Without it ids are stored as given (tests, unkeyed replicas).
   */
  readonly ownerKey?: (userId: string) => string;
}

const isPseudonym = (value: string): boolean => /^[0-9a-f]{32}$/.test(value);

/** The conversation store on SQLite or PostgreSQL. */
export class SqlConversationStore implements ConversationStore {
  private readonly keyOf: (userId: string) => string;

  constructor(
    private readonly database: StoreDatabase,
    options: ConversationStoreOptions = {},
  ) {
    this.keyOf = options.ownerKey ?? ((userId) => userId);
  }

  /** Replaces owners stored in clear (before keys, or written unkeyed) by their key; idempotent, safe on replicas. */
  async pseudonymizeOwners(ownerKey: (userId: string) => string): Promise<number> {
    const clear = (
      await rows(this.database.db, sql<{ user_id: string }>`SELECT DISTINCT user_id FROM conversations WHERE length(user_id) <> 32`)
    )
      .map((row) => row.user_id)
      .filter((userId) => !isPseudonym(userId));
    if (clear.length === 0) return 0;
    await this.database.transaction(async (tx) => {
      for (const userId of clear) await run(tx, sql`UPDATE conversations SET user_id = ${ownerKey(userId)} WHERE user_id = ${userId}`);
    });
    return clear.length;
  }

  async ensureConversation(input: { id: string; channel: ChannelName; userId: string; at: string }): Promise<boolean> {
    const owner = this.keyOf(input.userId);
    const insert = sql`INSERT INTO conversations (id, channel, user_id, created_at)
      VALUES (${input.id}, ${input.channel}, ${owner}, ${input.at}) ON CONFLICT (id) DO NOTHING RETURNING user_id`;
    let found: string | undefined;
    if (this.database.dialect === 'postgres') {
      // One round trip, new or not: the inserted row, else the existing one (the outer SELECT sees the table as
      // it was before the statement, so exactly one of the two answers).
      found = (
        await first(
          this.database.db,
          sql<{ user_id: string }>`WITH inserted AS (${insert})
        SELECT user_id FROM inserted UNION ALL SELECT user_id FROM conversations WHERE id = ${input.id}`,
        )
      )?.user_id;
    } else {
      // SQLite has no INSERT in WITH: every turn after the first finds its conversation in one statement, a new
      // one is inserted if still absent with its owner returned.
      found = (await this.conversationOwner(input.id)) ?? (await first(this.database.db, sql<{ user_id: string }>`${insert}`))?.user_id;
    }
    // Nothing came back only when another replica inserted the id meanwhile: read its owner, so both agree.
    return (found ?? (await this.conversationOwner(input.id))) === owner;
  }

  async appendMessage(message: StoredMessage): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO messages (id, conversation_id, seq, role, text, outcome, payload, created_at)
      VALUES (${message.id}, ${message.conversationId},
        (SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE conversation_id = ${message.conversationId}),
        ${message.role}, ${message.text}, ${message.outcome ?? null}, ${message.payload ?? null}, ${message.createdAt})`,
    );
  }

  async recentMessages(conversationId: string, limit: number): Promise<StoredMessage[]> {
    const found = await rows(
      this.database.db,
      sql<MessageRow>`SELECT * FROM messages WHERE conversation_id = ${conversationId}
      ORDER BY seq DESC LIMIT ${limit}`,
    );
    return found.reverse().map(toMessage);
  }

  async messagesUntil(conversationId: string, messageId: string, limit: number): Promise<StoredMessage[]> {
    const found = await rows(
      this.database.db,
      sql<MessageRow>`SELECT * FROM messages WHERE conversation_id = ${conversationId}
      AND seq <= (SELECT seq FROM messages WHERE id = ${messageId} AND conversation_id = ${conversationId}) ORDER BY seq DESC LIMIT ${limit}`,
    );
    return found.reverse().map(toMessage);
  }

  async getMessage(id: string): Promise<StoredMessage | undefined> {
    const row = await first(this.database.db, sql<MessageRow>`SELECT * FROM messages WHERE id = ${id}`);
    return row ? toMessage(row) : undefined;
  }

  async conversationOwner(conversationId: string): Promise<string | undefined> {
    return (await first(this.database.db, sql<{ user_id: string }>`SELECT user_id FROM conversations WHERE id = ${conversationId}`))
      ?.user_id;
  }

  async isOwner(conversationId: string, userId: string): Promise<boolean> {
    const owner = await this.conversationOwner(conversationId);
    return owner !== undefined && owner === this.keyOf(userId);
  }

  async recordFeedback(feedback: Feedback & { at: string }): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO feedback (message_id, rating, reason, created_at)
      VALUES (${feedback.messageId}, ${feedback.rating}, ${feedback.reason ?? null}, ${feedback.at})
      ON CONFLICT (message_id) DO UPDATE SET rating = excluded.rating, reason = excluded.reason, created_at = excluded.created_at`,
    );
  }

  async feedbackFor(messageId: string): Promise<Feedback | undefined> {
    const row = await first(
      this.database.db,
      sql<{ rating: string; reason: string | null }>`SELECT rating, reason FROM feedback WHERE message_id = ${messageId}`,
    );
    if (!row) return undefined;
    return { messageId, rating: row.rating === 'up' ? 'up' : 'down', ...(row.reason ? { reason: row.reason } : {}) };
  }

  /**
   * Deletes conversations whose last activity is before `before` (ISO), with their messages and feedback;
   * returns how many conversations went (retention, issue #18 item 4).
   */
  async purgeInactive(before: string): Promise<number> {
    const stale = sql`SELECT c.id FROM conversations c WHERE c.created_at < ${before}
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.created_at >= ${before})`;
    return this.database.transaction(async (tx) => {
      await run(tx, sql`DELETE FROM feedback WHERE message_id IN (SELECT id FROM messages WHERE conversation_id IN (${stale}))`);
      await run(tx, sql`DELETE FROM messages WHERE conversation_id IN (${stale})`);
      return run(tx, sql`DELETE FROM conversations WHERE id IN (${stale})`);
    });
  }

  async negativeFeedback(limit: number): Promise<NegativeFeedback[]> {
    const found = await rows(
      this.database.db,
      sql<{ message_id: string; reason: string | null; created_at: string; payload: string | null }>`
      SELECT f.message_id, f.reason, f.created_at, m.payload FROM feedback f JOIN messages m ON m.id = f.message_id
      WHERE f.rating = 'down' ORDER BY f.created_at DESC LIMIT ${limit}`,
    );
    return found.map((row) => ({
      messageId: row.message_id,
      at: row.created_at,
      documents: citedDocuments(row.payload),
      ...(row.reason ? { reason: row.reason } : {}),
    }));
  }
}
