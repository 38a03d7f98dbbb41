import type { ConversationStore, Feedback, NegativeFeedback, StoredMessage } from '../../bot/ports/conversation-store.ts';
import { citedDocuments } from '../../bot/shared/cited-documents.ts';
import type { ChannelName } from '../../bot/ports/turn.ts';

/** Conversations in maps; records everything for assertions. Asynchronous like the real store. */
export class InMemoryConversationStore implements ConversationStore {
  readonly owners = new Map<string, string>();
  readonly messages: StoredMessage[] = [];
  readonly feedback = new Map<string, Feedback & { at?: string }>();

  async ensureConversation(input: { id: string; channel: ChannelName; userId: string; at: string }): Promise<boolean> {
    const owner = this.owners.get(input.id);
    if (owner !== undefined) return owner === input.userId;
    this.owners.set(input.id, input.userId);
    return true;
  }
  async appendMessage(message: StoredMessage): Promise<void> {
    this.messages.push(message);
  }
  async recentMessages(conversationId: string, limit: number): Promise<StoredMessage[]> {
    return this.messages.filter((message) => message.conversationId === conversationId).slice(-limit);
  }
  async messagesUntil(conversationId: string, messageId: string, limit: number): Promise<StoredMessage[]> {
    const own = this.messages.filter((message) => message.conversationId === conversationId);
    const end = own.findIndex((message) => message.id === messageId);
    return end < 0 ? [] : own.slice(Math.max(0, end + 1 - limit), end + 1);
  }
  async getMessage(id: string): Promise<StoredMessage | undefined> {
    return this.messages.find((message) => message.id === id);
  }
  async conversationOwner(conversationId: string): Promise<string | undefined> {
    return this.owners.get(conversationId);
  }
  async isOwner(conversationId: string, userId: string): Promise<boolean> {
    return this.owners.has(conversationId) && this.owners.get(conversationId) === userId;
  }
  async recordFeedback(feedback: Feedback & { at: string }): Promise<void> {
    this.feedback.set(feedback.messageId, feedback);
  }
  async feedbackFor(messageId: string): Promise<Feedback | undefined> {
    const entry = this.feedback.get(messageId);
    return entry ? { messageId: entry.messageId, rating: entry.rating, ...(entry.reason ? { reason: entry.reason } : {}) } : undefined;
  }

  /** Newest first, like the SQL store. */
  async negativeFeedback(limit: number): Promise<NegativeFeedback[]> {
    return [...this.feedback.values()]
      .filter((entry) => entry.rating === 'down')
      .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
      .map((entry) => ({
        messageId: entry.messageId,
        at: entry.at ?? '',
        documents: citedDocuments(this.messages.find((message) => message.id === entry.messageId)?.payload),
        ...(entry.reason ? { reason: entry.reason } : {}),
      }))
      .slice(0, limit);
  }
}
