/**
 * `ConversationStore` on SQLite: conversations (owned by one pseudonymous user), messages and feedback.
 */
import type {
  ConversationStore,
  Feedback,
  NegativeFeedback,
  StoredMessage,
} from '../../ports/conversation-store.ts';
import type { ChannelName, Outcome } from '../../ports/turn.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';
import { citedDocuments } from '../../shared/cited-documents.ts';

const migrations = [
  `CREATE TABLE conversations (id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE messages (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations(id),
     seq INTEGER NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, outcome TEXT, payload TEXT, created_at TEXT NOT NULL);
   CREATE INDEX messages_by_conversation ON messages (conversation_id, seq);
   CREATE TABLE feedback (message_id TEXT PRIMARY KEY REFERENCES messages(id), rating TEXT NOT NULL, reason TEXT,
     created_at TEXT NOT NULL);`,
];

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

/** SQLite implementation of the conversation store. */
export class SqliteConversationStore implements ConversationStore {
  private readonly keyOf: (userId: string) => string;

  constructor(private readonly database: SqliteDatabase, options: ConversationStoreOptions = {}) {
    migrate(database, 'conversations', migrations);
    this.keyOf = options.ownerKey ?? ((userId) => userId);
    if (options.ownerKey) this.pseudonymizeOwners(options.ownerKey);
  }

  /** Replaces owners stored in clear (before keys, or written unkeyed) by their key; idempotent, safe on replicas. */
  private pseudonymizeOwners(ownerKey: (userId: string) => string): void {
    const clear = this.database
      .prepare<[], { user_id: string }>('SELECT DISTINCT user_id FROM conversations WHERE length(user_id) <> 32')
      .all()
      .map((row) => row.user_id)
      .filter((userId) => !isPseudonym(userId));
    const update = this.database.prepare<[string, string], unknown>('UPDATE conversations SET user_id = ? WHERE user_id = ?');
    this.database.transaction(() => {
      for (const userId of clear) update.run(ownerKey(userId), userId);
    })();
  }

  ensureConversation(input: { id: string; channel: ChannelName; userId: string; at: string }): boolean {
    const owner = this.keyOf(input.userId);
    const existing = this.database
      .prepare<[string], { user_id: string }>('SELECT user_id FROM conversations WHERE id = ?')
      .get(input.id);
    if (existing) return existing.user_id === owner;
    this.database
      .prepare('INSERT INTO conversations (id, channel, user_id, created_at) VALUES (?, ?, ?, ?)')
      .run(input.id, input.channel, owner, input.at);
    return true;
  }

  appendMessage(message: StoredMessage): void {
    this.database
      .prepare(
        `INSERT INTO messages (id, conversation_id, seq, role, text, outcome, payload, created_at)
         VALUES (?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?)`,
      )
      .run(
        message.id,
        message.conversationId,
        message.conversationId,
        message.role,
        message.text,
        message.outcome ?? null,
        message.payload ?? null,
        message.createdAt,
      );
  }

  recentMessages(conversationId: string, limit: number): StoredMessage[] {
    return this.database
      .prepare<[string, number], MessageRow>(
        'SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?',
      )
      .all(conversationId, limit)
      .reverse()
      .map(toMessage);
  }

  messagesUntil(conversationId: string, messageId: string, limit: number): StoredMessage[] {
    return this.database
      .prepare<[string, string, string, number], MessageRow>(
        `SELECT * FROM messages WHERE conversation_id = ?
           AND seq <= (SELECT seq FROM messages WHERE id = ? AND conversation_id = ?) ORDER BY seq DESC LIMIT ?`,
      )
      .all(conversationId, messageId, conversationId, limit)
      .reverse()
      .map(toMessage);
  }

  getMessage(id: string): StoredMessage | undefined {
    const row = this.database.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?').get(id);
    return row ? toMessage(row) : undefined;
  }

  conversationOwner(conversationId: string): string | undefined {
    return this.database
      .prepare<[string], { user_id: string }>('SELECT user_id FROM conversations WHERE id = ?')
      .get(conversationId)?.user_id;
  }

  isOwner(conversationId: string, userId: string): boolean {
    const owner = this.conversationOwner(conversationId);
    return owner !== undefined && owner === this.keyOf(userId);
  }

  recordFeedback(feedback: Feedback & { at: string }): void {
    this.database
      .prepare(
        `INSERT INTO feedback (message_id, rating, reason, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(message_id) DO UPDATE SET rating = excluded.rating, reason = excluded.reason, created_at = excluded.created_at`,
      )
      .run(feedback.messageId, feedback.rating, feedback.reason ?? null, feedback.at);
  }

  feedbackFor(messageId: string): Feedback | undefined {
    const row = this.database
      .prepare<[string], { rating: string; reason: string | null }>(
        'SELECT rating, reason FROM feedback WHERE message_id = ?',
      )
      .get(messageId);
    if (!row) return undefined;
    return { messageId, rating: row.rating === 'up' ? 'up' : 'down', ...(row.reason ? { reason: row.reason } : {}) };
  }

  /**
   * Deletes conversations whose last activity is before `before` (ISO), with their messages and feedback;
   * returns how many conversations went (retention, issue #18 item 4).
   */
  purgeInactive(before: string): number {
    const stale = `SELECT c.id FROM conversations c WHERE c.created_at < ?
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.created_at >= ?)`;
    return this.database.transaction(() => {
      this.database.prepare(`DELETE FROM feedback WHERE message_id IN (SELECT id FROM messages WHERE conversation_id IN (${stale}))`).run(before, before);
      this.database.prepare(`DELETE FROM messages WHERE conversation_id IN (${stale})`).run(before, before);
      return Number(this.database.prepare(`DELETE FROM conversations WHERE id IN (${stale})`).run(before, before).changes);
    })();
  }

  negativeFeedback(limit: number): NegativeFeedback[] {
    return this.database
      .prepare<[number], { message_id: string; reason: string | null; created_at: string; payload: string | null }>(
        `SELECT f.message_id, f.reason, f.created_at, m.payload FROM feedback f JOIN messages m ON m.id = f.message_id
         WHERE f.rating = 'down' ORDER BY f.created_at DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => ({ messageId: row.message_id, at: row.created_at, documents: citedDocuments(row.payload), ...(row.reason ? { reason: row.reason } : {}) }));
  }
}
