/**
 * Scale-out measurements (`npx tsx test/bench/postgres-bench.ts`): latency of single statements through
 * the synchronous PostgreSQL bridge versus SQLite, answer latency of a chat turn on both, and ticket
 * throughput of one and two `lotse serve` replicas on one PostgreSQL. Prints a Markdown table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PostgresDatabase } from '../../bot/adapters/postgres/postgres-database.ts';
import type { SqlDatabase } from '../../bot/adapters/storage/sql-database.ts';
import { openSqliteDatabase } from '../../bot/adapters/storage/sqlite-database.ts';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { HttpSession } from '../support/http-session.ts';
import { startTestPostgres } from '../support/postgres.ts';
import { removeReplicaDirs, startReplica } from '../support/replicas.ts';
import { percentile } from './metrics.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const rows: string[] = [];
const report = (what: string, values: number[], unit = 'ms'): void => {
  rows.push(`| ${what} | ${values.length} | ${percentile(values, 50).toFixed(3)} ${unit} | ${percentile(values, 95).toFixed(3)} ${unit} |`);
};
const timed = (fn: () => void): number => {
  const started = performance.now();
  fn();
  return performance.now() - started;
};

function statements(name: string, database: SqlDatabase, rounds = 1000): void {
  database.exec('CREATE TABLE bench (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, v TEXT NOT NULL)');
  const insert = database.prepare('INSERT INTO bench (k, v) VALUES (?, ?)');
  const mark = database.prepare('INSERT OR IGNORE INTO bench (k, v) VALUES (?, ?)');
  const get = database.prepare('SELECT * FROM bench WHERE id = ?');
  const update = database.prepare('UPDATE bench SET v = ? WHERE id = ?');
  const samples = { insert: [] as number[], mark: [] as number[], get: [] as number[], tx: [] as number[] };
  for (let index = 1; index <= rounds; index += 1) {
    samples.insert.push(timed(() => insert.run(`k${index}`, 'x')));
    samples.mark.push(timed(() => mark.run(`k${index}`, 'y')));
    samples.get.push(timed(() => get.get(index)));
    samples.tx.push(timed(() => database.transaction(() => {
      update.run('z', index);
      get.get(index);
    })()));
  }
  report(`${name}: INSERT (lastInsertRowid)`, samples.insert);
  report(`${name}: INSERT OR IGNORE (conflict)`, samples.mark);
  report(`${name}: SELECT by key`, samples.get);
  report(`${name}: transaction (UPDATE + SELECT)`, samples.tx);
}

async function askLatency(name: string, env: Record<string, string>, rounds = 150): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
  const lotse = await createLotse(loadConfig({ LOTSE_TODAY: '2026-11-23', ...env }, { dataDir }, repoRoot), silentLogger);
  await ingestKnowledge(lotse.knowledge, { folder: join(repoRoot, 'knowledge/sources'), dataDir });
  const questions = ['Wie beantrage ich Urlaub?', 'Wie lange dauert die Bearbeitung eines Antrags?', 'Wie beantrage ich einen Zugang zu OPEN/PROSOZ?', 'Wo melde ich eine Druckerstörung?'];
  const samples: number[] = [];
  for (let index = 0; index < rounds; index += 1) {
    const started = performance.now();
    await lotse.chat.handleTurn({ channel: 'web', userId: `u-${index % 20}`, text: questions[index % questions.length]! });
    samples.push(performance.now() - started);
  }
  report(`chat turn (retrieval-only), ${name}`, samples.slice(10));
  await lotse.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function ticketThroughput(url: string, replicaCount: number, tickets = 120, concurrency = 8): Promise<void> {
  const replicas = await Promise.all(Array.from({ length: replicaCount }, () => startReplica({ DATABASE_URL: url })));
  try {
    const sessions = await Promise.all(Array.from({ length: concurrency }, async (_, index) => {
      const session = new HttpSession(replicas[index % replicaCount]!.url);
      await session.devLogin({ person: 'p-marek' });
      return session;
    }));
    const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json', csrf: true });
    const conversations: string[] = [];
    for (let index = 0; index < tickets; index += 1) {
      const chat = await sessions[0]!.request('POST', '/api/chat', json({ text: `Wie beantrage ich Zugang zu OPEN/PROSOZ, Vorgang ${replicaCount}-${index}?` }));
      conversations.push(((await chat.json()) as { conversationId: string }).conversationId);
    }
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(sessions.map(async (session) => {
      for (let index = next++; index < tickets; index = next++) {
        const begin = performance.now();
        const response = await session.request('POST', '/api/tickets', json({ conversationId: conversations[index] }));
        if (response.status !== 201) throw new Error(`ticket ${index}: ${response.status}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - begin);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    report(`POST /api/tickets, ${replicaCount} replica(s), ${concurrency} clients (${(tickets / seconds).toFixed(1)} tickets/s)`, latencies);
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
    removeReplicaDirs(replicas);
  }
}

const server = await startTestPostgres();
try {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-sqlite-'));
  const sqlite = openSqliteDatabase(dir);
  statements('SQLite (file, WAL)', sqlite);
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  const bridge = new PostgresDatabase(await server.createDatabase('bench'));
  statements('PostgreSQL 15 via bridge (loopback)', bridge);
  bridge.close();
  await askLatency('SQLite', {});
  await askLatency('PostgreSQL', { DATABASE_URL: await server.createDatabase('ask') });
  await ticketThroughput(await server.createDatabase('tickets1'), 1);
  await ticketThroughput(await server.createDatabase('tickets2'), 2);
} finally {
  server.destroy();
}
console.log(['| measurement | n | p50 | p95 |', '|---|---:|---:|---:|', ...rows].join('\n'));
