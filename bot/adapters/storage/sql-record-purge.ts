/**
 * Retention of stored records besides the audit and the conversations (issue #18, item 4): tickets with their
 * events and reminders, feedback, the inbox and the HR and Jabber outboxes. One delete per table, portable
 * between SQLite and PostgreSQL (ISO timestamps compare as text), each kind in its own transaction. A table
 * whose store never ran here (Jabber off) is skipped.
 */
import { sql } from 'kysely';
import { run, tableExists, type StoreDatabase } from '../sql/store-database.ts';

/** Records written before these ISO instants are deleted; a missing entry keeps that kind. */
export interface RecordCutoffs {
  /** Tickets whose last event is older (any state: an untouched open ticket is long expired). */
  readonly tickets?: string;
  /** Feedback given before (also while its conversation is still in use). */
  readonly feedback?: string;
  /** Inbox entries created before, read or not. */
  readonly inbox?: string;
  /** HR jobs created before (their per-person rows, acknowledgements included), Jabber outbox rows and idle Jabber sessions. */
  readonly outboxes?: string;
}

/** Deletes records past their retention; counts per kind, never content. */
export class SqlRecordPurge {
  constructor(private readonly database: StoreDatabase) {}

  private purgeTickets(before: string): Promise<number> {
    const stale = sql`SELECT ticket_id FROM ticket_events GROUP BY ticket_id HAVING max(at) < ${before}`;
    return this.database.transaction(async (tx) => {
      await run(tx, sql`DELETE FROM ticket_reminders WHERE ticket_id IN (${stale})`);
      await run(tx, sql`DELETE FROM ticket_events WHERE ticket_id IN (${stale})`);
      // Every ticket gets an event when it is created: one without events is one whose history was just purged.
      return run(tx, sql`DELETE FROM tickets WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = tickets.id)`);
    });
  }

  private async purgeOutboxes(before: string): Promise<number> {
    const hr = await tableExists(this.database, 'hr_outbox');
    const xmpp = await tableExists(this.database, 'xmpp_outbox');
    return this.database.transaction(async (tx) => {
      let removed = 0;
      if (hr) {
        removed += await run(tx, sql`DELETE FROM hr_outbox WHERE job IN (SELECT job FROM hr_jobs WHERE created_at < ${before})`);
        await run(tx, sql`DELETE FROM hr_jobs WHERE created_at < ${before}`);
      }
      if (xmpp) {
        removed += await run(tx, sql`DELETE FROM xmpp_outbox WHERE created_at < ${before}`);
        // A Jabber session maps an address to its last conversation; idle this long, that conversation is gone too.
        removed += await run(tx, sql`DELETE FROM xmpp_sessions WHERE updated_at < ${before}`);
      }
      return removed;
    });
  }

  /** Runs every configured purge; returns removed counts (`tickets`, `feedback`, `inbox`, `outboxes`). */
  async purge(cutoffs: RecordCutoffs): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    if (cutoffs.tickets && (await tableExists(this.database, 'ticket_events'))) removed.tickets = await this.purgeTickets(cutoffs.tickets);
    if (cutoffs.feedback) removed.feedback = await run(this.database.db, sql`DELETE FROM feedback WHERE created_at < ${cutoffs.feedback}`);
    if (cutoffs.inbox) removed.inbox = await run(this.database.db, sql`DELETE FROM inbox WHERE created_at < ${cutoffs.inbox}`);
    if (cutoffs.outboxes) removed.outboxes = await this.purgeOutboxes(cutoffs.outboxes);
    return removed;
  }
}
