/**
 * The owners' feedback queue state per document (issue #22), one row per document, on the asynchronous
 * store database (SQLite or PostgreSQL, issue #20). `by` is the actor's audit pseudonym, never a directory
 * id. The table comes from migration `0011-feedback-queue`.
 */
import { sql } from 'kysely';
import { feedbackStates, type FeedbackQueueEntry, type FeedbackQueueStore, type FeedbackState } from '../../ports/feedback-queue.ts';
import { rows, run, type StoreDatabase } from '../sql/store-database.ts';

interface Row {
  document: string;
  state: string;
  updated_at: string;
}

const isState = (value: string): value is FeedbackState => (feedbackStates as readonly string[]).includes(value);

/** Feedback queue states in SQL. */
export class SqlFeedbackQueue implements FeedbackQueueStore {
  constructor(private readonly database: StoreDatabase) {}

  async list(): Promise<FeedbackQueueEntry[]> {
    return (await rows(this.database.db, sql<Row>`SELECT document, state, updated_at FROM feedback_queue ORDER BY document`)).flatMap(
      (row) => (isState(row.state) ? [{ document: row.document, state: row.state, updatedAt: row.updated_at }] : []),
    );
  }

  async set(entry: FeedbackQueueEntry & { readonly by: string }): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO feedback_queue (document, state, updated_at, updated_by) VALUES (${entry.document}, ${entry.state}, ${entry.updatedAt}, ${entry.by})
      ON CONFLICT (document) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
  }
}
