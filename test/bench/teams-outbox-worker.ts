/**
 * Child process of the Teams proactive benchmark: runs the real outbox (SQLite file, Agents SDK connector in
 * dev mode) over a data file until nothing is pending. The benchmark kills it half-way and starts it again.
 * Usage: tsx teams-outbox-worker.ts <db file> <rate per second>
 */
import Database from 'better-sqlite3';
import { CloudAdapter, getAuthConfigWithDefaults } from '@microsoft/agents-hosting';
import { createSdkConnector } from '../../bot/adapters/channels/teams/sdk-connector.ts';
import { TeamsOutbox } from '../../bot/adapters/channels/teams/teams-outbox.ts';
import { SqlTeamsStore } from '../../bot/adapters/channels/teams/teams-store.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { silentLogger } from '../../bot/shared/logger.ts';

const [file, rate] = process.argv.slice(2);
const database = new Database(file ?? '');
database.pragma('journal_mode = WAL');
database.pragma('synchronous = NORMAL');
const adapter = new CloudAdapter(getAuthConfigWithDefaults({}));
adapter.onTurnError = async () => undefined;
const storeDatabase = sqliteStoreDatabase(database);
await runMigrations(storeDatabase);
const store = new SqlTeamsStore(storeDatabase);
const outbox = new TeamsOutbox({
  database: storeDatabase,
  store,
  logger: silentLogger,
  connector: createSdkConnector({ adapter }),
  ratePerSecond: Number(rate ?? 30),
  conversationRatePerSecond: 1,
  conversationBurst: 3,
  maxAttempts: 8,
  maxInFlight: 64,
  renderTicketCard: async () => undefined,
});
outbox.start();
await outbox.idle(3_600_000);
await outbox.stop();
process.stdout.write(`${JSON.stringify(outbox.stats)}\n`);
database.close();
