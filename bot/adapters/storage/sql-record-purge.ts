/**
 * Retention of stored records besides the audit and the conversations (issue #18, item 4): tickets with their
 * events and reminders, feedback, the inbox and the HR and Jabber outboxes. One synchronous delete per table,
 * portable between SQLite and PostgreSQL (ISO timestamps compare as text). A table whose store never ran
 * its migrations here (Jabber off) is skipped, judged by `schema_migrations`.
 */
import type { SqlDatabase } from './sql-database.ts';

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
  constructor(private readonly database: SqlDatabase) {}

  private migrated(store: string): boolean {
    return this.database.prepare<[string], { step: number }>('SELECT step FROM schema_migrations WHERE store = ? LIMIT 1').get(store) !== undefined;
  }

  private purgeTickets(before: string): number {
    const stale = 'SELECT ticket_id FROM ticket_events GROUP BY ticket_id HAVING max(at) < ?';
    return this.database.transaction(() => {
      this.database.prepare(`DELETE FROM ticket_reminders WHERE ticket_id IN (${stale})`).run(before);
      this.database.prepare(`DELETE FROM ticket_events WHERE ticket_id IN (${stale})`).run(before);
      // Every ticket gets an event when it is created: one without events is one whose history was just purged.
      return this.database.prepare('DELETE FROM tickets WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = tickets.id)').run().changes;
    })();
  }

  private purgeOutboxes(before: string): number {
    return this.database.transaction(() => {
      let removed = 0;
      if (this.migrated('hr-outbox')) {
        removed += this.database.prepare('DELETE FROM hr_outbox WHERE job IN (SELECT job FROM hr_jobs WHERE created_at < ?)').run(before).changes;
        this.database.prepare('DELETE FROM hr_jobs WHERE created_at < ?').run(before);
      }
      if (this.migrated('xmpp-channel')) {
        removed += this.database.prepare('DELETE FROM xmpp_outbox WHERE created_at < ?').run(before).changes;
        // A Jabber session maps an address to its last conversation; idle this long, that conversation is gone too.
        removed += this.database.prepare('DELETE FROM xmpp_sessions WHERE updated_at < ?').run(before).changes;
      }
      return removed;
    })();
  }

  /** Runs every configured purge; returns removed counts (`tickets`, `feedback`, `inbox`, `outboxes`). */
  purge(cutoffs: RecordCutoffs): Record<string, number> {
    const removed: Record<string, number> = {};
    if (cutoffs.tickets && this.migrated('tickets')) removed.tickets = this.purgeTickets(cutoffs.tickets);
    if (cutoffs.feedback && this.migrated('conversations')) removed.feedback = this.database.prepare('DELETE FROM feedback WHERE created_at < ?').run(cutoffs.feedback).changes;
    if (cutoffs.inbox && this.migrated('inbox')) removed.inbox = this.database.prepare('DELETE FROM inbox WHERE created_at < ?').run(cutoffs.inbox).changes;
    if (cutoffs.outboxes) removed.outboxes = this.purgeOutboxes(cutoffs.outboxes);
    return removed;
  }
}
