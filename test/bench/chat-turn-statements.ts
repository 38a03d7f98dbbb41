/**
 * Where a `POST /api/chat` turn spends its PostgreSQL time (`npx tsx test/bench/chat-turn-statements.ts`):
 * one retrieval-only replica on a throw-away PostgreSQL with the sample knowledge base; after warm-up the
 * server logs every statement with its duration (`log_min_duration_statement = 0`), and for `TURNS`
 * (default 20) sequential chat turns the script counts statements per turn (each one a round trip on the
 * replica's `pg.Pool`), sums the server-side execution time and compares it with the request latency.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { startTestPostgres, withPgClient } from '../support/postgres.ts';
import { removeReplicaDirs, startReplica } from '../support/replicas.ts';
import { percentile } from './metrics.ts';
import { chatQuestions, openTargets, warmUp } from './web-load-driver.ts';

const turns = Number(process.env.TURNS ?? 20);

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  return withPgClient(url, (client) => client.query(text));
}

interface Statement {
  readonly ms: number;
  readonly text: string;
}

/** `execute` lines of the log (one per statement the replica ran), normalised to their first words. */
function parseLog(text: string): Statement[] {
  const statements: Statement[] = [];
  for (const match of text.matchAll(/duration: ([\d.]+) ms {2}(?:execute [^:]*|statement): ([^\n]*)/g)) {
    statements.push({ ms: Number(match[1]), text: match[2]!.replace(/\s+/g, ' ').slice(0, 90) });
  }
  return statements;
}

const server = await startTestPostgres();
const questions = chatQuestions();
try {
  const url = await server.createDatabase('turn');
  const replica = await startReplica({ DATABASE_URL: url }, { ingest: true });
  try {
    const [target] = await openTargets([replica.url], 1);
    await warmUp([target!], questions, 10);
    const dataDirectory = String((await sql(url, 'SHOW data_directory')).rows[0].data_directory);
    const log = join(dirname(dataDirectory), 'server.log');
    await sql(url, 'ALTER SYSTEM SET log_min_duration_statement = 0');
    await sql(url, 'SELECT pg_reload_conf()');
    await new Promise((done) => setTimeout(done, 300));
    const perTurn: number[] = [];
    const serverMs: number[] = [];
    const latencies: number[] = [];
    const shapes = new Map<string, { count: number; ms: number }>();
    for (let index = 0; index < turns; index += 1) {
      const offset = statSync(log).size;
      const begin = performance.now();
      const response = await fetch(new URL('/api/chat', target!.url), {
        method: 'POST',
        headers: target!.headers,
        body: JSON.stringify({ text: questions[index % questions.length] }),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - begin);
      await new Promise((done) => setTimeout(done, 100));
      const statements = parseLog(readFileSync(log).subarray(offset).toString('utf8'));
      perTurn.push(statements.length);
      serverMs.push(statements.reduce((total, statement) => total + statement.ms, 0));
      for (const statement of statements) {
        const entry = shapes.get(statement.text) ?? { count: 0, ms: 0 };
        shapes.set(statement.text, { count: entry.count + 1, ms: entry.ms + statement.ms });
      }
    }
    const p = (values: number[], q: number): string => percentile(values, q).toFixed(1);
    console.log(`${turns} chat turns on PostgreSQL (1 replica, retrieval-only), statements logged by the server:`);
    console.log(`statements per turn: p50 ${p(perTurn, 50)}, min ${Math.min(...perTurn)}, max ${Math.max(...perTurn)}`);
    console.log(
      `server execution time per turn: p50 ${p(serverMs, 50)} ms; request latency p50 ${p(latencies, 50)} ms, p95 ${p(latencies, 95)} ms`,
    );
    console.log('\n| statement (start) | per turn | server ms per turn |\n|---|---:|---:|');
    for (const [text, entry] of [...shapes].sort((a, b) => b[1].count - a[1].count))
      console.log(`| ${text.replace(/\|/g, '\\|')} | ${(entry.count / turns).toFixed(2)} | ${(entry.ms / turns).toFixed(3)} |`);
  } finally {
    await replica.stop();
    removeReplicaDirs([replica]);
  }
} finally {
  server.destroy();
}
