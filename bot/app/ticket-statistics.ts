/**
 * The ticket statistics as shown to people (console, API, CLI): aggregated with k = 5, and pools served by
 * fewer than three people counted only in the week's total, so no figure describes one Lotse (DV KI § 6,
 * issue #22). Pool sizes come from the directory (unit Lotsen and deputies) and the escalation policy.
 */
import { ticketStats, type TicketStatsRow } from '../core/escalation/ticket-stats.ts';
import type { TicketPool } from '../ports/tickets.ts';
import { loadEscalationPolicy } from '../../policies/load-escalation.ts';
import type { Lotse } from './lotse.ts';

/** Returns a function computing the current statistics of `lotse`. */
export function createTicketStatistics(lotse: Pick<Lotse, 'escalation' | 'directory' | 'config'>): () => Promise<TicketStatsRow[]> {
  const policy = loadEscalationPolicy(lotse.config.policiesDir);
  const peopleIn = (pool: TicketPool): number => {
    if (pool.kind === 'central') return new Set(policy.centralPool).size;
    if (pool.kind !== 'unit') return new Set(policy.queues[pool.kind]).size;
    const assignment = lotse.directory.lotsenFor(pool.unit);
    return new Set([...(assignment?.lotsen ?? []), ...(assignment?.deputies ?? [])]).size;
  };
  return async () => ticketStats(await lotse.escalation.allTickets(), 5, { peopleIn });
}
