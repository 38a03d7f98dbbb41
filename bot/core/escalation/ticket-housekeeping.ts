/**
 * Daily care of the queue: tickets left unanswered past `expire_after_days` expire (the asker is told),
 * tickets whose Lotse left the directory (or is absent: claimed by them, or only they may claim it; issue #22)
 * go to the remaining present candidates, else a fresh routing, else the central pool; and each candidate
 * gets one digest of the tickets waiting for them.
 */
import type { Directory } from '../../ports/directory.ts';
import type { Ticket } from '../../ports/tickets.ts';
import type { EscalationPolicy } from './escalation-policy.ts';
import { presentOrAll, type PresenceCheck } from './route-ticket.ts';

/** Something housekeeping will do to one ticket. */
export type HousekeepingStep =
  | { readonly kind: 'expire'; readonly ticket: Ticket }
  | { readonly kind: 'reassign'; readonly ticket: Ticket; readonly candidates: readonly string[] };

const waiting = new Set<Ticket['state']>(['open', 'claimed', 'rerouted', 'returned']);

/** The steps due at `now`; `reroute` routes a ticket afresh (by the asker's unit). */
export function housekeepingSteps(
  tickets: readonly Ticket[],
  now: Date,
  deps: {
    policy: EscalationPolicy;
    directory: Directory;
    reroute: (ticket: Ticket) => readonly string[];
    present?: PresenceCheck | undefined;
  },
): HousekeepingStep[] {
  const inDirectory = (id: string): boolean => deps.directory.person(id) !== undefined;
  const present = (id: string): boolean => inDirectory(id) && (deps.present?.(id) ?? true);
  const steps: HousekeepingStep[] = [];
  for (const ticket of tickets) {
    if (!waiting.has(ticket.state)) continue;
    if (now.getTime() - new Date(ticket.createdAt).getTime() >= deps.policy.expireAfterDays * 86_400_000) {
      steps.push({ kind: 'expire', ticket });
      continue;
    }
    const left = (ticket.assignee !== undefined && !inDirectory(ticket.assignee)) || ticket.candidates.some((id) => !inDirectory(id));
    const away =
      ticket.assignee !== undefined ? !present(ticket.assignee) : ticket.candidates.length > 0 && !ticket.candidates.some(present);
    if (!left && !away) continue;
    const remaining = ticket.candidates.filter((id) => present(id) && id !== ticket.assignee);
    const central = presentOrAll(deps.policy.centralPool.filter(inDirectory), deps.present);
    const candidates = [remaining, deps.reroute(ticket).filter(present), central].find((list) => list.length) ?? [];
    // Everyone who could take it is away: nothing better to do until someone is back (no notice every minute).
    if (!left && !ticket.assignee && candidates.every((id) => ticket.candidates.includes(id))) continue;
    steps.push({ kind: 'reassign', ticket, candidates });
  }
  return steps;
}

/** Waiting tickets per person who may work on them (assignee, else candidates), oldest first. */
export function digestsFor(tickets: readonly Ticket[]): Map<string, Ticket[]> {
  const byPerson = new Map<string, Ticket[]>();
  for (const ticket of [...tickets].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (!waiting.has(ticket.state)) continue;
    for (const person of ticket.assignee ? [ticket.assignee] : ticket.candidates)
      byPerson.set(person, [...(byPerson.get(person) ?? []), ticket]);
  }
  return byPerson;
}
