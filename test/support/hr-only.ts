/**
 * Opens only the HR part of lotse over a data dir (SQLite, test directory, channel router with the web inbox
 * as fallback): the same wiring `createLotse` uses for HR, without the knowledge base, so that processes in
 * restart tests start fast.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadDirectory } from '../../bot/adapters/directory/load-directory.ts';
import { openSqliteDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { SqlConversationStore } from '../../bot/adapters/storage/sql-conversation-store.ts';
import { SqlInbox } from '../../bot/adapters/storage/sql-inbox.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { createChannelRouter, type ChannelRouter } from '../../bot/app/channel-router.ts';
import { createHr, type Hr } from '../../bot/app/create-hr.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { repoRoot } from './real-app.ts';

/** HR over a data dir, with its channel router. */
export async function openHrOnly(
  dataDir: string,
  policiesDir = join(repoRoot, 'policies'),
): Promise<{ hr: Hr; channels: ChannelRouter; close(): void }> {
  const database = openSqliteDatabase(dataDir);
  const store = sqliteStoreDatabase(database);
  await runMigrations(store);
  const clock = { now: () => new Date() };
  const ids = { next: (prefix: string) => `${prefix}-${randomUUID()}` };
  const inbox = new SqlInbox(store, new SqlConversationStore(store), clock, ids);
  const channels = createChannelRouter(inbox, silentLogger);
  const hr = createHr({
    store,
    directory: loadDirectory(join(repoRoot, 'test/fixtures/hr/directory.yaml')),
    channels,
    clock,
    ids,
    logger: silentLogger,
    policiesDir,
  });
  return {
    hr,
    channels,
    close: () => {
      hr.close();
      database.close();
    },
  };
}
