/**
 * The owners' feedback queue state per document (issue #22), one row per document in SQLite. Synchronous
 * like the other stores; `by` is the actor's audit pseudonym, never a directory id.
 */
import { feedbackStates, type FeedbackQueueEntry, type FeedbackQueueStore, type FeedbackState } from '../../ports/feedback-queue.ts';
import type { SqliteDatabase } from './sqlite-database.ts';
import { migrate } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE feedback_queue (document TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);`,
];

interface Row {
  document: string;
  state: string;
  updated_at: string;
}

const isState = (value: string): value is FeedbackState => (feedbackStates as readonly string[]).includes(value);

/** Feedback queue states in SQLite. */
export class SqliteFeedbackQueue implements FeedbackQueueStore {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'feedback-queue', migrations);
  }

  list(): FeedbackQueueEntry[] {
    return this.database.prepare<[], Row>('SELECT document, state, updated_at FROM feedback_queue ORDER BY document').all()
      .flatMap((row) => (isState(row.state) ? [{ document: row.document, state: row.state, updatedAt: row.updated_at }] : []));
  }

  set(entry: FeedbackQueueEntry & { readonly by: string }): void {
    this.database
      .prepare('INSERT INTO feedback_queue (document, state, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (document) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, updated_by = excluded.updated_by')
      .run(entry.document, entry.state, entry.updatedAt, entry.by);
  }
}
