/** HR broadcasts and topic subscriptions (issue #10, formerly created by the broadcast store's constructor). */
import type { StoreMigration } from './migration.ts';

export const broadcastsMigration: StoreMigration = {
  name: '0017-broadcasts',
  legacyStore: 'hr-broadcasts',
  steps: [
    [
      'CREATE TABLE IF NOT EXISTS hr_broadcasts (id TEXT PRIMARY KEY, state TEXT NOT NULL, send_at TEXT NOT NULL, data TEXT NOT NULL)',
      'CREATE INDEX IF NOT EXISTS hr_broadcasts_due ON hr_broadcasts (state, send_at)',
      'CREATE TABLE IF NOT EXISTS hr_subscriptions (person_id TEXT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (person_id, topic))',
      'CREATE INDEX IF NOT EXISTS hr_subscriptions_topic ON hr_subscriptions (topic)',
    ],
  ],
};
