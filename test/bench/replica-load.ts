/**
 * Open-loop load on the web chat (`npx tsx test/bench/replica-load.ts`): `RATE` requests/s (default 50) for
 * `BENCH_SECONDS` (default 60) of `POST /api/chat` (retrieval-only, sample knowledge base), first against one
 * replica on SQLite, then round-robin against two replicas sharing one PostgreSQL. Requests are sent on
 * schedule whether or not earlier ones finished, so a slow server shows up as latency, not as a lower rate.
 */
import { HttpSession } from '../support/http-session.ts';
import { startTestPostgres } from '../support/postgres.ts';
import { removeReplicaDirs, startReplica, type Replica } from '../support/replicas.ts';
import { percentile } from './metrics.ts';

const rate = Number(process.env.RATE ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const questions = [
  'Wie beantrage ich Urlaub?',
  'Wie lange dauert die Bearbeitung eines Antrags?',
  'Wie beantrage ich einen Zugang zu OPEN/PROSOZ?',
  'Wo melde ich eine Druckerstörung?',
  'Wann hat die Kfz-Zulassung geöffnet?',
];

async function load(name: string, replicas: readonly Replica[]): Promise<string> {
  const sessions = await Promise.all(
    replicas.flatMap((replica) =>
      [0, 1, 2, 3].map(async () => {
        const session = new HttpSession(replica.url);
        await session.devLogin({ person: 'p-marek' });
        return session;
      }),
    ),
  );
  // Warm-up (lazy dictionaries, JIT) outside the measurement: 20 sequential requests per session.
  for (const session of sessions) {
    for (let index = 0; index < 20; index += 1)
      await (
        await session.request('POST', '/api/chat', {
          body: JSON.stringify({ text: questions[index % questions.length] }),
          type: 'application/json',
          csrf: true,
        })
      ).arrayBuffer();
  }
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let index = 0; index < rate * seconds; index += 1) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const session = sessions[index % sessions.length]!;
    pending.push(
      (async () => {
        const begin = performance.now();
        try {
          const response = await session.request('POST', '/api/chat', {
            body: JSON.stringify({ text: questions[index % questions.length] }),
            type: 'application/json',
            csrf: true,
          });
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - begin);
      })(),
    );
  }
  await Promise.all(pending);
  const achieved = latencies.length / ((performance.now() - started) / 1000);
  return `| ${name} | ${latencies.length} | ${achieved.toFixed(1)} | ${percentile(latencies, 50).toFixed(1)} ms | ${percentile(latencies, 95).toFixed(1)} ms | ${percentile(latencies, 99).toFixed(1)} ms | ${errors} |`;
}

const rows: string[] = [];
const sqlite = await startReplica({}, { ingest: true });
try {
  rows.push(await load('1 replica, SQLite', [sqlite]));
} finally {
  await sqlite.stop();
  removeReplicaDirs([sqlite]);
}
const server = await startTestPostgres();
try {
  const url = await server.createDatabase('load');
  const replicas = await Promise.all([
    startReplica({ DATABASE_URL: url }, { ingest: true }),
    startReplica({ DATABASE_URL: url }, { ingest: true }),
  ]);
  try {
    rows.push(await load('2 replicas, PostgreSQL', replicas));
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
    removeReplicaDirs(replicas);
  }
} finally {
  server.destroy();
}
console.log(
  [
    `${rate} requests/s for ${seconds} s, POST /api/chat`,
    '',
    '| setup | requests | achieved/s | p50 | p95 | p99 | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n'),
);
