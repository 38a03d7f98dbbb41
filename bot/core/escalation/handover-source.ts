/**
 * Which question a "Digitallotse fragen" hands over (issue #19, item 1): the one whose answer carries the
 * button (`messageId` of that answer), or, for chat commands without a button (Jabber "lotse"), the latest
 * answered question; never simply the last question of the conversation.
 */
import type { ConversationStore, StoredMessage } from '../../ports/conversation-store.ts';

/** How much of the conversation a ticket shows as its excerpt. */
const excerptLength = 8;

/** The answer a hand-over refers to, with the question before it and the conversation up to it. */
export interface HandoverSource {
  readonly question: string;
  /** The bot message (answer) the hand-over belongs to; absent for a conversation without answers (legacy). */
  readonly answer?: StoredMessage;
  /** The conversation up to and including the answer, oldest first. */
  readonly history: readonly StoredMessage[];
}

/** The JSON payload of a stored bot message, or an empty object. */
export function payloadOf(message: StoredMessage | undefined): Record<string, unknown> {
  if (!message?.payload) return {};
  const parsed: unknown = JSON.parse(message.payload);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/** Whether a stored answer decided about a hand-over (offered or forbade it); replies to small talk did not. */
function isQuestionAnswer(message: StoredMessage): boolean {
  return message.role === 'bot' && typeof payloadOf(message).handover === 'boolean';
}

function questionBefore(history: readonly StoredMessage[]): string | undefined {
  return [...history].reverse().find((message) => message.role === 'user')?.text;
}

function sourceUntil(history: readonly StoredMessage[], answer: StoredMessage | undefined): HandoverSource | undefined {
  const question = questionBefore(history);
  return question === undefined ? undefined : { question, history, ...(answer ? { answer } : {}) };
}

/**
 * Finds what to hand over in a conversation the caller owns. With `messageId`: exactly that answer (undefined
 * when it is not a bot message of this conversation). Without: the latest answer to a question (small talk
 * skipped); for conversations stored before answers recorded their hand-over decision, the last question.
 */
export async function findHandoverSource(
  conversations: ConversationStore,
  conversationId: string,
  messageId?: string,
): Promise<HandoverSource | undefined> {
  if (messageId !== undefined) {
    const history = await conversations.messagesUntil(conversationId, messageId, excerptLength);
    const answer = history.at(-1);
    if (!answer || answer.id !== messageId || answer.role !== 'bot') return undefined;
    return sourceUntil(history, answer);
  }
  const recent = await conversations.recentMessages(conversationId, 40);
  const latest = [...recent].reverse().find(isQuestionAnswer);
  if (!latest) {
    const legacy = recent.slice(-excerptLength);
    return sourceUntil(
      legacy,
      [...legacy].reverse().find((message) => message.role === 'bot' && message.payload),
    );
  }
  const end = recent.indexOf(latest) + 1;
  return sourceUntil(recent.slice(Math.max(0, end - excerptLength), end), latest);
}
