/**
 * Web chat load test with autocannon (`npm run bench:load`): `POST /api/chat`, retrieval-only (no language
 * model), sample knowledge base, against (a) one `lotse serve` replica on SQLite and (b) two replicas sharing
 * a throw-away PostgreSQL. Environment: `RATE` (requests/s, default 50), `BENCH_SECONDS` (default 60),
 * `CONNECTIONS` (default = RATE, i.e. 1 request/s per connection), `SHAPE` (`staggered` default, `native`,
 * or `both`; see `web-load-driver.ts`), `SETUPS` (`sqlite,postgres`), `START_BELOW_LOAD` (wait up to
 * `START_WAIT_MINUTES`, default 15, for the 1-minute load average to drop below it before each setup: the
 * machine is shared). Prints a table and writes the full result as JSON to a temp file.
 */
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPostgres, queryRows } from '../support/postgres.ts';
import { removeReplicaDirs, startReplica, type Replica } from '../support/replicas.ts';
import { chatQuestions, loadProblems, openTargets, runChatLoad, warmUp, type LoadShape, type LoadSummary } from './web-load-driver.ts';

const rate = Number(process.env.RATE ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.CONNECTIONS ?? rate);
const shapes: LoadShape[] =
  process.env.SHAPE === 'both' ? ['staggered', 'native'] : [process.env.SHAPE === 'native' ? 'native' : 'staggered'];
const setups = (process.env.SETUPS ?? 'sqlite,postgres').split(',').map((name) => name.trim());
const questions = chatQuestions();

interface Row {
  readonly setup: string;
  readonly summary: LoadSummary;
}

/** PostgreSQL backend processes serving the replicas (their CPU time counts as server time). */
async function backendPids(url: string): Promise<number[]> {
  const rows = await queryRows<{ pid: number }>(
    url,
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return rows.map((row) => row.pid);
}

async function measure(setup: string, replicas: readonly Replica[], extraPids: () => Promise<number[]> = async () => []): Promise<Row[]> {
  const targets = await openTargets(
    replicas.map((replica) => replica.url),
    4,
  );
  await warmUp(targets, questions);
  const rows: Row[] = [];
  for (const shape of shapes) {
    const serverPids = [...replicas.map((replica) => replica.child.pid ?? 0), ...(await extraPids())];
    const summary = await runChatLoad(targets, questions, { rate, seconds, connections, shape, serverPids });
    rows.push({ setup, summary });
    console.error(
      `${setup}, ${shape}: p95 ${summary.latency.p95} ms, ${summary.completed} completed, problems: ${loadProblems(summary).join('; ') || 'none'}`,
    );
  }
  return rows;
}

/** Waits (bounded) until the shared machine is quieter than `START_BELOW_LOAD`; returns at once when unset. */
async function waitForQuiet(): Promise<void> {
  const threshold = Number(process.env.START_BELOW_LOAD ?? Number.POSITIVE_INFINITY);
  const deadline = Date.now() + Number(process.env.START_WAIT_MINUTES ?? 15) * 60_000;
  while (loadavg()[0]! >= threshold && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10_000));
  console.error(
    `starting at load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
}

async function onSqlite(): Promise<Row[]> {
  await waitForQuiet();
  const replica = await startReplica({}, { ingest: true });
  try {
    return await measure('1 replica, SQLite', [replica]);
  } finally {
    await replica.stop();
    removeReplicaDirs([replica]);
  }
}

async function onPostgres(): Promise<Row[]> {
  await waitForQuiet();
  const server = await startTestPostgres();
  try {
    const url = await server.createDatabase('load');
    const replicas = await Promise.all([
      startReplica({ DATABASE_URL: url }, { ingest: true }),
      startReplica({ DATABASE_URL: url }, { ingest: true }),
    ]);
    try {
      return await measure('2 replicas, PostgreSQL', replicas, () => backendPids(url));
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
      removeReplicaDirs(replicas);
    }
  } finally {
    server.destroy();
  }
}

const load = (values: readonly number[]): string => values.map((value) => value.toFixed(2)).join(' / ');

function table(rows: readonly Row[]): string {
  const header =
    '| setup | shape | sent | completed | achieved/s | p50 | p90 | p95 | p99 | max | errors | timeouts | non-2xx | load avg before → after (1/5/15 min) |';
  const lines = rows.map(
    ({ setup, summary: s }) =>
      `| ${setup} | ${s.options.shape} | ${s.sent} | ${s.completed} | ${s.achievedRate} | ${s.latency.p50} | ${s.latency.p90} | ${s.latency.p95} | ${s.latency.p99} | ${s.latency.max} | ${s.errors} | ${s.timeouts} | ${s.non2xx} | ${load(s.loadAverage.before)} → ${load(s.loadAverage.after)} |`,
  );
  const autocannonLines = rows.map(
    ({ setup, summary: s }) =>
      `| ${setup} | ${s.options.shape} | ${s.autocannonLatency.p50} | ${s.autocannonLatency.p90} | ${s.autocannonLatency.p99} | ${s.autocannonLatency.max} | ${s.coordinatedOmissionPossible ? 'yes' : 'no'} | ${s.cpuMsPerRequest.servers} | ${s.cpuMsPerRequest.generator} |`,
  );
  return [
    `POST /api/chat, ${rate} requests/s for ${seconds} s, ${connections} connections, ${questions.length} questions rotated; latency in ms`,
    '',
    header,
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...lines,
    '',
    "autocannon's own histogram (2xx, its coordinated-omission correction), whether any response outlasted a connection's send interval, CPU ms per request:",
    '',
    '| setup | shape | p50 | p90 | p99 | max | late sends possible | CPU ms/request, replicas | CPU ms/request, generator |',
    '|---|---|---:|---:|---:|---:|---|---:|---:|',
    ...autocannonLines,
  ].join('\n');
}

const rows: Row[] = [];
if (setups.includes('sqlite')) rows.push(...(await onSqlite()));
if (setups.includes('postgres')) rows.push(...(await onPostgres()));
const file = join(tmpdir(), `lotse-web-load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ rate, seconds, connections, questions: questions.length, rows }, null, 2));
console.log(table(rows));
console.log(`\nJSON result: ${file}`);
