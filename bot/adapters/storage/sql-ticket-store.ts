/**
 * `TicketStore` on the asynchronous store database (SQLite or PostgreSQL): tickets as JSON rows with a version
 * column for optimistic concurrency, and an append-only event table of every transition. The tables come from
 * migration `0006-tickets`.
 *
 * Bodies are written and read with `storedTicket` (`stored-documents.ts`: versioned, zod-checked). A body this
 * lotse cannot read — written by a newer lotse, or invalid — is treated as absent: `get`/`byNumber` give
 * `undefined`, `list` leaves it out, and the refusal is logged once per row and reason (`stored-json-refused`).
 * A ticket that was never read is never written back, so an older replica cannot overwrite a newer one's ticket.
 */
import { sql } from 'kysely';
import type { Ticket, TicketEvent, TicketState, TicketStore } from '../../ports/tickets.ts';
import { first, rows, run, withRetry, type SqlExecutor, type StoreDatabase } from '../sql/store-database.ts';
import { refusedRowReporter } from '../sql/stored-json.ts';
import { storedTicket } from './stored-documents.ts';

interface EventRow {
  ticket_id: string;
  at: string;
  actor: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
}

async function appendEvent(tx: SqlExecutor, event: TicketEvent): Promise<void> {
  await run(
    tx,
    sql`INSERT INTO ticket_events (ticket_id, seq, at, actor, from_state, to_state, note)
    VALUES (${event.ticketId}, (SELECT coalesce(max(seq), 0) + 1 FROM ticket_events WHERE ticket_id = ${event.ticketId}),
      ${event.at}, ${event.actor}, ${event.from}, ${event.to}, ${event.note ?? null})`,
  );
}

/** The ticket store on SQLite or PostgreSQL. */
export class SqlTicketStore implements TicketStore {
  private readonly refused: (key: string, reason: string) => void;

  constructor(private readonly database: StoreDatabase) {
    this.refused = refusedRowReporter('tickets', database.logger);
  }

  /** The ticket of a row, or undefined (logged once) when its body cannot be read. */
  private parse(row: { id: string; body: string } | undefined): Ticket | undefined {
    if (!row) return undefined;
    const decoded = storedTicket.decode(row.body);
    if (decoded.ok) return decoded.value;
    this.refused(row.id, decoded.reason);
    return undefined;
  }

  async create(ticket: Omit<Ticket, 'number'>, event: TicketEvent): Promise<Ticket> {
    // Replicas may race for the next number: the loser's whole transaction rolls back and is repeated (each round one wins).
    return withRetry(
      () =>
        this.database.transaction(async (tx) => {
          const row = await first(tx, sql<{ next: number }>`SELECT coalesce(max(number), 0) + 1 AS next FROM tickets`);
          const created: Ticket = { ...ticket, number: Number(row?.next ?? 1) };
          await run(
            tx,
            sql`INSERT INTO tickets (id, number, state, assignee, asker_id, version, body)
        VALUES (${created.id}, ${created.number}, ${created.state}, ${created.assignee ?? null}, ${created.askerId}, ${created.version}, ${storedTicket.encode(created)})`,
          );
          await appendEvent(tx, event);
          return created;
        }),
      { onUniqueViolation: true, attempts: 8 },
    );
  }

  async get(id: string): Promise<Ticket | undefined> {
    return this.parse(await first(this.database.db, sql<{ id: string; body: string }>`SELECT id, body FROM tickets WHERE id = ${id}`));
  }

  async byNumber(number: number): Promise<Ticket | undefined> {
    // e.g. Number('ticket-x'), or beyond the INTEGER column: PostgreSQL refuses NaN and out-of-range values.
    if (!Number.isSafeInteger(number) || Math.abs(number) > 2_147_483_647) return undefined;
    return this.parse(
      await first(this.database.db, sql<{ id: string; body: string }>`SELECT id, body FROM tickets WHERE number = ${number}`),
    );
  }

  async update(ticket: Ticket, expectedVersion: number, event: TicketEvent): Promise<boolean> {
    return this.database.transaction(async (tx) => {
      const changed = await run(
        tx,
        sql`UPDATE tickets SET state = ${ticket.state}, assignee = ${ticket.assignee ?? null}, version = ${ticket.version},
        body = ${storedTicket.encode(ticket)} WHERE id = ${ticket.id} AND version = ${expectedVersion}`,
      );
      if (changed !== 1) return false;
      await appendEvent(tx, event);
      return true;
    });
  }

  async list(filter: { states?: readonly TicketState[]; candidate?: string; assignee?: string; askerId?: string }): Promise<Ticket[]> {
    // State, assignee and asker are columns (indexed); candidates live in the JSON body and are filtered after.
    if (filter.states?.length === 0) return [];
    const conditions = [
      ...(filter.states ? [sql`state IN (${sql.join(filter.states)})`] : []),
      ...(filter.assignee ? [sql`assignee = ${filter.assignee}`] : []),
      ...(filter.askerId ? [sql`asker_id = ${filter.askerId}`] : []),
    ];
    const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    const found = await rows(this.database.db, sql<{ id: string; body: string }>`SELECT id, body FROM tickets ${where} ORDER BY number`);
    return found
      .flatMap((row) => this.parse(row) ?? [])
      .filter((ticket) => !filter.candidate || ticket.candidates.includes(filter.candidate) || ticket.assignee === filter.candidate);
  }

  async markReminder(ticketId: string, step: string, at: string): Promise<boolean> {
    return (
      (await run(
        this.database.db,
        sql`INSERT INTO ticket_reminders (ticket_id, step, sent_at) VALUES (${ticketId}, ${step}, ${at})
      ON CONFLICT (ticket_id, step) DO NOTHING`,
      )) === 1
    );
  }

  async events(ticketId: string): Promise<TicketEvent[]> {
    const found = await rows(
      this.database.db,
      sql<EventRow>`SELECT ticket_id, at, actor, from_state, to_state, note FROM ticket_events
      WHERE ticket_id = ${ticketId} ORDER BY seq`,
    );
    return found.map((row) => ({
      ticketId: row.ticket_id,
      at: row.at,
      actor: row.actor,
      from: (row.from_state as TicketState | null) ?? null,
      to: row.to_state as TicketState,
      ...(row.note ? { note: row.note } : {}),
    }));
  }
}
