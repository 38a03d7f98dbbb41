/**
 * The Digitallotsen workflow: turn a conversation into a routed ticket, let Lotsen act on it, and
 * deliver the answer to the asker in the channel they asked in.
 */
import type { StoredMessage } from '../../ports/conversation-store.ts';
import type { ChannelName } from '../../ports/turn.ts';
import type { Ticket, TicketPool, TicketReason } from '../../ports/tickets.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import type { EscalationMessages } from './escalation-messages.ts';
import type { EscalationDeps } from './escalation-deps.ts';
import { claimedCounts, presentOrAll, routeTicket } from './route-ticket.ts';
import { findHandoverSource, payloadOf } from './handover-source.ts';
import { dueReminders } from './due-reminders.ts';
import { createQueueCare } from './queue-care.ts';
import { createTicketNotifications } from './ticket-notifications.ts';
import { applyTicketAction, type TicketAction, type TransitionRefusal } from './ticket-transitions.ts';

export type { EscalationDeps };

/** Result of asking for a Digitallotse. */
export type EscalationResult =
  | { readonly kind: 'created'; readonly ticket: Ticket; readonly message: string }
  | { readonly kind: 'referred'; readonly message: string }
  | { readonly kind: 'no_question'; readonly message: string };

/** A request to hand a question to a Digitallotse. */
export interface EscalationInput {
  readonly userId: string;
  readonly conversationId: string;
  readonly channel: ChannelName;
  readonly reason: TicketReason;
  /** The answer whose "Digitallotse fragen" was chosen; absent: the latest answered question. */
  readonly messageId?: string;
  readonly reference?: string;
}

/** Result of a Lotse or asker action. */
export type ActionResult =
  | { readonly kind: 'ok'; readonly ticket: Ticket }
  | { readonly kind: 'refused'; readonly reason: TransitionRefusal | 'not_found'; readonly message: string };

function poolLabel(pool: TicketPool, messages: EscalationMessages): string {
  const labels = {
    unit: messages.poolUnit,
    central: messages.poolCentral,
    'it-servicedesk': messages.poolItServicedesk,
    dsb: messages.poolDsb,
  };
  return labels[pool.kind];
}

/** The refusal reply when the answer's policy forbids a hand-over (case data, personal matters; issue #17). */
function forbiddenHandover(answer: StoredMessage | undefined): string | undefined {
  const payload = payloadOf(answer);
  if (!answer || payload.handover !== false) return undefined;
  return typeof payload.referral === 'string' ? payload.referral : answer.text;
}

function triedPassages(answer: StoredMessage | undefined): Ticket['tried'] {
  const tried = payloadOf(answer).tried;
  return Array.isArray(tried) ? tried.filter((entry): entry is Ticket['tried'][number] => typeof entry?.document === 'string') : [];
}

