/**
 * Feedback on an answer (thumbs up/down with an optional reason): recorded only for a bot message of a
 * conversation the user owns; the reason is trimmed to 500 characters, the log names no text.
 */
import type { FeedbackInput, FeedbackOutcome } from '../../ports/chat-service.ts';
import type { Clock } from '../../ports/clock.ts';
import type { ConversationStore } from '../../ports/conversation-store.ts';
import type { Logger } from '../../shared/logger.ts';

/** Records `input` on the message it rates; `not_found` when that is no bot message of the user's conversation. */
export async function recordAnswerFeedback(
  deps: { readonly conversations: ConversationStore; readonly logger: Logger; readonly clock: Clock },
  input: FeedbackInput,
): Promise<FeedbackOutcome> {
  const stored = await deps.conversations.getMessage(input.messageId);
  if (!stored || stored.role !== 'bot') return { kind: 'not_found' };
  if (!(await deps.conversations.isOwner(stored.conversationId, input.userId))) return { kind: 'not_found' };
  const reason = input.reason?.trim().slice(0, 500);
  deps.logger.info('feedback', {
    conversation: stored.conversationId,
    messageId: input.messageId,
    rating: input.rating,
    withReason: Boolean(reason),
  });
  await deps.conversations.recordFeedback({
    messageId: input.messageId,
    rating: input.rating,
    ...(reason ? { reason } : {}),
    at: deps.clock.now().toISOString(),
  });
  return { kind: 'recorded' };
}
