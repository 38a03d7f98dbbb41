import type { ConversationStore, Feedback, NegativeFeedback, StoredMessage } from '../../bot/ports/conversation-store.ts';
import { citedDocuments } from '../../bot/shared/cited-documents.ts';
import type { ChannelName } from '../../bot/ports/turn.ts';

/** Conversations in maps; records everything for assertions. */
export class InMemoryConversationStore implements ConversationStore {
  readonly owners = new Map<string, string>();
  readonly messages: StoredMessage[] = [];
  readonly feedback = new Map<string, Feedback>();

  ensureConversation(input: { id: string; channel: ChannelName; userId: string; at: string }): boolean {
    const owner = this.owners.get(input.id);
    if (owner !== undefined) return owner === input.userId;
    this.owners.set(input.id, input.userId);
    return true;
  }
  appendMessage(message: StoredMessage): void {
    this.messages.push(message);
  }
  recentMessages(conversationId: string, limit: number): StoredMessage[] {
    return this.messages.filter((message) => message.conversationId === conversationId).slice(-limit);
  }
  messagesUntil(conversationId: string, messageId: string, limit: number): StoredMessage[] {
    const own = this.messages.filter((message) => message.conversationId === conversationId);
    const end = own.findIndex((message) => message.id === messageId);
    return end < 0 ? [] : own.slice(Math.max(0, end + 1 - limit), end + 1);
  }
  getMessage(id: string): StoredMessage | undefined {
    return this.messages.find((message) => message.id === id);
  }
  conversationOwner(conversationId: string): string | undefined {
    return this.owners.get(conversationId);
  }
  isOwner(conversationId: string, userId: string): boolean {
    return this.owners.has(conversationId) && this.owners.get(conversationId) === userId;
  }
  recordFeedback(feedback: Feedback & { at: string }): void {
    this.feedback.set(feedback.messageId, feedback);
  }
  feedbackFor(messageId: string): Feedback | undefined {
    return this.feedback.get(messageId);
  }

  negativeFeedback(limit: number): NegativeFeedback[] {
    return [...this.feedback.values()]
      .filter((entry) => entry.rating === 'down')
      .map((entry) => ({ messageId: entry.messageId, at: '', documents: citedDocuments(this.getMessage(entry.messageId)?.payload), ...(entry.reason ? { reason: entry.reason } : {}) }))
      .slice(0, limit);
  }
}
