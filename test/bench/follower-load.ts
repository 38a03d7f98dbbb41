/**
 * A 10,000-chunk index version loading on a follower under chat load (`npm run bench:follower`, issue #20):
 * a throw-away PostgreSQL, a leader replica (holds the `reindex` lease, ingests `KNOWLEDGE_DIR`) and a follower
 * replica, both `lotse serve` with their own data dir. The follower gets open-loop web chat load (`RATE`,
 * default 20 requests/s): first `BASELINE_SECONDS` (15) without a new version, then a re-index request makes
 * the leader ingest `CHUNKS` (10,000) synthetic FAQ entries and publish; the follower fetches and loads the
 * version while it answers. Reported: chat latency of the baseline, of the requests in flight while the
 * follower loaded (from its `index-loaded` event: end time and duration), while the leader ingested and
 * published (same two cores) and for `BASELINE_SECONDS` after the load (the larger corpus costs more per answer);
 * the follower's event-loop delay (its `/metrics`, scraped every 0.5 s during the load) and the load average.
 * Target of the issue: p95 of the chat requests during the load ≤ 200 ms.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { postgresStoreDatabase } from '../../bot/adapters/sql/postgres-store-database.ts';
import { SqlIndexPublication } from '../../bot/adapters/storage/sql-index-publication.ts';
import { startTestPostgres } from '../support/postgres.ts';
import { removeReplicaDirs, startReplica, type Replica } from '../support/replicas.ts';
import { writeFaqCorpus } from './faq-corpus.ts';
import { chatSessions, openLoopChat, overlapping, summarize, warmUpSessions, type LatencySummary } from './open-loop-chat.ts';
import { loopLag, type LoopLag } from './replica-metrics.ts';
import { chatQuestions } from './web-load-driver.ts';

const rate = Number(process.env.RATE ?? 20);
const baselineSeconds = Number(process.env.BASELINE_SECONDS ?? 15);
const chunks = Number(process.env.CHUNKS ?? 10_000);
/** Chat load keeps running this long after the follower loaded the version. */
const tailMs = 3000;
const maxPhaseMs = 240_000;

interface LogEvent {
  readonly event: string;
  readonly time: string;
  readonly version?: string;
  readonly ms?: number;
  readonly chunks?: number;
  readonly bytes?: number;
}

const events = (replica: Replica, name: string): LogEvent[] =>
  replica
    .stderr()
    .split('\n')
    .filter((line) => line.includes(`"event":"${name}"`))
    .map((line) => JSON.parse(line) as LogEvent);

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

