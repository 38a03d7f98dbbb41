/**
 * The messages of the Digitallotsen workflow to people: new or rerouted tickets to their candidates, the Lotse's
 * answer to the asker in the channel they asked in, and a returned answer back to whoever answered it.
 * Undeliverable notifications are logged with the ticket id only.
 */
import type { Ticket, TicketReason } from '../../ports/tickets.ts';
import { describeError } from '../../shared/errors.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import type { EscalationDeps } from './escalation-deps.ts';
import { lotseLabel } from './lotse-label.ts';

/** Notifications of the escalation workflow over its dependencies. */
export function createTicketNotifications(deps: Pick<EscalationDeps, 'messages' | 'sender' | 'logger' | 'directory'>) {
  const { messages } = deps;
  const reasons: Record<TicketReason, string> = {
    no_answer: messages.reasonNoAnswer,
    user_request: messages.reasonUserRequest,
    unhelpful_answer: messages.reasonUnhelpful,
  };

  /** Tells `personIds` about a ticket they may work on (new or rerouted). */
  const notify = async (personIds: readonly string[], ticket: Ticket): Promise<void> => {
    const text = fillTemplate(messages.lotseNotification, {
      number: String(ticket.number),
      question: ticket.question,
      reason: reasons[ticket.reason],
    });
    for (const personId of personIds) {
      const result = await deps.sender.send({ kind: 'person', personId }, { kind: 'ticket-created', text, ticketId: ticket.id });
      if (result.kind === 'undeliverable')
        deps.logger.warn('ticket-notification-undeliverable', { ticket: ticket.id, reason: result.reason });
    }
  };

  /** Sends the Lotse's answer to the asker's conversation; a failure is logged, never thrown. */
  const deliverAnswer = async (ticket: Ticket): Promise<void> => {
    if (!ticket.answer) return;
    const lotse = lotseLabel(deps.directory, ticket.answer.by);
    const text = fillTemplate(messages.askerAnswer, { lotse, number: String(ticket.number), answer: ticket.answer.text });
    try {
      await deps.sender.send(
        { kind: 'conversation', reference: ticket.replyTo, userId: ticket.askerId },
        { kind: 'ticket-answered', text, ticketId: ticket.id, from: lotse },
      );
    } catch (error) {
      deps.logger.error('ticket-answer-delivery-failed', { ticket: ticket.id, error: describeError(error) });
    }
  };

  /** A returned answer goes back to whoever answered it (else the candidates), with the asker's reason (issue #19, item 6). */
  const notifyReturned = async (ticket: Ticket): Promise<void> => {
    const assignee = ticket.assignee && deps.directory.person(ticket.assignee) ? [ticket.assignee] : [];
    const recipients = assignee.length ? assignee : ticket.candidates;
    const text = fillTemplate(messages.ticketReturned, {
      number: String(ticket.number),
      note: ticket.returned?.note ? `„${ticket.returned.note}“` : messages.returnNoNote,
      question: ticket.question,
    });
    for (const personId of recipients) {
      const result = await deps.sender.send({ kind: 'person', personId }, { kind: 'ticket-returned', text, ticketId: ticket.id });
      if (result.kind === 'undeliverable') deps.logger.warn('ticket-return-undeliverable', { ticket: ticket.id, reason: result.reason });
    }
  };

  return { notify, deliverAnswer, notifyReturned };
}
