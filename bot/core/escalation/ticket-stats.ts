/**
 * Ticket statistics without monitoring people (DV KI § 6): per pool and ISO week the number of tickets,
 * the median answer time in office-independent hours and the open queue, with counts below k suppressed.
 * There is deliberately no per-Lotse figure: with `peopleIn`, a pool that fewer than `minPeople` people
 * serve (one Lotsin for a unit, one person at the service desk) gets no row of its own and is counted only
 * in the week's `alle` row (issue #22).
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

/** Who may see a pool's figures apart: how many people serve it and how many that must be at least. */
export interface PoolPrivacy {
  readonly peopleIn: (pool: TicketPool) => number;
  /** Default 3. */
  readonly minPeople?: number;
}

/** Aggregates tickets per week of creation and pool (with `privacy`: small pools only in the week's `alle` row). */
export function ticketStats(tickets: readonly Ticket[], k = 5, privacy?: PoolPrivacy): TicketStatsRow[] {
  const groups = new Map<string, Ticket[]>();
  const add = (key: string, ticket: Ticket): void => void groups.set(key, [...(groups.get(key) ?? []), ticket]);
  for (const ticket of tickets) {
    const week = isoWeek(ticket.createdAt);
    if (privacy) add(`${week}|alle`, ticket);
    if (!privacy || privacy.peopleIn(ticket.pool) >= (privacy.minPeople ?? 3)) add(`${week}|${poolName(ticket.pool)}`, ticket);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => {
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
