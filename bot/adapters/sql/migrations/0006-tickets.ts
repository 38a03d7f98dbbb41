/** Digitallotsen tickets, their event log and sent reminders (formerly created by the ticket store's constructor). */
import type { StoreMigration } from './migration.ts';

export const ticketsMigration: StoreMigration = {
  name: '0006-tickets',
  legacyStore: 'tickets',
  steps: [
    [
      `CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, state TEXT NOT NULL, assignee TEXT,
         asker_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL)`,
      'CREATE INDEX IF NOT EXISTS tickets_by_state ON tickets (state)',
      `CREATE TABLE IF NOT EXISTS ticket_events (ticket_id TEXT NOT NULL REFERENCES tickets(id), seq INTEGER NOT NULL, at TEXT NOT NULL,
         actor TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL, note TEXT, PRIMARY KEY (ticket_id, seq))`,
    ],
    [
      'CREATE TABLE IF NOT EXISTS ticket_reminders (ticket_id TEXT NOT NULL, step TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (ticket_id, step))',
    ],
    [
      'CREATE INDEX IF NOT EXISTS tickets_by_assignee ON tickets (assignee, state)',
      'CREATE INDEX IF NOT EXISTS tickets_by_asker ON tickets (asker_id)',
    ],
  ],
};
