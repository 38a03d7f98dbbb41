/**
 * Free text that people type besides their questions is masked like questions before it is stored, shown in
 * the console or handed on (issue #18, item 12): the reason of a negative feedback and the note an asker adds
 * when returning a ticket. Both go through the guardrail's masker (patterns and staff names), wrapped around the
 * services so every channel (web, Teams, Jabber, console) is covered at one place.
 */
import type { FeedbackInput, FeedbackOutcome } from '../ports/chat-service.ts';
import type { TicketAction } from '../core/escalation/ticket-transitions.ts';

/** Longest free text that is masked and kept (the core keeps at most 500 characters of a reason). */
const maxFreeText = 2_000;

/** `chat` whose `recordFeedback` stores the reason masked. */
export function maskFeedbackReasons<T extends { recordFeedback(input: FeedbackInput): Promise<FeedbackOutcome> }>(
  chat: T,
  mask: (text: string) => string,
): T {
  return {
    ...chat,
    recordFeedback: (input: FeedbackInput) =>
      chat.recordFeedback(input.reason ? { ...input, reason: mask(input.reason.slice(0, maxFreeText)) } : input),
  };
}

/** `escalation` whose `act` stores the note of a returned ticket masked. */
export function maskReturnNotes<T extends { act(ticketId: string, action: TicketAction): Promise<R> }, R>(
  escalation: T,
  mask: (text: string) => string,
): T {
  return {
    ...escalation,
    act: (ticketId: string, action: TicketAction) =>
      escalation.act(
        ticketId,
        action.type === 'return' && action.note ? { ...action, note: mask(action.note.slice(0, maxFreeText)) } : action,
      ),
  };
}
