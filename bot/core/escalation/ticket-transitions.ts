/**
 * The ticket state machine: who may do what in which state. Pure; the caller stores the result with
 * optimistic concurrency so that of two Lotsen claiming at once exactly one wins.
 */
import type { Ticket, TicketEvent, TicketPool, TicketState } from '../../ports/tickets.ts';

/** Longest Lotse answer accepted, in characters. */
export const maxAnswerLength = 4000;

/** Something a person (or the system) does to a ticket. */
export type TicketAction =
  | { readonly type: 'claim'; readonly by: string }
  | { readonly type: 'answer'; readonly by: string; readonly text: string }
  | { readonly type: 'return'; readonly by: string; readonly note?: string }
  | { readonly type: 'close'; readonly by: string }
  | { readonly type: 'reroute'; readonly by: string; readonly pool: TicketPool; readonly candidates: readonly string[] }
  | { readonly type: 'reassign'; readonly by: 'system'; readonly candidates: readonly string[] }
  | { readonly type: 'expire'; readonly by: 'system' };

/** Why an action was refused (the channel turns it into a polite German message). */
export type TransitionRefusal = 'wrong_state' | 'not_permitted' | 'empty_answer' | 'answer_too_long';

/** Result of applying an action. */
export type TransitionResult =
  | { readonly kind: 'ok'; readonly ticket: Ticket; readonly event: TicketEvent }
  | { readonly kind: 'refused'; readonly reason: TransitionRefusal };

const claimable: readonly TicketState[] = ['open', 'rerouted', 'returned'];

function mayWork(ticket: Ticket, by: string): boolean {
  return (
    ticket.assignee === by ||
    (ticket.assignee === undefined && ticket.candidates.includes(by)) ||
    (ticket.state === 'returned' && ticket.candidates.includes(by))
  );
}

function next(ticket: Ticket, to: TicketState, by: string, at: string, changes: Partial<Ticket>, note?: string): TransitionResult {
  const updated: Ticket = { ...ticket, ...changes, state: to, updatedAt: at, version: ticket.version + 1 };
  return { kind: 'ok', ticket: updated, event: { ticketId: ticket.id, at, actor: by, from: ticket.state, to, ...(note ? { note } : {}) } };
}

function answer(ticket: Ticket, action: Extract<TicketAction, { type: 'answer' }>, at: string): TransitionResult {
  if (![...claimable, 'claimed'].includes(ticket.state)) return { kind: 'refused', reason: 'wrong_state' };
  if (!mayWork(ticket, action.by)) return { kind: 'refused', reason: 'not_permitted' };
  const text = action.text.trim();
  if (!text) return { kind: 'refused', reason: 'empty_answer' };
  if (text.length > maxAnswerLength) return { kind: 'refused', reason: 'answer_too_long' };
  return next(ticket, 'answered', action.by, at, { assignee: action.by, answer: { text, by: action.by, at } });
}

/** Applies one action at time `at` (ISO). */
export function applyTicketAction(ticket: Ticket, action: TicketAction, at: string): TransitionResult {
  switch (action.type) {
    case 'claim':
      if (!claimable.includes(ticket.state)) return { kind: 'refused', reason: 'wrong_state' };
      if (!ticket.candidates.includes(action.by) && ticket.assignee !== action.by) return { kind: 'refused', reason: 'not_permitted' };
      return next(ticket, 'claimed', action.by, at, { assignee: action.by });
    case 'answer':
      return answer(ticket, action, at);
    case 'return':
      if (ticket.state !== 'answered') return { kind: 'refused', reason: 'wrong_state' };
      if (action.by !== ticket.askerId) return { kind: 'refused', reason: 'not_permitted' };
      {
        // The reason stays on the ticket, so Lotsen see it in every list (issue #19, item 6).
        const note = action.note?.trim().slice(0, 1000);
        return next(ticket, 'returned', action.by, at, { returned: { at, ...(note ? { note } : {}) } }, note || undefined);
      }
    case 'close':
      if (ticket.state !== 'answered') return { kind: 'refused', reason: 'wrong_state' };
      if (action.by !== ticket.askerId && action.by !== 'system') return { kind: 'refused', reason: 'not_permitted' };
      return next(ticket, 'closed', action.by, at, {});
    case 'reroute': {
      if (![...claimable, 'claimed'].includes(ticket.state)) return { kind: 'refused', reason: 'wrong_state' };
      if (!mayWork(ticket, action.by)) return { kind: 'refused', reason: 'not_permitted' };
      const { assignee: _dropped, ...rest } = ticket;
      return next(rest, 'rerouted', action.by, at, { pool: action.pool, candidates: action.candidates });
    }
    case 'reassign': {
      const { assignee: _dropped, ...rest } = ticket;
      const state = ticket.state === 'claimed' ? 'rerouted' : ticket.state;
      return next(rest, state, 'system', at, { candidates: action.candidates }, 'reassigned');
    }
    case 'expire':
      if (![...claimable, 'claimed'].includes(ticket.state)) return { kind: 'refused', reason: 'wrong_state' };
      return next(ticket, 'expired', 'system', at, {});
  }
}
