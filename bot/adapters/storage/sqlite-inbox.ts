/**
 * The web and CLI channel's proactive delivery: a message to a conversation is appended to it (the web
 * chat shows it when the asker returns or polls); a message to a person lands in their inbox, read in the
 * console or with `lotse tickets inbox`. Teams and Jabber senders come with their channels.
 */
import type { ChannelSender, DeliveryResult, OutboundMessage, Recipient } from '../../ports/channel-sender.ts';
import type { Clock, IdGenerator } from '../../ports/clock.ts';
import type { ConversationStore } from '../../ports/conversation-store.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE inbox (id INTEGER PRIMARY KEY, person_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, ticket_id TEXT,
     created_at TEXT NOT NULL, read_at TEXT);
   CREATE INDEX inbox_by_person ON inbox (person_id, read_at);`,
];

/** One inbox entry of a person. */
export interface InboxEntry {
  readonly id: number;
  readonly kind: string;
  readonly text: string;
  readonly ticketId: string | null;
  readonly createdAt: string;
}

/** Delivers to conversations (append) and to persons (inbox table). */
export class SqliteInbox implements ChannelSender {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly conversations: ConversationStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    migrate(database, 'inbox', migrations);
  }

  async send(recipient: Recipient, message: OutboundMessage): Promise<DeliveryResult> {
    const at = this.clock.now().toISOString();
    if (recipient.kind === 'person') {
      this.database
        .prepare('INSERT INTO inbox (person_id, kind, text, ticket_id, created_at) VALUES (?, ?, ?, ?, ?)')
        // HR news (issue #10) carry a headline and an optional link; the inbox shows them as text.
        .run(recipient.personId, message.kind, message.title ? [message.title, message.text, message.link].filter(Boolean).join('\n\n') : message.text, message.ticketId ?? null, at);
      return { kind: 'queued' };
    }
    const { conversationId } = recipient.reference;
    if (!this.conversations.isOwner(conversationId, recipient.userId)) return { kind: 'undeliverable', reason: 'conversation not found' };
    this.conversations.appendMessage({
      id: this.ids.next('msg'),
      conversationId,
      role: 'bot',
      text: message.text,
      payload: JSON.stringify({ kind: message.kind, ticketId: message.ticketId, from: message.from }),
      createdAt: at,
    });
    return { kind: 'delivered' };
  }

  /** Unread entries of a person, oldest first. */
  unread(personId: string): InboxEntry[] {
    return this.database
      .prepare<[string], { id: number; kind: string; text: string; ticket_id: string | null; created_at: string }>(
        'SELECT * FROM inbox WHERE person_id = ? AND read_at IS NULL ORDER BY id',
      )
      .all(personId)
      .map((row) => ({ id: row.id, kind: row.kind, text: row.text, ticketId: row.ticket_id, createdAt: row.created_at }));
  }
}
