/**
 * The web and CLI channel's proactive delivery: a message to a conversation is appended to it (the web
 * chat shows it when the asker returns or polls); a message to a person lands in their inbox, read in the
 * console or with `lotse tickets inbox`. Teams and Jabber senders come with their channels. The table comes
 * from migration `0002-inbox`.
 */
import { sql } from 'kysely';
import type { ChannelSender, DeliveryResult, OutboundMessage, Recipient } from '../../ports/channel-sender.ts';
import type { Clock, IdGenerator } from '../../ports/clock.ts';
import type { ConversationStore } from '../../ports/conversation-store.ts';
import { rows, run, type StoreDatabase } from '../sql/store-database.ts';

/** One inbox entry of a person. */
export interface InboxEntry {
  readonly id: number;
  readonly kind: string;
  readonly text: string;
  readonly ticketId: string | null;
  readonly createdAt: string;
}

/** Delivers to conversations (append) and to persons (inbox table). */
export class SqlInbox implements ChannelSender {
  constructor(
    private readonly database: StoreDatabase,
    private readonly conversations: ConversationStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async send(recipient: Recipient, message: OutboundMessage): Promise<DeliveryResult> {
    const at = this.clock.now().toISOString();
    if (recipient.kind === 'person') {
      // HR news (issue #10) carry a headline and an optional link; the inbox shows them as text.
      const text = message.title ? [message.title, message.text, message.link].filter(Boolean).join('\n\n') : message.text;
      await run(
        this.database.db,
        sql`INSERT INTO inbox (person_id, kind, text, ticket_id, created_at)
        VALUES (${recipient.personId}, ${message.kind}, ${text}, ${message.ticketId ?? null}, ${at})`,
      );
      return { kind: 'queued' };
    }
    const { conversationId } = recipient.reference;
    if (!(await this.conversations.isOwner(conversationId, recipient.userId)))
      return { kind: 'undeliverable', reason: 'conversation not found' };
    await this.conversations.appendMessage({
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
  async unread(personId: string): Promise<InboxEntry[]> {
    const found = await rows(
      this.database.db,
      sql<{ id: number; kind: string; text: string; ticket_id: string | null; created_at: string }>`
      SELECT * FROM inbox WHERE person_id = ${personId} AND read_at IS NULL ORDER BY id`,
    );
    return found.map((row) => ({ id: Number(row.id), kind: row.kind, text: row.text, ticketId: row.ticket_id, createdAt: row.created_at }));
  }
}