/** Creates the escalation workflow over its ports. */
export function createEscalationService(deps: EscalationDeps) {
  const { messages } = deps;
  const now = (): string => deps.clock.now().toISOString();
  // Ticket life in the log at info, with pseudonyms and ids only (no question, answer or note), issue #19 item 9.
  const who = (id: string): string => (id === 'system' ? 'system' : (deps.pseudonymOf?.(id) ?? 'unknown'));
  const { notify, deliverAnswer, notifyReturned } = createTicketNotifications(deps);

  /**
   * Hands over the question whose answer is `messageId` (the answer that carried the button), or without it the
   * latest answered question (chat commands). `reference` is the channel's address of the asker (e.g. the bare
   * JID on Jabber), kept in `replyTo`.
   */
  const escalate = async (input: EscalationInput): Promise<EscalationResult> => {
    const source = (await deps.conversations.isOwner(input.conversationId, input.userId))
      ? await findHandoverSource(deps.conversations, input.conversationId, input.messageId)
      : undefined;
    const trace = {
      channel: input.channel,
      conversation: input.conversationId,
      ...(input.messageId ? { answerId: input.messageId } : {}),
      asker: who(input.userId),
    };
    if (!source) {
      deps.logger.info('handover-no-question', trace);
      return { kind: 'no_question', message: messages.noQuestion };
    }
    const { question, history, answer } = source;
    const refusal = forbiddenHandover(answer);
    if (refusal) {
      deps.logger.info('handover-referred', trace);
      return { kind: 'referred', message: fillTemplate(messages.ticketReferred, { reply: refusal }) };
    }
    // A retried request (double click, replica killed before it answered) gets the ticket it already has.
    const sameSource = (ticket: Ticket): boolean =>
      ticket.sourceMessageId && answer ? ticket.sourceMessageId === answer.id : ticket.question === question;
    const pending = (await deps.tickets.list({ askerId: input.userId, states: ['open', 'claimed', 'rerouted', 'returned'] })).find(
      (ticket) => ticket.replyTo.conversationId === input.conversationId && sameSource(ticket),
    );
    if (pending) deps.logger.info('handover-repeated', { ...trace, ticket: pending.id, number: pending.number });
    if (pending)
      return {
        kind: 'created',
        ticket: pending,
        message: fillTemplate(messages.ticketCreated, { number: String(pending.number), pool: poolLabel(pending.pool, messages) }),
      };
    const personId = deps.personOf(input.userId);
    const askerUnit = personId ? deps.directory.person(personId)?.unit : undefined;
    const decision = routeTicket(
      { question, ...(askerUnit ? { askerUnit } : {}) },
      { directory: deps.directory, policy: deps.policy, openCount: await claimedCounts(deps.tickets), present: deps.present },
    );
    if (decision.kind === 'refer') {
      deps.logger.info('handover-referred', { ...trace, topic: decision.topic });
      return { kind: 'referred', message: fillTemplate(messages.ticketReferred, { reply: decision.reply }) };
    }
    const at = now();
    const id = deps.ids.next('ticket');
    const ticket = await deps.tickets.create(
      {
        id,
        state: 'open',
        question,
        reason: input.reason,
        askerId: input.userId,
        excerpt: history.map((message) => ({ role: message.role, text: message.text })),
        tried: triedPassages(answer),
        replyTo: {
          channel: input.channel,
          conversationId: input.conversationId,
          ...(input.reference ? { reference: input.reference } : {}),
        },
        pool: decision.pool,
        candidates: decision.candidates,
        createdAt: at,
        updatedAt: at,
        version: 1,
        ...(askerUnit ? { askerUnit } : {}),
        ...(decision.topic ? { topic: decision.topic } : {}),
        ...(answer ? { sourceMessageId: answer.id } : {}),
      },
      { ticketId: id, at, actor: input.userId, from: null, to: 'open' },
    );
    deps.logger.info('ticket-created', {
      ...trace,
      ticket: ticket.id,
      number: ticket.number,
      pool: ticket.pool.kind,
      candidates: ticket.candidates.map(who),
    });
    await notify(ticket.candidates, ticket);
    const created = fillTemplate(messages.ticketCreated, { number: String(ticket.number), pool: poolLabel(ticket.pool, messages) });
    // IT faults: help the asker make the service-desk ticket complete.
    const message = ticket.pool.kind === 'it-servicedesk' ? `${created}\n${messages.itChecklist}` : created;
    return { kind: 'created', ticket, message };
  };

  const refusalText: Record<TransitionRefusal | 'not_found', string> = {
    wrong_state: messages.refusedWrongState,
    not_permitted: messages.refusedNotPermitted,
    empty_answer: messages.refusedEmptyAnswer,
    answer_too_long: messages.refusedTooLong,
    not_found: messages.refusedNotFound,
  };

  const act = async (ticketId: string, action: TicketAction): Promise<ActionResult> => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const ticket = (await deps.tickets.get(ticketId)) ?? (await deps.tickets.byNumber(Number(ticketId)));
      if (!ticket) {
        deps.logger.info('ticket-action-refused', { action: action.type, reason: 'not_found', actor: who(action.by) });
        return { kind: 'refused', reason: 'not_found', message: refusalText.not_found };
      }
      const result = applyTicketAction(ticket, action, now());
      if (result.kind === 'refused') {
        deps.logger.info('ticket-action-refused', {
          ticket: ticket.id,
          number: ticket.number,
          action: action.type,
          state: ticket.state,
          reason: result.reason,
          actor: who(action.by),
        });
        return { ...result, message: refusalText[result.reason] };
      }
      if (!(await deps.tickets.update(result.ticket, ticket.version, result.event))) continue;
      deps.logger.info('ticket-transition', {
        ticket: ticket.id,
        number: ticket.number,
        action: action.type,
        from: ticket.state,
        to: result.ticket.state,
        actor: who(action.by),
        version: result.ticket.version,
      });
      if (result.ticket.state === 'answered') await deliverAnswer(result.ticket);
      if (result.ticket.state === 'returned') await notifyReturned(result.ticket);
      return { kind: 'ok', ticket: result.ticket };
    }
    return { kind: 'refused', reason: 'wrong_state', message: refusalText.wrong_state };
  };

  /** Sends every due reminder once; deputies and the central pool may claim from their step on. Returns how many were sent. */
  const remind = async (): Promise<number> => {
    const now = deps.clock.now();
    let sent = 0;
    for (const ticket of await deps.tickets.list({ states: ['open', 'claimed', 'rerouted', 'returned'] })) {
      for (const due of dueReminders(ticket, now, { policy: deps.policy, directory: deps.directory, present: deps.present })) {
        if (!(await deps.tickets.markReminder(ticket.id, due.step, now.toISOString()))) continue;
        const widened = [...new Set([...ticket.candidates, ...due.recipients])];
        if (due.step !== 'assignee' && widened.length > ticket.candidates.length)
          await act(ticket.id, { type: 'reassign', by: 'system', candidates: widened });
        const text = fillTemplate(messages.reminder, { number: String(ticket.number), hours: String(Math.round(due.waitedMinutes / 60)) });
        for (const personId of due.recipients)
          await deps.sender.send({ kind: 'person', personId }, { kind: 'ticket-reminder', text, ticketId: ticket.id });
        sent += 1;
      }
    }
    return sent;
  };

  /** A Lotse hands a ticket to the central pool, the IT service desk or the DSB; the new candidates are notified. */
  const reroute = async (ticketId: string, by: string, target: 'central' | 'it-servicedesk' | 'dsb'): Promise<ActionResult> => {
    const pool = target === 'central' ? deps.policy.centralPool.filter((id) => deps.directory.person(id)) : deps.policy.queues[target];
    const candidates = presentOrAll(pool, deps.present);
    const result = await act(ticketId, { type: 'reroute', by, pool: { kind: target }, candidates });
    if (result.kind === 'ok')
      await notify(
        result.ticket.candidates.filter((id) => id !== by),
        result.ticket,
      );
    return result;
  };

  return {
    escalate,
    act,
    reroute,
    remind,
    ...createQueueCare(deps, act),
    /** Tickets a Lotse may work on now (candidate or assignee, not finished). */
    queueFor: (personId: string): Promise<Ticket[]> =>
      deps.tickets.list({ states: ['open', 'claimed', 'rerouted', 'returned'], candidate: personId }),
    /** All tickets, oldest first (operators). */
    allTickets: (): Promise<Ticket[]> => deps.tickets.list({}),
    /** Tickets an asker opened. */
    ticketsOf: (userId: string): Promise<Ticket[]> => deps.tickets.list({ askerId: userId }),
    /** A ticket by id or by its number. */
    get: async (id: string): Promise<Ticket | undefined> => (await deps.tickets.get(id)) ?? (await deps.tickets.byNumber(Number(id))),
  };
}

/** The escalation workflow's API. */
export type EscalationService = ReturnType<typeof createEscalationService>;
