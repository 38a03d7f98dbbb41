/**
 * Daily care of the queue: tickets left unanswered past `expire_after_days` expire (the asker is told),
 * tickets whose Lotse left the directory go to the remaining candidates, else a fresh routing, else
 * the central pool; and each candidate gets one digest of the tickets waiting for them.
 */
import type { Directory } from '../../ports/directory.ts';
import type { Ticket } from '../../ports/tickets.ts';
import type { EscalationPolicy } from './escalation-policy.ts';

/** Something housekeeping will do to one ticket. */
export type HousekeepingStep =
  | { readonly kind: 'expire'; readonly ticket: Ticket }
  | { readonly kind: 'reassign'; readonly ticket: Ticket; readonly candidates: readonly string[] };

const waiting = new Set<Ticket['state']>(['open', 'claimed', 'rerouted', 'returned']);

/** The steps due at `now`; `reroute` routes a ticket afresh (by the asker's unit). */
export function housekeepingSteps(
  tickets: readonly Ticket[],
  now: Date,
  deps: { policy: EscalationPolicy; directory: Directory; reroute: (ticket: Ticket) => readonly string[] },
): HousekeepingStep[] {
  const present = (id: string): boolean => deps.directory.person(id) !== undefined;
  const steps: HousekeepingStep[] = [];
  for (const ticket of tickets) {
    if (!waiting.has(ticket.state)) continue;
    if (now.getTime() - new Date(ticket.createdAt).getTime() >= deps.policy.expireAfterDays * 86_400_000) {
      steps.push({ kind: 'expire', ticket });
      continue;
    }
    const lost = (ticket.assignee !== undefined && !present(ticket.assignee)) || ticket.candidates.some((id) => !present(id));
    if (!lost) continue;
    const remaining = ticket.candidates.filter((id) => present(id) && id !== ticket.assignee);
    const candidates = [remaining, deps.reroute(ticket).filter(present), deps.policy.centralPool.filter(present)].find((list) => list.length) ?? [];
    steps.push({ kind: 'reassign', ticket, candidates });
  }
  return steps;
}

/** Waiting tickets per person who may work on them (assignee, else candidates), oldest first. */
export function digestsFor(tickets: readonly Ticket[]): Map<string, Ticket[]> {
  const byPerson = new Map<string, Ticket[]>();
  for (const ticket of [...tickets].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (!waiting.has(ticket.state)) continue;
    for (const person of ticket.assignee ? [ticket.assignee] : ticket.candidates) byPerson.set(person, [...(byPerson.get(person) ?? []), ticket]);
  }
  return byPerson;
}
