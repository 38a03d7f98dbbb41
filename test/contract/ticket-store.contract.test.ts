import { describe, expect, it } from 'vitest';
import { SqlTicketStore } from '../../bot/adapters/storage/sql-ticket-store.ts';
import { applyTicketAction } from '../../bot/core/escalation/ticket-transitions.ts';
import type { TicketStore } from '../../bot/ports/tickets.ts';
import { InMemoryTicketStore } from '../fakes/in-memory-ticket-store.ts';
import { openTicket } from '../fakes/sample-tickets.ts';
import { useBackends } from './backends.ts';
import { literal, versioned, withRefusals } from './stored-json-support.ts';

const created = (ticketId: string) => ({ ticketId, at: '2026-11-23T08:00:00.000Z', actor: 'asker', from: null, to: 'open' as const });
const fieldsOf = (id: string, partial: Parameters<typeof openTicket>[0] = {}) => {
  const { number: _number, ...fields } = openTicket({ id, ...partial });
  return fields;
};

/**
 * The `TicketStore` contract: `open()` gives two stores on the same data (two replicas; the fake: one).
 * `concurrentReplicas`: whether both may run transactions at the same time (PostgreSQL; SQLite has one handle per process).
 */
function ticketStoreContract(
  name: string,
  available: boolean,
  concurrentReplicas: boolean,
  open: () => Promise<{ a: TicketStore; b: TicketStore }>,
): void {
  describe.skipIf(!available)(`TicketStore contract on ${name}`, () => {
    it('numbers tickets gaplessly across two replicas and keeps every transition', async () => {
      const { a, b } = await open();
      const numbers: number[] = [];
      for (const [index, id] of ['t-1', 't-2', 't-3', 't-4'].entries())
        numbers.push((await (index % 2 ? b : a).create(fieldsOf(id), created(id))).number);
      expect(numbers).toEqual([1, 2, 3, 4]);
      const claim = applyTicketAction((await b.get('t-1'))!, { type: 'claim', by: 'p-aylin' }, '2026-11-23T09:00:00.000Z');
      if (claim.kind !== 'ok') throw new Error('claim refused');
      expect(await b.update(claim.ticket, 1, claim.event)).toBe(true);
      expect((await a.events('t-1')).map((event) => event.to)).toEqual(['open', 'claimed']);
      expect((await a.events('t-1'))[1]).toEqual(claim.event);
      expect((await a.list({ assignee: 'p-aylin' })).map((ticket) => ticket.id)).toEqual(['t-1']);
      expect((await a.byNumber(3))?.id).toBe('t-3');
      expect(await a.get('nope')).toBeUndefined();
      expect([await a.byNumber(Number('ticket-x')), await a.byNumber(99), await a.byNumber(2 ** 40)]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('gives concurrent creates on two replicas distinct numbers (the loser repeats its whole transaction)', async () => {
      const { a, b } = await open();
      const made = await Promise.all(
        ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6'].map((id, index) =>
          (index % 2 && concurrentReplicas ? b : a).create(fieldsOf(id), created(id)),
        ),
      );
      expect(made.map((ticket) => ticket.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
      for (const ticket of made) {
        expect((await a.byNumber(ticket.number))?.id).toBe(ticket.id);
        expect(await b.events(ticket.id)).toHaveLength(1);
      }
    });

    it('lets exactly one of two claims on the same version win (optimistic concurrency), with one event', async () => {
      const { a, b } = await open();
      const ticket = await a.create(fieldsOf('t-1', { candidates: ['p-aylin', 'p-erika'] }), created('t-1'));
      const first = applyTicketAction(ticket, { type: 'claim', by: 'p-aylin' }, 't1');
      const other = applyTicketAction(ticket, { type: 'claim', by: 'p-erika' }, 't1');
      if (first.kind !== 'ok' || other.kind !== 'ok') throw new Error('claims refused');
      expect([
        await a.update(first.ticket, ticket.version, first.event),
        await b.update(other.ticket, ticket.version, other.event),
      ]).toEqual([true, false]);
      expect((await b.get('t-1'))?.assignee).toBe('p-aylin');
      expect(await a.events('t-1')).toHaveLength(2);
    });

    it('records a reminder step exactly once, whichever replica marks it', async () => {
      const { a, b } = await open();
      await a.create(fieldsOf('t-1'), created('t-1'));
      expect(await a.markReminder('t-1', 'assignee', 't1')).toBe(true);
      expect(await b.markReminder('t-1', 'assignee', 't2')).toBe(false);
      expect(await b.markReminder('t-1', 'deputies', 't2')).toBe(true);
      expect(await a.markReminder('digest:p-aylin', '2026-11-23', 't2')).toBe(true);
    });

    it('filters by states, asker, assignee and candidate, by number', async () => {
      const { a: store } = await open();
      await store.create(fieldsOf('t-1', { askerId: 'u-1', candidates: ['p-aylin'] }), created('t-1'));
      await store.create(
        fieldsOf('t-2', { askerId: 'u-2', candidates: ['p-erika'], state: 'claimed', assignee: 'p-erika' }),
        created('t-2'),
      );
      await store.create(
        fieldsOf('t-3', { askerId: 'u-2', candidates: ['p-aylin'], state: 'claimed', assignee: 'p-jonas' }),
        created('t-3'),
      );
      expect((await store.list({ states: ['open'] })).map((ticket) => ticket.id)).toEqual(['t-1']);
      expect(await store.list({ states: [] })).toEqual([]);
      expect((await store.list({ askerId: 'u-2' })).map((ticket) => ticket.id)).toEqual(['t-2', 't-3']);
      expect((await store.list({ askerId: 'u-2', states: ['claimed'], assignee: 'p-jonas' })).map((ticket) => ticket.id)).toEqual(['t-3']);
      expect((await store.list({ candidate: 'p-erika' })).map((ticket) => ticket.id)).toEqual(['t-2']);
      expect((await store.list({ candidate: 'p-jonas' })).map((ticket) => ticket.id)).toEqual(['t-3']);
      expect((await store.list({})).map((ticket) => ticket.number)).toEqual([1, 2, 3]);
      expect(await store.get('t-2')).toMatchObject({
        id: 't-2',
        number: 2,
        state: 'claimed',
        assignee: 'p-erika',
        askerId: 'u-2',
        candidates: ['p-erika'],
      });
    });
  });
}

ticketStoreContract('the in-memory fake', true, true, async () => {
  const store = new InMemoryTicketStore();
  return { a: store, b: store };
});

for (const backend of useBackends()) {
  ticketStoreContract(backend.name, backend.available, backend.name === 'postgres', async () => {
    const { store, secondStore } = await backend.fresh();
    return { a: new SqlTicketStore(store), b: new SqlTicketStore(await secondStore()) };
  });

  describe.skipIf(!backend.available)(`ticket store transactions on ${backend.name}`, () => {
    it('rolls a create back whole when its event cannot be written (no ticket without its first event)', async () => {
      const { store } = await backend.fresh();
      const tickets = new SqlTicketStore(store);
      await tickets.create(fieldsOf('t-1'), created('t-1'));
      // An event the table refuses (no target state): the ticket row written before it must not stay.
      await expect(tickets.create(fieldsOf('t-2'), { ...created('t-2'), to: null as never })).rejects.toThrow();
      expect(await tickets.get('t-2')).toBeUndefined();
      expect(await tickets.list({})).toHaveLength(1);
      expect(await tickets.events('t-1')).toHaveLength(1);
    });

    it('reads bodies written before versions, and leaves out (logged once) a body of a newer lotse or an invalid one', async () => {
      const fresh = await backend.fresh();
      const { store, refused } = withRefusals(fresh.store);
      const tickets = new SqlTicketStore(store);
      await tickets.create(fieldsOf('t-1'), created('t-1'));
      expect((await fresh.raw<{ body: string }>("SELECT body FROM tickets WHERE id = 't-1'"))[0]?.body).toMatch(/^\{"\$v":1,"id":"t-1",/);
      const insert = (id: string, number: number, body: string) =>
        fresh.raw(
          `INSERT INTO tickets (id, number, state, assignee, asker_id, version, body) VALUES (${literal(id)}, ${number}, 'open', NULL, 'asker', 1, ${literal(body)})`,
        );
      await insert('t-2', 2, JSON.stringify(openTicket({ id: 't-2', number: 2 })));
      await insert('t-3', 3, versioned(2, { ...openTicket({ id: 't-3', number: 3 }), state: 'parked' }));
      await insert('t-4', 4, JSON.stringify({ ...openTicket({ id: 't-4', number: 4 }), state: 'lost' }));
      expect(await tickets.get('t-2')).toEqual(openTicket({ id: 't-2', number: 2 }));
      expect([await tickets.get('t-3'), await tickets.byNumber(3), await tickets.get('t-4')]).toEqual([undefined, undefined, undefined]);
      expect((await tickets.list({})).map((ticket) => ticket.id)).toEqual(['t-1', 't-2']);
      expect((await tickets.list({ states: ['open'] })).map((ticket) => ticket.id)).toEqual(['t-1', 't-2']);
      expect(refused).toEqual([
        { store: 'tickets', key: 't-3', reason: 'written by a newer lotse (document version 2, this lotse reads up to version 1)' },
        { store: 'tickets', key: 't-4', reason: expect.stringMatching(/^invalid document \(state: /) },
      ]);
      // an old ticket is rewritten with the version field on its next change
      const claim = applyTicketAction((await tickets.get('t-2'))!, { type: 'claim', by: 'p-aylin' }, '2026-11-23T09:00:00.000Z');
      if (claim.kind !== 'ok') throw new Error('claim refused');
      expect(await tickets.update(claim.ticket, 1, claim.event)).toBe(true);
      expect((await fresh.raw<{ body: string }>("SELECT body FROM tickets WHERE id = 't-2'"))[0]?.body).toMatch(/^\{"\$v":1,/);
    });
  });
}
