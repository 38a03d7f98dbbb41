/**
 * Runs housekeeping and the daily digest over the ticket store: expiring and reassigning tickets, and
 * one digest per person and day during office hours (recorded before it is sent: no double sends after a
 * restart, also across replicas sharing the store).
 */
import type { Ticket } from '../../ports/tickets.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import { formatGermanDate } from '../answer/format-date.ts';
import type { EscalationDeps } from './escalation-deps.ts';
import { claimedCounts, routeTicket } from './route-ticket.ts';
import { digestsFor, housekeepingSteps } from './ticket-housekeeping.ts';
import { isOfficeTime } from './office-time.ts';
import type { TicketAction } from './ticket-transitions.ts';

type Act = (ticketId: string, action: TicketAction) => Promise<{ readonly kind: 'ok' | 'refused' }>;

/** Housekeeping and digest over the escalation dependencies. */
export function createQueueCare(deps: EscalationDeps, act: Act) {
  const { messages } = deps;
  const rerouteWith =
    (openCount: (personId: string) => number) =>
    (ticket: Ticket): readonly string[] => {
      const decision = routeTicket(
        { question: ticket.question, ...(ticket.askerUnit ? { askerUnit: ticket.askerUnit } : {}) },
        { directory: deps.directory, policy: deps.policy, openCount, present: deps.present },
      );
      return decision.kind === 'route' ? decision.candidates : [];
    };

  /** Expires overdue tickets (telling the asker) and moves tickets away from people who left; returns the steps done. */
  const housekeeping = async (): Promise<number> => {
    const tickets = await deps.tickets.list({ states: ['open', 'claimed', 'rerouted', 'returned'] });
    const reroute = rerouteWith(await claimedCounts(deps.tickets));
    let done = 0;
    for (const step of housekeepingSteps(tickets, deps.clock.now(), {
      policy: deps.policy,
      directory: deps.directory,
      reroute,
      present: deps.present,
    })) {
      if (step.kind === 'expire') {
        if ((await act(step.ticket.id, { type: 'expire', by: 'system' })).kind !== 'ok') continue;
        const text = fillTemplate(messages.ticketExpired, {
          number: String(step.ticket.number),
          days: String(deps.policy.expireAfterDays),
        });
        await deps.sender.send(
          { kind: 'conversation', reference: step.ticket.replyTo, userId: step.ticket.askerId },
          { kind: 'ticket-update', text, ticketId: step.ticket.id },
        );
      } else {
        if ((await act(step.ticket.id, { type: 'reassign', by: 'system', candidates: step.candidates })).kind !== 'ok') continue;
        const text = fillTemplate(messages.ticketReassigned, { number: String(step.ticket.number), question: step.ticket.question });
        for (const personId of step.candidates)
          await deps.sender.send({ kind: 'person', personId }, { kind: 'ticket-created', text, ticketId: step.ticket.id });
      }
      done += 1;
    }
    return done;
  };

  /** Sends today's digest to everyone with waiting tickets, once per person and day, within office hours. */
  const digest = async (): Promise<number> => {
    const now = deps.clock.now();
    if (!isOfficeTime(now, deps.policy.officeHours)) return 0;
    const day = now.toISOString().slice(0, 10);
    let sent = 0;
    for (const [personId, tickets] of digestsFor(await deps.tickets.list({ states: ['open', 'claimed', 'rerouted', 'returned'] }))) {
      if (deps.present && !deps.present(personId)) continue; // no digest while absent (issue #22)
      if (!(await deps.tickets.markReminder(`digest:${personId}`, day, now.toISOString()))) continue;
      // German state names and dates, as in every other message (issue #19, item 5).
      const states: Partial<Record<Ticket['state'], string>> = {
        open: messages.stateOpen,
        claimed: messages.stateClaimed,
        rerouted: messages.stateRerouted,
        returned: messages.stateReturned,
      };
      const lines = tickets.map((ticket) =>
        fillTemplate(messages.dailyDigestLine, {
          number: String(ticket.number),
          state: states[ticket.state] ?? ticket.state,
          since: formatGermanDate(ticket.createdAt.slice(0, 10)),
          question: ticket.question,
        }),
      );
      await deps.sender.send(
        { kind: 'person', personId },
        { kind: 'notice', text: [fillTemplate(messages.dailyDigest, { count: String(tickets.length) }), ...lines].join('\n') },
      );
      sent += 1;
    }
    return sent;
  };

  return { housekeeping, digest };
}
