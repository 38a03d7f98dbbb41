/**
 * Durable state of the Jabber channel in the lotse SQLite database: the outbox (every outbound chat
 * message is written here first and removed only when the server acknowledged it, so nothing is lost
 * across a reconnect or a restart) and the per-user session (current conversation, last answer).
 */
import { migrate, type SqliteDatabase } from '../../storage/sqlite-database.ts';

/** A message waiting for (confirmed) delivery. */
export interface OutboxEntry {
  readonly id: number;
  /** The stanza id; the server's stream-management ack names it. */
  readonly stanzaId: string;
  readonly to: string;
  readonly body: string;
  readonly createdAt: string;
}

/** What the channel remembers about one Jabber user between messages (and restarts). */
export interface XmppSession {
  readonly jid: string;
  readonly conversationId?: string;
  readonly lastMessageId?: string;
  readonly lastOutcome?: string;
  readonly lastRating?: 'up' | 'down';
  readonly updatedAt: string;
  /** The last answer's suggested next questions; "1", "2", "3" asks one (issue #22). Set with `saveSuggestions`. */
  readonly suggestions?: readonly string[];
  /** "einfach" (true) or "normal" (false) was written; absent without a choice (the directory default applies). Set with `savePlainLanguage`. */
  readonly plainLanguage?: boolean;
}

const steps = [
  `CREATE TABLE xmpp_outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     stanza_id TEXT NOT NULL UNIQUE,
     to_jid TEXT NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE xmpp_sessions (
     jid TEXT PRIMARY KEY,
     conversation_id TEXT,
     last_message_id TEXT,
     last_outcome TEXT,
     last_rating TEXT,
     updated_at TEXT NOT NULL
   );`,
  `ALTER TABLE xmpp_sessions ADD COLUMN suggestions TEXT;
   ALTER TABLE xmpp_sessions ADD COLUMN plain_language INTEGER NOT NULL DEFAULT 0;`,
  // Whether the person chose "einfach"/"normal" here; without a choice the directory default applies (issue #22).
  `ALTER TABLE xmpp_sessions ADD COLUMN plain_language_chosen INTEGER NOT NULL DEFAULT 0;
   UPDATE xmpp_sessions SET plain_language_chosen = 1 WHERE plain_language = 1;`,
];

interface OutboxRow { id: number; stanza_id: string; to_jid: string; body: string; created_at: string }
interface SessionRow { jid: string; conversation_id: string | null; last_message_id: string | null; last_outcome: string | null; last_rating: string | null; updated_at: string; suggestions: string | null; plain_language: number; plain_language_chosen: number }

function suggestionsOf(json: string | null): string[] {
  const parsed: unknown = json ? JSON.parse(json) : [];
  return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The outbox and sessions over better-sqlite3. */
export class SqliteXmppStore {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'xmpp-channel', steps);
  }

  /** Appends messages (one transaction, in order). */
  enqueue(entries: readonly { stanzaId: string; to: string; body: string }[], at: string): void {
    const insert = this.database.prepare('INSERT INTO xmpp_outbox (stanza_id, to_jid, body, created_at) VALUES (?, ?, ?, ?)');
    this.database.transaction(() => {
      for (const entry of entries) insert.run(entry.stanzaId, entry.to, entry.body, at);
    })();
  }

  /** Pending messages, oldest first. */
  pending(limit = 500): OutboxEntry[] {
    return this.database
      .prepare<[number], OutboxRow>('SELECT id, stanza_id, to_jid, body, created_at FROM xmpp_outbox ORDER BY id LIMIT ?')
      .all(limit)
      .map((row) => ({ id: row.id, stanzaId: row.stanza_id, to: row.to_jid, body: row.body, createdAt: row.created_at }));
  }

  /** Counts a send attempt. */
  markAttempt(stanzaId: string): void {
    this.database.prepare('UPDATE xmpp_outbox SET attempts = attempts + 1 WHERE stanza_id = ?').run(stanzaId);
  }

  /** Removes a delivered message (the text stays only in the conversation store). */
  remove(stanzaId: string): boolean {
    return this.database.prepare('DELETE FROM xmpp_outbox WHERE stanza_id = ?').run(stanzaId).changes > 0;
  }

  /** Number of pending messages. */
  size(): number {
    return this.database.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM xmpp_outbox').get()?.count ?? 0;
  }

  session(jid: string): XmppSession | undefined {
    const row = this.database.prepare<[string], SessionRow>('SELECT * FROM xmpp_sessions WHERE jid = ?').get(jid);
    if (!row) return undefined;
    return {
      jid: row.jid, updatedAt: row.updated_at,
      ...(row.conversation_id ? { conversationId: row.conversation_id } : {}),
      ...(row.last_message_id ? { lastMessageId: row.last_message_id } : {}),
      ...(row.last_outcome ? { lastOutcome: row.last_outcome } : {}),
      ...(row.last_rating === 'up' || row.last_rating === 'down' ? { lastRating: row.last_rating } : {}),
      ...(row.suggestions ? { suggestions: suggestionsOf(row.suggestions) } : {}),
      ...(row.plain_language_chosen === 1 ? { plainLanguage: row.plain_language === 1 } : {}),
    };
  }

  saveSession(session: XmppSession): void {
    this.database
      .prepare(
        `INSERT INTO xmpp_sessions (jid, conversation_id, last_message_id, last_outcome, last_rating, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (jid) DO UPDATE SET conversation_id = excluded.conversation_id, last_message_id = excluded.last_message_id,
           last_outcome = excluded.last_outcome, last_rating = excluded.last_rating, updated_at = excluded.updated_at`,
      )
      .run(session.jid, session.conversationId ?? null, session.lastMessageId ?? null, session.lastOutcome ?? null, session.lastRating ?? null, session.updatedAt);
  }

  /** Remembers the last answer's suggested next questions (replaced by every answer). */
  saveSuggestions(jid: string, suggestions: readonly string[]): void {
    this.database.prepare('UPDATE xmpp_sessions SET suggestions = ? WHERE jid = ?').run(JSON.stringify(suggestions), jid);
  }

  /** Turns Leichte Sprache on or off for the person's next answers (kept across conversations). */
  savePlainLanguage(jid: string, on: boolean, at: string): void {
    this.database
      .prepare('INSERT INTO xmpp_sessions (jid, plain_language, plain_language_chosen, updated_at) VALUES (?, ?, 1, ?) ON CONFLICT (jid) DO UPDATE SET plain_language = excluded.plain_language, plain_language_chosen = 1')
      .run(jid, on ? 1 : 0, at);
  }
}
