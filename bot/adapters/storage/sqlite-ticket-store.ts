/**
 * `TicketStore` on SQLite: tickets as JSON rows with a version column for optimistic concurrency, and
 * an append-only event table of every transition.
 */
import type { Ticket, TicketEvent, TicketState, TicketStore } from '../../ports/tickets.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';
import { retryOnUniqueViolation } from './sql-database.ts';

const migrations = [
  `CREATE TABLE tickets (id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, state TEXT NOT NULL, assignee TEXT,
     asker_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL);
   CREATE INDEX tickets_by_state ON tickets (state);
   CREATE TABLE ticket_events (ticket_id TEXT NOT NULL REFERENCES tickets(id), seq INTEGER NOT NULL, at TEXT NOT NULL,
     actor TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL, note TEXT, PRIMARY KEY (ticket_id, seq));`,
  `CREATE TABLE ticket_reminders (ticket_id TEXT NOT NULL, step TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (ticket_id, step));`,
  `CREATE INDEX tickets_by_assignee ON tickets (assignee, state); CREATE INDEX tickets_by_asker ON tickets (asker_id);`,
];

interface EventRow {
  ticket_id: string;
  at: string;
  actor: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
}

/** SQLite implementation of the ticket store. */
export class SqliteTicketStore implements TicketStore {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'tickets', migrations);
  }

  private appendEvent(event: TicketEvent): void {
    this.database
      .prepare(
        `INSERT INTO ticket_events (ticket_id, seq, at, actor, from_state, to_state, note)
         VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM ticket_events WHERE ticket_id = ?), ?, ?, ?, ?, ?)`,
      )
      .run(event.ticketId, event.ticketId, event.at, event.actor, event.from, event.to, event.note ?? null);
  }

  create(ticket: Omit<Ticket, 'number'>, event: TicketEvent): Ticket {
    // Replicas on PostgreSQL may race for the next number: the loser rolls back and takes the one after.
    return retryOnUniqueViolation(() => this.database.transaction(() => {
      const row = this.database.prepare<[], { next: number }>('SELECT coalesce(max(number), 0) + 1 AS next FROM tickets').get();
      const created: Ticket = { ...ticket, number: row?.next ?? 1 };
      this.database
        .prepare('INSERT INTO tickets (id, number, state, assignee, asker_id, version, body) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(created.id, created.number, created.state, created.assignee ?? null, created.askerId, created.version, JSON.stringify(created));
      this.appendEvent(event);
      return created;
    })());
  }

  get(id: string): Ticket | undefined {
    const row = this.database.prepare<[string], { body: string }>('SELECT body FROM tickets WHERE id = ?').get(id);
    return row ? (JSON.parse(row.body) as Ticket) : undefined;
  }

  byNumber(number: number): Ticket | undefined {
    if (!Number.isSafeInteger(number)) return undefined; // e.g. Number('ticket-x'): PostgreSQL refuses NaN
    const row = this.database.prepare<[number], { body: string }>('SELECT body FROM tickets WHERE number = ?').get(number);
    return row ? (JSON.parse(row.body) as Ticket) : undefined;
  }

  update(ticket: Ticket, expectedVersion: number, event: TicketEvent): boolean {
    return this.database.transaction(() => {
      const result = this.database
        .prepare('UPDATE tickets SET state = ?, assignee = ?, version = ?, body = ? WHERE id = ? AND version = ?')
        .run(ticket.state, ticket.assignee ?? null, ticket.version, JSON.stringify(ticket), ticket.id, expectedVersion);
      if (result.changes !== 1) return false;
      this.appendEvent(event);
      return true;
    })();
  }

  list(filter: { states?: readonly TicketState[]; candidate?: string; assignee?: string; askerId?: string }): Ticket[] {
    // State, assignee and asker are columns (indexed); candidates live in the JSON body and are filtered after.
    const conditions: string[] = [];
    const values: string[] = [];
    if (filter.states) {
      conditions.push(`state IN (${filter.states.map(() => '?').join(', ') || "''"})`);
      values.push(...filter.states);
    }
    if (filter.assignee) {
      conditions.push('assignee = ?');
      values.push(filter.assignee);
    }
    if (filter.askerId) {
      conditions.push('asker_id = ?');
      values.push(filter.askerId);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = this.database.prepare<string[], { body: string }>(`SELECT body FROM tickets ${where} ORDER BY number`).all(...values);
    return rows
      .map((row) => JSON.parse(row.body) as Ticket)
      .filter((ticket) => !filter.candidate || ticket.candidates.includes(filter.candidate) || ticket.assignee === filter.candidate);
  }

  markReminder(ticketId: string, step: string, at: string): boolean {
    return this.database.prepare('INSERT OR IGNORE INTO ticket_reminders (ticket_id, step, sent_at) VALUES (?, ?, ?)').run(ticketId, step, at).changes === 1;
  }

  events(ticketId: string): TicketEvent[] {
    return this.database
      .prepare<[string], EventRow>('SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY seq')
      .all(ticketId)
      .map((row) => ({
        ticketId: row.ticket_id,
        at: row.at,
        actor: row.actor,
        from: (row.from_state as TicketState | null) ?? null,
        to: row.to_state as TicketState,
        ...(row.note ? { note: row.note } : {}),
      }));
  }
}
