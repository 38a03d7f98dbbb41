import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../../bot/adapters/storage/sqlite-database.ts';
import { SqliteTicketStore } from '../../../../bot/adapters/storage/sqlite-ticket-store.ts';
import { applyTicketAction } from '../../../../bot/core/escalation/ticket-transitions.ts';
import { openTicket } from '../../../fakes/sample-tickets.ts';

const created = { ticketId: 't-1', at: 't0', actor: 'asker', from: null, to: 'open' as const };

describe('SqliteTicketStore', () => {
  it('numbers tickets and keeps every transition', () => {
    const store = new SqliteTicketStore(openMemoryDatabase());
    const { number: _ignored, ...fields } = openTicket();
    expect(store.create(fields, created).number).toBe(1);
    expect(store.create({ ...fields, id: 't-2' }, { ...created, ticketId: 't-2' }).number).toBe(2);
    const claim = applyTicketAction(store.get('t-1')!, { type: 'claim', by: 'p-aylin' }, 't1');
    if (claim.kind !== 'ok') throw new Error('claim refused');
    expect(store.update(claim.ticket, 1, claim.event)).toBe(true);
    expect(store.events('t-1').map((event) => event.to)).toEqual(['open', 'claimed']);
    expect(store.list({ assignee: 'p-aylin' }).map((ticket) => ticket.id)).toEqual(['t-1']);
    expect(store.byNumber(2)?.id).toBe('t-2');
  });

  it('lets exactly one of two concurrent claims win', () => {
    const store = new SqliteTicketStore(openMemoryDatabase());
    const { number: _ignored, ...fields } = openTicket({ candidates: ['p-aylin', 'p-erika'] });
    const ticket = store.create(fields, created);
    const first = applyTicketAction(ticket, { type: 'claim', by: 'p-aylin' }, 't1');
    const second = applyTicketAction(ticket, { type: 'claim', by: 'p-erika' }, 't1');
    if (first.kind !== 'ok' || second.kind !== 'ok') throw new Error('claims refused');
    expect([store.update(first.ticket, ticket.version, first.event), store.update(second.ticket, ticket.version, second.event)]).toEqual([true, false]);
    expect(store.get('t-1')?.assignee).toBe('p-aylin');
    expect(store.events('t-1')).toHaveLength(2);
  });
});
