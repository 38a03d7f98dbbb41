import { describe, expect, it } from 'vitest';
import { ticketStats } from '../../../../bot/core/escalation/ticket-stats.ts';
import { openTicket } from '../../../fakes/sample-tickets.ts';

describe('ticketStats', () => {
  it('aggregates per week and pool, suppresses small groups and has no per-person figure', () => {
    const answered = Array.from({ length: 6 }, (_, index) =>
      openTicket({
        id: `t-${index}`,
        state: 'answered',
        createdAt: '2026-11-23T08:00:00.000Z',
        answer: { text: 'a', by: `p-${index}`, at: `2026-11-23T${String(9 + index).padStart(2, '0')}:00:00.000Z` },
      }),
    );
    const few = [openTicket({ id: 'x', pool: { kind: 'central' }, createdAt: '2026-11-24T08:00:00.000Z' })];
    const [central, unit] = ticketStats([...answered, ...few]);
    expect(unit).toEqual({ week: '2026-W48', pool: 'unit:A50', tickets: 6, answered: 6, medianHoursToAnswer: 3.5, open: null });
    expect(central).toEqual({ week: '2026-W48', pool: 'central', tickets: null, answered: null, medianHoursToAnswer: null, open: null });
    expect(JSON.stringify(ticketStats(answered))).not.toContain('p-1');
  });
});
