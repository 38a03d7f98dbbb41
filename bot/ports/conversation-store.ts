/**
 * Conversations, messages and feedback (SQLite by default; PostgreSQL with `DATABASE_URL`, shared by replicas).
 */
import type { ChannelName, Outcome } from './turn.ts';

/** A stored message. `text` is already redacted by guardrails when they apply. */
export interface StoredMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly role: 'user' | 'bot';
  readonly text: string;
  readonly outcome?: Outcome;
  /** JSON of the full turn result for bot messages (citations etc.). */
  readonly payload?: string;
  readonly createdAt: string;
}

/** Thumbs up/down on one bot message. */
export interface Feedback {
  readonly messageId: string;
  readonly rating: 'up' | 'down';
  readonly reason?: string;
}

/** Persistence for the conversation core (asynchronous: SQLite or a PostgreSQL pool, issue #20). */
export interface ConversationStore {
  /** Creates the conversation if needed; returns false when the id belongs to another user. */
  ensureConversation(input: { id: string; channel: ChannelName; userId: string; at: string }): Promise<boolean>;
  appendMessage(message: StoredMessage): Promise<void>;
  /** The last `limit` messages of a conversation, oldest first. */
  recentMessages(conversationId: string, limit: number): Promise<StoredMessage[]>;
  /** The last `limit` messages of a conversation up to and including `messageId`, oldest first; empty when it is not in it. */
  messagesUntil(conversationId: string, messageId: string, limit: number): Promise<StoredMessage[]>;
  getMessage(id: string): Promise<StoredMessage | undefined>;
  /** The stored owner key of a conversation (a pseudonym of the user, issue #18 item 4), if it exists. */
  conversationOwner(conversationId: string): Promise<string | undefined>;
  /** Whether the conversation exists and belongs to `userId` (compared under the owner key). */
  isOwner(conversationId: string, userId: string): Promise<boolean>;
  /** Stores or replaces the feedback for a message. */
  recordFeedback(feedback: Feedback & { at: string }): Promise<void>;
  feedbackFor(messageId: string): Promise<Feedback | undefined>;
  /** Thumbs-down feedback with the documents the answer cited (newest first), for the owners' queue. */
  negativeFeedback(limit: number): Promise<NegativeFeedback[]>;
}

/** One thumbs-down with what the answer relied on; no user id (owners improve documents, not judge people). */
export interface NegativeFeedback {
  readonly messageId: string;
  readonly reason?: string;
  readonly at: string;
  readonly documents: readonly string[];
}
