/** Conversations, their messages and thumbs feedback (formerly created by the conversation store's constructor). */
import type { StoreMigration } from './migration.ts';

export const conversationsMigration: StoreMigration = {
  name: '0001-conversations',
  legacyStore: 'conversations',
  steps: [
    [
      'CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, created_at TEXT NOT NULL)',
      `CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations(id),
         seq INTEGER NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, outcome TEXT, payload TEXT, created_at TEXT NOT NULL)`,
      'CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages (conversation_id, seq)',
      `CREATE TABLE IF NOT EXISTS feedback (message_id TEXT PRIMARY KEY REFERENCES messages(id), rating TEXT NOT NULL, reason TEXT,
         created_at TEXT NOT NULL)`,
    ],
  ],
};
