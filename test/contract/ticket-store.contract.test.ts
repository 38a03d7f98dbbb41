import { describe, expect, it } from 'vitest';
import { SqliteTicketStore } from '../../bot/adapters/storage/sqlite-ticket-store.ts';
import { applyTicketAction } from '../../bot/core/escalation/ticket-transitions.ts';
import { openTicket } from '../fakes/sample-tickets.ts';
import { useBackends } from './backends.ts';

const created = (ticketId: string) => ({ ticketId, at: '2026-11-23T08:00:00.000Z', actor: 'asker', from: null, to: 'open' as const });
const fieldsOf = (id: string, partial: Parameters<typeof openTicket>[0] = {}) => {
  const { number: _number, ...fields } = openTicket({ id, ...partial });
  return fields;
};

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`TicketStore contract on ${backend.name}`, () => {
    it('numbers tickets gaplessly across two handles (replicas) and keeps every transition', async () => {
      const { database, second } = await backend.fresh();
      const a = new SqliteTicketStore(database);
      const b = new SqliteTicketStore(second());
      const numbers = ['t-1', 't-2', 't-3', 't-4'].map((id, index) => (index % 2 ? b : a).create(fieldsOf(id), created(id)).number);
      expect(numbers).toEqual([1, 2, 3, 4]);
      const claim = applyTicketAction(b.get('t-1')!, { type: 'claim', by: 'p-aylin' }, '2026-11-23T09:00:00.000Z');
      if (claim.kind !== 'ok') throw new Error('claim refused');
      expect(b.update(claim.ticket, 1, claim.event)).toBe(true);
      expect(a.events('t-1').map((event) => event.to)).toEqual(['open', 'claimed']);
      expect(a.list({ assignee: 'p-aylin' }).map((ticket) => ticket.id)).toEqual(['t-1']);
      expect(a.byNumber(3)?.id).toBe('t-3');
      expect(a.get('nope')).toBeUndefined();
    });

    it('lets exactly one of two claims on the same version win (optimistic concurrency)', async () => {
      const { database, second } = await backend.fresh();
      const a = new SqliteTicketStore(database);
      const b = new SqliteTicketStore(second());
      const ticket = a.create(fieldsOf('t-1', { candidates: ['p-aylin', 'p-erika'] }), created('t-1'));
      const first = applyTicketAction(ticket, { type: 'claim', by: 'p-aylin' }, 't1');
      const other = applyTicketAction(ticket, { type: 'claim', by: 'p-erika' }, 't1');
      if (first.kind !== 'ok' || other.kind !== 'ok') throw new Error('claims refused');
      expect([a.update(first.ticket, ticket.version, first.event), b.update(other.ticket, ticket.version, other.event)]).toEqual([true, false]);
      expect(b.get('t-1')?.assignee).toBe('p-aylin');
      expect(a.events('t-1')).toHaveLength(2);
    });

    it('records a reminder step exactly once, whichever replica marks it', async () => {
      const { database, second } = await backend.fresh();
      const a = new SqliteTicketStore(database);
      const b = new SqliteTicketStore(second());
      a.create(fieldsOf('t-1'), created('t-1'));
      expect(a.markReminder('t-1', 'assignee', 't1')).toBe(true);
      expect(b.markReminder('t-1', 'assignee', 't2')).toBe(false);
      expect(b.markReminder('t-1', 'deputies', 't2')).toBe(true);
    });

    it('filters by states, asker and candidate', async () => {
      const { database } = await backend.fresh();
      const store = new SqliteTicketStore(database);
      store.create(fieldsOf('t-1', { askerId: 'u-1', candidates: ['p-aylin'] }), created('t-1'));
      store.create(fieldsOf('t-2', { askerId: 'u-2', candidates: ['p-erika'], state: 'claimed', assignee: 'p-erika' }), created('t-2'));
      expect(store.list({ states: ['open'] }).map((ticket) => ticket.id)).toEqual(['t-1']);
      expect(store.list({ states: [] })).toEqual([]);
      expect(store.list({ askerId: 'u-2' }).map((ticket) => ticket.id)).toEqual(['t-2']);
      expect(store.list({ candidate: 'p-erika' }).map((ticket) => ticket.id)).toEqual(['t-2']);
      expect(store.list({}).map((ticket) => ticket.number)).toEqual([1, 2]);
    });
  });
}
