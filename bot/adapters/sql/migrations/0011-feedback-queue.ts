/** The owners' feedback queue state per document (formerly created by the feedback queue's constructor). */
import type { StoreMigration } from './migration.ts';

export const feedbackQueueMigration: StoreMigration = {
  name: '0011-feedback-queue',
  legacyStore: 'feedback-queue',
  steps: [
    [
      'CREATE TABLE IF NOT EXISTS feedback_queue (document TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)',
    ],
  ],
};
