/**
 * `npx tsx test/bench/teams-proactive-bench.ts [conversations=4000] [rate=30] [throttleEvery=50]`: proactive
 * delivery through the real Teams outbox and the Agents SDK to a mock Bot Connector on loopback, with every
 * n-th request answered 429 (Retry-After: 1), and the worker process killed (SIGKILL) half-way and restarted.
 * Reports achieved request rate vs configured, deliveries per second, messages lost and duplicates.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TeamsOutbox } from '../../bot/adapters/channels/teams/teams-outbox.ts';
import { SqlTeamsStore } from '../../bot/adapters/channels/teams/teams-store.ts';
import { runMigrations } from '../../bot/adapters/sql/migrations/run-migrations.ts';
import { sqliteStoreDatabase } from '../../bot/adapters/sql/sqlite-store-database.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { FakeTeamsConnector } from '../fakes/fake-teams-connector.ts';
import { startMockBotConnector, type ConnectorRequest } from '../support/mock-bot-connector.ts';

const [count = 4000, rate = 30, throttleEvery = 50] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'teams-bench-'));
const file = join(dir, 'bench.db');
const connector = await startMockBotConnector();
let requests = 0;
const throttledAt = new Set<ConnectorRequest>();
connector.respondWith((request) => {
  requests += 1;
  if (requests % throttleEvery !== 0) return undefined;
  throttledAt.add(request);
  return { status: 429, headers: { 'retry-after': '1' }, body: {} };
});

// Seed: one personal conversation and one queued message per conversation.
const seed = new Database(file);
seed.pragma('journal_mode = WAL');
seed.pragma('synchronous = NORMAL');
const seedStore = sqliteStoreDatabase(seed);
await runMigrations(seedStore);
const store = new SqlTeamsStore(seedStore);
const outbox = new TeamsOutbox({
  database: seedStore,
  store,
  logger: silentLogger,
  connector: new FakeTeamsConnector(),
  ratePerSecond: 1,
  conversationRatePerSecond: 1,
  conversationBurst: 1,
  maxAttempts: 1,
  renderTicketCard: async () => undefined,
});
for (let index = 0; index < count; index += 1) {
  const conversationId = `a:bench-${index}`;
  const reference = {
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    conversation: { id: conversationId, conversationType: 'personal' },
    agent: { id: '28:bot' },
    user: { id: `29:user-${index}` },
  };
  await store.saveConversation(
    { conversationId, kind: 'personal', reference: JSON.stringify(reference), serviceUrl: connector.serviceUrl },
    new Date().toISOString(),
  );
  await outbox.enqueue({ op: 'activity', conversationId, activity: { type: 'message', text: `bench-message-${index}` } });
}
seed.close();

function runWorker(): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'teams-outbox-worker.ts'), file, String(rate)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

const delivered = (): ConnectorRequest[] => connector.requests.filter((request) => !throttledAt.has(request));
const started = Date.now();
const first = runWorker();
while (delivered().length < count / 2) await new Promise((resolve) => setTimeout(resolve, 5));
first.child.kill('SIGKILL');
await first.done;
const killedAt = Date.now();
const beforeKill = connector.requests.length;
const second = runWorker();
await second.done;
const finished = Date.now();

const ids = delivered().map((request) => String(request.body.text));
const unique = new Set(ids);
const window = (list: readonly ConnectorRequest[]) => (list.length > 1 ? (list.at(-1)!.at - list[0]!.at) / 1000 : 0);
const phase1 = connector.requests.slice(0, beforeKill);
const phase2 = connector.requests.slice(beforeKill);
const rateOf = (list: readonly ConnectorRequest[]) => (list.length - 1) / window(list);
const result = {
  conversations: count,
  configuredRate: rate,
  injected429: throttledAt.size,
  requests: connector.requests.length,
  achievedRequestRate: { beforeKill: Number(rateOf(phase1).toFixed(2)), afterRestart: Number(rateOf(phase2).toFixed(2)) },
  achievedVsConfigured: {
    beforeKill: `${((rateOf(phase1) / rate) * 100).toFixed(1)} %`,
    afterRestart: `${((rateOf(phase2) / rate) * 100).toFixed(1)} %`,
  },
  deliveriesPerSecondOverall: Number((unique.size / ((finished - started) / 1000)).toFixed(2)),
  restartGapSeconds: Number(((phase2[0]?.at ?? killedAt) - (phase1.at(-1)?.at ?? killedAt)) / 1000),
  lost: count - unique.size,
  duplicates: ids.length - unique.size,
  seconds: Number(((finished - started) / 1000).toFixed(1)),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await connector.close();
rmSync(dir, { recursive: true, force: true });
