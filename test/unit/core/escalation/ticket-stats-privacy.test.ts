/**
 * Issue #22: ticket statistics name no Lotse even indirectly: a pool served by fewer than three people (one
 * unit Lotsin and her deputy, a one-person service desk) has no row of its own and counts only in `alle`.
 */
import { describe, expect, it } from 'vitest';
import { ticketStats } from '../../../../bot/core/escalation/ticket-stats.ts';
import type { TicketPool } from '../../../../bot/ports/tickets.ts';
import { openTicket } from '../../../fakes/sample-tickets.ts';

describe('ticketStats with pool privacy', () => {
  it('keeps small pools out of their own rows and counts them in the week total', () => {
    const at = (hour: number) => `2026-11-23T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const unit = Array.from({ length: 5 }, (_, index) =>
      openTicket({ id: `u-${index}`, state: 'answered', createdAt: at(8), answer: { text: 'a', by: 'p-aylin', at: at(9 + index) } }),
    );
    const central = Array.from({ length: 5 }, (_, index) => openTicket({ id: `c-${index}`, pool: { kind: 'central' }, createdAt: at(8) }));
    const peopleIn = (pool: TicketPool): number => (pool.kind === 'central' ? 3 : 1);
    const rows = ticketStats([...unit, ...central], 5, { peopleIn });
    expect(rows.map((row) => row.pool)).toEqual(['alle', 'central']);
    expect(rows[0]).toEqual({ week: '2026-W48', pool: 'alle', tickets: 10, answered: 5, medianHoursToAnswer: 3, open: 5 });
  });
});
