/** The Teams channel's references, links, ticket cards, card actions and preferences (formerly created by the Teams store's constructor). */
import type { StoreMigration } from './migration.ts';

export const teamsMigration: StoreMigration = {
  name: '0013-teams',
  legacyStore: 'teams',
  steps: [
    [
      `CREATE TABLE IF NOT EXISTS teams_conversations (conversation_id TEXT PRIMARY KEY, kind TEXT NOT NULL, reference TEXT NOT NULL,
        person_id TEXT, aad_object_id TEXT, tenant_id TEXT, service_url TEXT NOT NULL, undeliverable TEXT, updated_at TEXT NOT NULL)`,
      'CREATE INDEX IF NOT EXISTS teams_conversations_by_person ON teams_conversations (person_id, kind)',
      'CREATE TABLE IF NOT EXISTS teams_core_links (core_conversation_id TEXT PRIMARY KEY, teams_conversation_id TEXT NOT NULL)',
      `CREATE TABLE IF NOT EXISTS teams_ticket_cards (ticket_id TEXT NOT NULL, teams_conversation_id TEXT NOT NULL, activity_id TEXT,
        version INTEGER NOT NULL, PRIMARY KEY (ticket_id, teams_conversation_id))`,
      'CREATE TABLE IF NOT EXISTS teams_card_actions (key TEXT PRIMARY KEY, at TEXT NOT NULL)',
    ],
    // "einfach" / "normal" in the chat (issue #22): Leichte Sprache for the person's next answers.
    ['CREATE TABLE IF NOT EXISTS teams_preferences (user_id TEXT PRIMARY KEY, plain_language INTEGER NOT NULL, updated_at TEXT NOT NULL)'],
  ],
};
