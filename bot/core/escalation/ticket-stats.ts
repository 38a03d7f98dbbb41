/**
 * Ticket statistics without monitoring people (DV KI § 6): per pool and ISO week the number of tickets,
 * the median answer time in office-independent hours and the open queue, with counts below k suppressed.
 * There is deliberately no per-Lotse figure.
 */
import type { Ticket, TicketPool } from '../../ports/tickets.ts';
import { isoWeek } from '../guardrails/audit-report.ts';

/** One row of the statistics; `null` marks a suppressed value. */
export interface TicketStatsRow {
  readonly week: string;
  readonly pool: string;
  readonly tickets: number | null;
  readonly answered: number | null;
  readonly medianHoursToAnswer: number | null;
  readonly open: number | null;
}

const poolName = (pool: TicketPool): string => (pool.kind === 'unit' ? `unit:${pool.unit}` : pool.kind);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Aggregates tickets per week of creation and pool. */
export function ticketStats(tickets: readonly Ticket[], k = 5): TicketStatsRow[] {
  const groups = new Map<string, Ticket[]>();
  for (const ticket of tickets) {
    const key = `${isoWeek(ticket.createdAt)}|${poolName(ticket.pool)}`;
    groups.set(key, [...(groups.get(key) ?? []), ticket]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => {
    const [week = '', pool = ''] = key.split('|');
    const answered = list.filter((ticket) => ticket.answer);
    const hours = answered.map((ticket) => (new Date(ticket.answer!.at).getTime() - new Date(ticket.createdAt).getTime()) / 3_600_000);
    const open = list.filter((ticket) => ['open', 'claimed', 'rerouted', 'returned'].includes(ticket.state)).length;
    const suppress = (count: number): number | null => (count >= k ? count : null);
    return {
      week,
      pool,
      tickets: suppress(list.length),
      answered: suppress(answered.length),
      medianHoursToAnswer: answered.length >= k ? Math.round(median(hours) * 10) / 10 : null,
      open: suppress(open),
    };
  });
}
