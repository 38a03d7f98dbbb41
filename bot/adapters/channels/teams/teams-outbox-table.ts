/**
 * The SQL of the Teams outbox table (migration `0014-teams-outbox`), on SQLite or PostgreSQL: queueing, counts,
 * the purge, the due conversation heads, the claim (one conditional UPDATE … RETURNING that sets the lease in
 * `not_before`) and the outcome of a delivery. The pump and its policy are in `teams-outbox.ts`.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { first, rows, run, type SqlExecutor } from '../../sql/store-database.ts';
import { storedJson } from '../../sql/stored-json.ts';
import type { OutgoingActivity } from './teams-connector.ts';

/** A queued activity (version 1): any JSON object; the Bot Connector validates the rest. */
export const storedActivity = storedJson<OutgoingActivity>(z.looseObject({ type: z.string().min(1).optional() }), 1);

/** A message to queue: a ready activity, or the current ticket card (rendered when it is sent). */
export type OutboxItem =
  | {
      readonly op: 'activity';
      readonly conversationId: string;
      readonly activity: OutgoingActivity;
      readonly personId?: string;
      readonly fallback?: string;
      readonly ticketId?: string;
    }
  | {
      readonly op: 'ticket-card';
      readonly conversationId: string;
      readonly ticketId: string;
      readonly personId?: string;
      readonly fallback?: string;
    };

/** One row of the outbox. */
export interface OutboxRow {
  id: number;
  conversation_id: string;
  op: 'activity' | 'ticket-card';
  activity: string | null;
  ticket_id: string | null;
  person_id: string | null;
  fallback: string | null;
  attempts: number;
  throttled: number;
}

const numeric = (row: OutboxRow): OutboxRow => ({
  ...row,
  id: Number(row.id),
  attempts: Number(row.attempts),
  throttled: Number(row.throttled),
});
const count = async (executor: SqlExecutor, query: RawBuilder<{ n: number }>): Promise<number> =>
  Number((await first(executor, query))?.n ?? 0);

/** The outbox table of one store database. */
export class TeamsOutboxTable {
  constructor(private readonly db: SqlExecutor) {}

  /** Queues an item at `now` (ms); a ticket card already waiting for the same conversation is not queued twice (undefined). */
  async insert(item: OutboxItem, now: number): Promise<number | undefined> {
    const values = sql`${item.conversationId}, ${item.op}, ${item.op === 'activity' ? storedActivity.encode(item.activity) : null}, ${item.ticketId ?? null},
      ${item.personId ?? null}, ${item.fallback ?? null}, ${now}, ${new Date(now).toISOString()}`;
    const inserted =
      item.op === 'ticket-card'
        ? await first(
            this.db,
            sql<{
              id: number;
            }>`INSERT INTO teams_outbox (conversation_id, op, activity, ticket_id, person_id, fallback, not_before, created_at)
          SELECT ${values} WHERE NOT EXISTS (SELECT 1 FROM teams_outbox WHERE state = 'pending' AND op = 'ticket-card' AND ticket_id = ${item.ticketId}
            AND conversation_id = ${item.conversationId}) RETURNING id`,
          )
        : await first(
            this.db,
            sql<{
              id: number;
            }>`INSERT INTO teams_outbox (conversation_id, op, activity, ticket_id, person_id, fallback, not_before, created_at)
          VALUES (${values}) RETURNING id`,
          );
    return inserted ? Number(inserted.id) : undefined;
  }

  /** Rows not yet sent or given up. */
  pendingCount(): Promise<number> {
    return count(this.db, sql<{ n: number }>`SELECT COUNT(*) AS n FROM teams_outbox WHERE state = 'pending'`);
  }

  /** Pending rows due at `now` (not waiting for a retry, a Retry-After or another replica's lease). */
  dueCount(now: number): Promise<number> {
    return count(this.db, sql<{ n: number }>`SELECT COUNT(*) AS n FROM teams_outbox WHERE state = 'pending' AND not_before <= ${now}`);
  }

  /** Deletes sent and failed rows finished before `before` (ISO). */
  purgeFinished(before: string): Promise<number> {
    return run(this.db, sql`DELETE FROM teams_outbox WHERE state IN ('sent', 'failed') AND done_at < ${before}`);
  }

  /** The first pending row of each conversation, when it is due (order per conversation). */
  heads(now: number): Promise<OutboxRow[]> {
    return rows(
      this.db,
      sql<OutboxRow>`SELECT o.* FROM teams_outbox o JOIN (SELECT MIN(id) AS id FROM teams_outbox WHERE state = 'pending' GROUP BY conversation_id) h ON o.id = h.id
      WHERE o.not_before <= ${now} ORDER BY o.id LIMIT 500`,
    );
  }

  /** Takes a due row until `leaseUntil` (exactly one claimant: the conditional UPDATE re-checks the row under its lock). */
  async claim(id: number, now: number, leaseUntil: number): Promise<OutboxRow | undefined> {
    const claimed = await first(
      this.db,
      sql<OutboxRow>`UPDATE teams_outbox SET not_before = ${leaseUntil}
      WHERE id = ${id} AND state = 'pending' AND not_before <= ${now} RETURNING *`,
    );
    return claimed ? numeric(claimed) : undefined;
  }

  /** Pending rows of a conversation, in order. */
  async pendingOf(conversationId: string): Promise<OutboxRow[]> {
    return (
      await rows(
        this.db,
        sql<OutboxRow>`SELECT * FROM teams_outbox WHERE state = 'pending' AND conversation_id = ${conversationId} ORDER BY id`,
      )
    ).map(numeric);
  }

  /** Leaves a pending row until `until` without counting an attempt (written by a newer lotse). */
  async postpone(id: number, until: number): Promise<void> {
    await run(this.db, sql`UPDATE teams_outbox SET not_before = ${until} WHERE id = ${id} AND state = 'pending'`);
  }

  async markSent(id: number, at: string, activityId: string | null): Promise<void> {
    await run(this.db, sql`UPDATE teams_outbox SET state = 'sent', done_at = ${at}, activity_id = ${activityId} WHERE id = ${id}`);
  }

  async markThrottled(id: number, until: number): Promise<void> {
    await run(
      this.db,
      sql`UPDATE teams_outbox SET throttled = throttled + 1, not_before = ${until}, last_error = 'HTTP 429' WHERE id = ${id}`,
    );
  }

  async markRetry(id: number, until: number, reason: string): Promise<void> {
    await run(
      this.db,
      sql`UPDATE teams_outbox SET attempts = attempts + 1, not_before = ${until}, last_error = ${reason} WHERE id = ${id}`,
    );
  }

  /** Marks a pending row failed; false when it was no longer pending (another replica settled it). */
  async markFailed(id: number, at: string, reason: string): Promise<boolean> {
    return (
      (await run(
        this.db,
        sql`UPDATE teams_outbox SET state = 'failed', done_at = ${at}, last_error = ${reason} WHERE id = ${id} AND state = 'pending'`,
      )) > 0
    );
  }
}