async function readyVersion(replica: Replica, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${replica.url}/readyz`).catch(() => undefined);
    if (response?.status === 200) return ((await response.json()) as { indexVersion: string }).indexVersion;
    await sleep(250);
  }
  throw new Error(`${replica.url} not ready within ${timeoutMs} ms`);
}

const ms = (value: number): string => (Number.isNaN(value) ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 1 }));
const row = (label: string, summary: LatencySummary, lag?: LoopLag): string =>
  `| ${label} | ${summary.requests} | ${ms(summary.p50)} | ${ms(summary.p95)} | ${ms(summary.p99)} | ${ms(summary.max)} | ${summary.failed} | ${lag ? `${ms(lag.p99)} / ${ms(lag.max)}` : ''} |`;

/** Scrapes the replica's event-loop delay every 500 ms until `done()`: one sample per interval that ended at `at`. */
async function sampleLag(replica: Replica, done: () => boolean): Promise<{ at: number; lag: LoopLag }[]> {
  const samples: { at: number; lag: LoopLag }[] = [];
  await loopLag(replica);
  while (!done()) {
    await sleep(500);
    samples.push({ at: Date.now(), lag: await loopLag(replica) });
  }
  return samples;
}

/** The worst event-loop delay of the sampled intervals overlapping [from, to] (p99 and max of those intervals). */
function worst(samples: readonly { at: number; lag: LoopLag }[], from: number, to: number): LoopLag | undefined {
  const inside = samples.filter((sample, index) => sample.at >= from && (samples[index - 1]?.at ?? 0) <= to).map((sample) => sample.lag);
  if (!inside.length) return undefined;
  const top = (pick: (lag: LoopLag) => number): number => Math.max(...inside.map(pick));
  return {
    p50: top((lag) => lag.p50),
    p90: top((lag) => lag.p90),
    p99: top((lag) => lag.p99),
    max: top((lag) => lag.max),
    mean: top((lag) => lag.mean),
  };
}

async function main(): Promise<void> {
  const server = await startTestPostgres();
  const folder = mkdtempSync(join(tmpdir(), 'lotse-follower-knowledge-'));
  const replicas: Replica[] = [];
  try {
    const url = await server.createDatabase('follower_load');
    cpSync(resolve(import.meta.dirname, '../../knowledge/sources'), folder, { recursive: true });
    const env = {
      DATABASE_URL: url,
      KNOWLEDGE_DIR: folder,
      REINDEX_INTERVAL_S: '3600',
      INDEX_POLL_S: '1',
      INDEX_LEASE_TTL_S: '60',
      LOG_LEVEL: 'info',
    };
    const leader = await startReplica(env, { timeoutMs: 150_000 });
    replicas.push(leader);
    const first = await readyVersion(leader, 120_000); // the leader holds the lease before the follower starts
    const follower = await startReplica(env, { timeoutMs: 150_000 });
    replicas.push(follower);
    if ((await readyVersion(follower, 120_000)) !== first) throw new Error('follower serves another version');
    const files = writeFaqCorpus(folder, chunks); // ingested only on the re-index request below
    const questions = chatQuestions();
    const sessions = await chatSessions(follower.url, 4);
    await warmUpSessions(sessions, questions);

    await loopLag(follower);
    const baselineEnd = Date.now() + baselineSeconds * 1000;
    const baseline = await openLoopChat(sessions, questions, rate, () => Date.now() >= baselineEnd);
    const baselineLag = await loopLag(follower);

    const loadedVersion = (): LogEvent | undefined => events(follower, 'index-loaded').find((event) => event.version !== first);
    const phaseStart = Date.now();
    let loadedAt = Number.POSITIVE_INFINITY;
    const phase = openLoopChat(sessions, questions, rate, () => {
      if (loadedAt === Number.POSITIVE_INFINITY && loadedVersion()) loadedAt = Date.now();
      return Date.now() >= Math.min(loadedAt + tailMs, phaseStart + maxPhaseMs);
    });
    const lagSamples = sampleLag(follower, () => loadedAt + tailMs <= Date.now() || Date.now() >= phaseStart + maxPhaseMs);
    await sleep(2000);
    const shared = postgresStoreDatabase(url);
    const requestedAt = Date.now();
    await new SqlIndexPublication(shared).requestReindex('bench-follower-load', new Date().toISOString());
    await shared.close();
    const loaded = await phase;
    const lags = await lagSamples;
    const afterEnd = Date.now() + baselineSeconds * 1000;
    const after = await openLoopChat(sessions, questions, rate, () => Date.now() >= afterEnd);
    const afterLag = await loopLag(follower);
    const load = loadedVersion();
    if (!load?.ms) throw new Error(`the follower did not load a new version within ${maxPhaseMs / 1000} s`);
    const loadEnd = Date.parse(load.time);
    const published = events(leader, 'index-published').find((event) => event.version === load.version);
    const publishedAt = published ? Date.parse(published.time) : loadEnd;
    console.log(
      [
        `Follower loading a published version of ${load.chunks} chunks (${files} synthetic FAQ files + sample, ${ms((load.bytes ?? 0) / 1024 / 1024)} MB) under ${rate} chat requests/s (open loop)`,
        `follower load (fetch, verify, write, load indexes, swap): ${load.ms} ms; leader ingest + publish after the request: ${ms(publishedAt - requestedAt)} ms (publish ${published?.ms ?? '?'} ms)`,
        '',
        '| requests | n | p50 ms | p95 ms | p99 ms | max ms | failed | event-loop delay p99 / max ms (during: worst 0.5 s interval) |',
        '|---|---:|---:|---:|---:|---:|---:|---|',
        row(`before: ${baselineSeconds} s on the sample version (${first.slice(0, 16)}…)`, summarize(baseline), baselineLag),
        row(
          'in flight while the leader ingested and published',
          summarize(overlapping(loaded, requestedAt, publishedAt)),
          worst(lags, requestedAt, publishedAt),
        ),
        row(
          '**in flight while the follower loaded the version**',
          summarize(overlapping(loaded, loadEnd - load.ms, loadEnd)),
          worst(lags, loadEnd - load.ms, loadEnd),
        ),
        row(`after: ${baselineSeconds} s on the new version`, summarize(after), afterLag),
        '',
        `load average ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' / ')} (1 / 5 / 15 min, at the end)`,
      ].join('\n'),
    );
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
    removeReplicaDirs(replicas);
    server.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
