/**
 * Durable state of the Jabber channel in the store database (SQLite or PostgreSQL): the outbox (every
 * outbound chat message is written here first and removed only when the server acknowledged it, so nothing
 * is lost across a reconnect or a restart) and the per-user session (current conversation, last answer).
 * Asynchronous (issue #20); the tables come from migration `0015-xmpp`.
 *
 * Stored JSON (issue #20, item 2): a session's `suggestions` are written with `storedSuggestions` (versioned,
 * zod-checked array of strings; `wrapped`: bare at version 1, as before versions existed, so old rows read as
 * version 1 unchanged). Suggestions this lotse cannot read (written by a newer lotse, or invalid) are left out of
 * the session — the rest of the session is read as usual, "1", "2", "3" then asks nothing — and the refusal is
 * logged once per session and reason (`stored-json-refused`); the next answer replaces them.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { first, rows, run, type StoreDatabase } from '../../sql/store-database.ts';
import { refusedRowReporter, storedJson } from '../../sql/stored-json.ts';

/** The last answer's suggested next questions (version 1, bare array). */
export const storedSuggestions = storedJson<string[]>(z.array(z.string()), 1, { wrapped: true });

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

interface OutboxRow {
  id: number;
  stanza_id: string;
  to_jid: string;
  body: string;
  created_at: string;
}
interface SessionRow {
  jid: string;
  conversation_id: string | null;
  last_message_id: string | null;
  last_outcome: string | null;
  last_rating: string | null;
  updated_at: string;
  suggestions: string | null;
  plain_language: number;
  plain_language_chosen: number;
}

/** The Jabber channel's outbox and sessions. */
export interface XmppStore {
  /** Appends messages (one transaction, in order). */
  enqueue(entries: readonly { stanzaId: string; to: string; body: string }[], at: string): Promise<void>;
  /** Pending messages, oldest first. */
  pending(limit?: number): Promise<OutboxEntry[]>;
  /** Counts a send attempt. */
  markAttempt(stanzaId: string): Promise<void>;
  /** Removes a delivered message (the text stays only in the conversation store); false when it was gone already. */
  remove(stanzaId: string): Promise<boolean>;
  /** Number of pending messages. */
  size(): Promise<number>;
  /** The session of a bare JID. */
  session(jid: string): Promise<XmppSession | undefined>;
  /** Stores the conversation and the last answer (suggestions and the Leichte-Sprache choice are kept). */
  saveSession(session: XmppSession): Promise<void>;
  /** Remembers the last answer's suggested next questions (replaced by every answer). */
  saveSuggestions(jid: string, suggestions: readonly string[]): Promise<void>;
  /** Turns Leichte Sprache on or off for the person's next answers (kept across conversations). */
  savePlainLanguage(jid: string, on: boolean, at: string): Promise<void>;
}

/** The outbox and sessions on the asynchronous store database. */
export class SqlXmppStore implements XmppStore {
  private readonly refused: (key: string, reason: string) => void;

  constructor(private readonly database: StoreDatabase) {
    this.refused = refusedRowReporter('xmpp-sessions', database.logger);
  }

  /** The stored suggestions, or undefined (logged) when this lotse cannot read them. */
  private suggestionsOf(jid: string, json: string): string[] | undefined {
    const decoded = storedSuggestions.decode(json);
    if (decoded.ok) return decoded.value;
    this.refused(jid, decoded.reason);
    return undefined;
  }

  async enqueue(entries: readonly { stanzaId: string; to: string; body: string }[], at: string): Promise<void> {
    if (entries.length === 0) return;
    await this.database.transaction(async (tx) => {
      for (const entry of entries)
        await run(
          tx,
          sql`INSERT INTO xmpp_outbox (stanza_id, to_jid, body, created_at) VALUES (${entry.stanzaId}, ${entry.to}, ${entry.body}, ${at})`,
        );
    });
  }

  async pending(limit = 500): Promise<OutboxEntry[]> {
    const found = await rows(
      this.database.db,
      sql<OutboxRow>`SELECT id, stanza_id, to_jid, body, created_at FROM xmpp_outbox ORDER BY id LIMIT ${limit}`,
    );
    return found.map((row) => ({ id: Number(row.id), stanzaId: row.stanza_id, to: row.to_jid, body: row.body, createdAt: row.created_at }));
  }

  async markAttempt(stanzaId: string): Promise<void> {
    await run(this.database.db, sql`UPDATE xmpp_outbox SET attempts = attempts + 1 WHERE stanza_id = ${stanzaId}`);
  }

  async remove(stanzaId: string): Promise<boolean> {
    return (await run(this.database.db, sql`DELETE FROM xmpp_outbox WHERE stanza_id = ${stanzaId}`)) > 0;
  }

  async size(): Promise<number> {
    return Number((await first(this.database.db, sql<{ count: number }>`SELECT COUNT(*) AS count FROM xmpp_outbox`))?.count ?? 0);
  }

  async session(jid: string): Promise<XmppSession | undefined> {
    const row = await first(this.database.db, sql<SessionRow>`SELECT * FROM xmpp_sessions WHERE jid = ${jid}`);
    if (!row) return undefined;
    const suggestions = row.suggestions ? this.suggestionsOf(row.jid, row.suggestions) : undefined;
    return {
      jid: row.jid,
      updatedAt: row.updated_at,
      ...(row.conversation_id ? { conversationId: row.conversation_id } : {}),
      ...(row.last_message_id ? { lastMessageId: row.last_message_id } : {}),
      ...(row.last_outcome ? { lastOutcome: row.last_outcome } : {}),
      ...(row.last_rating === 'up' || row.last_rating === 'down' ? { lastRating: row.last_rating } : {}),
      ...(suggestions ? { suggestions } : {}),
      ...(Number(row.plain_language_chosen) === 1 ? { plainLanguage: Number(row.plain_language) === 1 } : {}),
    };
  }

  async saveSession(session: XmppSession): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO xmpp_sessions (jid, conversation_id, last_message_id, last_outcome, last_rating, updated_at)
      VALUES (${session.jid}, ${session.conversationId ?? null}, ${session.lastMessageId ?? null}, ${session.lastOutcome ?? null}, ${session.lastRating ?? null}, ${session.updatedAt})
      ON CONFLICT (jid) DO UPDATE SET conversation_id = excluded.conversation_id, last_message_id = excluded.last_message_id,
        last_outcome = excluded.last_outcome, last_rating = excluded.last_rating, updated_at = excluded.updated_at`,
    );
  }

  async saveSuggestions(jid: string, suggestions: readonly string[]): Promise<void> {
    await run(
      this.database.db,
      sql`UPDATE xmpp_sessions SET suggestions = ${storedSuggestions.encode([...suggestions])} WHERE jid = ${jid}`,
    );
  }

  async savePlainLanguage(jid: string, on: boolean, at: string): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO xmpp_sessions (jid, plain_language, plain_language_chosen, updated_at) VALUES (${jid}, ${on ? 1 : 0}, 1, ${at})
      ON CONFLICT (jid) DO UPDATE SET plain_language = excluded.plain_language, plain_language_chosen = 1`,
    );
  }
}
