/**
 * Drives `POST /api/chat` with autocannon's programmatic API, for `test/bench/web-load.ts` and its wiring
 * test. Each connection carries a dev-login session exactly as the web chat sends it (session and CSRF
 * cookies, `x-csrf-token` header, JSON body) and rotates through the development questions.
 *
 * Two load shapes, because autocannon's rate limit is a per-connection quota refilled by a 1 s timer:
 * - `staggered` (default): one autocannon instance per connection, each at `rate / connections` requests/s,
 *   started `1000 / connections` ms apart, so requests arrive evenly spread over each second.
 * - `native`: one instance with `overallRate` and every replica URL (autocannon spreads the connections
 *   over them). All connections get their quota on the same tick, so the requests of a second leave in one burst.
 */
import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { csrfCookie, sessionCookie } from '../../bot/http/auth/session-manager.ts';
import { loadQuestionSet } from '../eval/question-set.ts';
import { HttpSession } from '../support/http-session.ts';
import { percentile } from './metrics.ts';
import { cpuSeconds, ownCpuSeconds } from './process-cpu.ts';

/** How requests are spread over each second (see the file comment). */
export type LoadShape = 'staggered' | 'native';

/** One replica URL with the headers of one logged-in web chat session. */
export interface ChatTarget {
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** Rate (requests/s overall), duration and connections of one run. */
export interface LoadOptions {
  readonly rate: number;
  readonly seconds: number;
  readonly connections: number;
  readonly shape: LoadShape;
  /** Seconds until autocannon counts a request as timed out (default 10). */
  readonly timeoutSeconds?: number;
  /** Server process ids whose CPU time is reported per completed request. */
  readonly serverPids?: readonly number[];
}

/** Latency percentiles in milliseconds. */
export interface Latency {
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** What one run measured. */
export interface LoadSummary {
  readonly options: LoadOptions;
  readonly urls: readonly string[];
  /** Requests written to a socket (autocannon's count; requests in flight at the end are not completed). */
  readonly sent: number;
  readonly completed: number;
  /** Completed requests per second of each connection's run time, summed over instances. */
  readonly achievedRate: number;
  /** Every completed response, measured from writing the request to the last byte of the response. */
  readonly latency: Latency;
  /** autocannon's own histogram (2xx only, corrected with an expected interval of `ceil(1 / rate)` ms). */
  readonly autocannonLatency: Omit<Latency, 'p95'>;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  /** The ten slowest responses: second of the run they arrived in, and their latency in ms. */
  readonly slowest: readonly { readonly second: number; readonly ms: number }[];
  /** True when a response took longer than a connection's send interval, so later requests left late. */
  readonly coordinatedOmissionPossible: boolean;
  /** CPU milliseconds per completed request: all server processes together, and the load generator. */
  readonly cpuMsPerRequest: { readonly servers: number; readonly generator: number };
  /** `os.loadavg()` (1, 5, 15 min) right before and right after the run. */
  readonly loadAverage: { readonly before: readonly number[]; readonly after: readonly number[] };
}

/** The development questions of the sample knowledge base (without follow-ups and county-specific ones). */
export function chatQuestions(): string[] {
  const items = loadQuestionSet(resolve(import.meta.dirname, '../eval/questions/sample.yaml'));
  return items.filter((item) => !item.followUpOf && !item.tenant).map((item) => item.question);
}

/** Logs `perReplica` sessions in on each replica (dev login) and returns them interleaved across replicas. */
export async function openTargets(urls: readonly string[], perReplica: number, person = 'p-marek'): Promise<ChatTarget[]> {
  const perUrl = await Promise.all(
    urls.map(async (url) =>
      Promise.all(
        Array.from({ length: perReplica }, async () => {
          const session = new HttpSession(url);
          await session.devLogin({ person });
          const csrf = session.cookie(csrfCookie) ?? '';
          const cookie = `${sessionCookie}=${session.cookie(sessionCookie) ?? ''}; ${csrfCookie}=${csrf}`;
          return { url, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf } };
        }),
      ),
    ),
  );
  return Array.from({ length: perReplica }, (_, index) => perUrl.map((list) => list[index]!)).flat();
}

/** Sends `perTarget` sequential chat requests per target (lazy dictionaries, JIT) before measuring. */
export async function warmUp(targets: readonly ChatTarget[], questions: readonly string[], perTarget = 20): Promise<void> {
  for (const target of targets) {
    for (let index = 0; index < perTarget; index += 1) {
      const body = JSON.stringify({ text: questions[index % questions.length] });
      await (await fetch(new URL('/api/chat', target.url), { method: 'POST', headers: target.headers, body })).arrayBuffer();
    }
  }
}

function chatRequests(questions: readonly string[], offset: number): autocannon.Request[] {
  return questions.map((_, index) => ({
    method: 'POST',
    path: '/api/chat',
    body: JSON.stringify({ text: questions[(index + offset) % questions.length] }),
  }));
}

interface Recorder {
  readonly latencies: number[];
  /** Second of the run (from the first send) at which each response arrived, same order as `latencies`. */
  readonly arrivals: number[];
  readonly statusCodes: Record<string, number>;
  attach(instance: autocannon.Instance): autocannon.Instance;
}

function recorder(): Recorder {
  const latencies: number[] = [];
  const arrivals: number[] = [];
  const statusCodes: Record<string, number> = {};
  const started = performance.now();
  return {
    latencies,
    arrivals,
    statusCodes,
    attach: (instance) =>
      instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        arrivals.push((performance.now() - started) / 1000);
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      }),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, Math.max(0, ms)));

async function runStaggered(
  targets: readonly ChatTarget[],
  questions: readonly string[],
  options: LoadOptions,
  record: Recorder,
): Promise<autocannon.Result[]> {
  const perConnection = options.rate / options.connections;
  const started = performance.now();
  const runs: PromiseLike<autocannon.Result>[] = [];
  for (let index = 0; index < options.connections; index += 1) {
    await sleep(started + (index * 1000) / options.connections - performance.now());
    const target = targets[index % targets.length]!;
    runs.push(
      record.attach(
        autocannon({
          url: target.url,
          connections: 1,
          connectionRate: perConnection,
          duration: options.seconds,
          timeout: options.timeoutSeconds ?? 10,
          headers: target.headers,
          requests: chatRequests(questions, index),
          skipAggregateResult: true,
        }),
      ),
    );
  }
  return Promise.all(runs);
}

async function runNative(
  targets: readonly ChatTarget[],
  questions: readonly string[],
  options: LoadOptions,
  record: Recorder,
): Promise<autocannon.Result[]> {
  // Sessions live in the shared store, so one session is valid on every replica.
  const urls = [...new Set(targets.map((target) => target.url))];
  const instance = autocannon({
    url: urls,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.seconds,
    timeout: options.timeoutSeconds ?? 10,
    headers: targets[0]!.headers,
    requests: chatRequests(questions, 0),
    skipAggregateResult: true,
  });
  return [await record.attach(instance)];
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** Runs one load against the targets and summarises it. */
export async function runChatLoad(
  targets: readonly ChatTarget[],
  questions: readonly string[],
  options: LoadOptions,
): Promise<LoadSummary> {
  if (!Number.isInteger(options.rate / options.connections))
    throw new Error(
      `RATE (${options.rate}) must be a multiple of CONNECTIONS (${options.connections}): autocannon's per-connection rate is a whole number`,
    );
  const urls = [...new Set(targets.map((target) => target.url))];
  const record = recorder();
  const serverCpu = (): number => (options.serverPids ?? []).reduce((total, pid) => total + cpuSeconds(pid), 0);
  const before = loadavg();
  const cpuBefore = { servers: serverCpu(), generator: ownCpuSeconds() };
  const results = await (options.shape === 'native' ? runNative : runStaggered)(targets, questions, options, record);
  const after = loadavg();
  const cpuMs = (seconds: number): number => round((seconds * 1000) / Math.max(1, record.latencies.length));
  const merged = autocannon.aggregateResult(results, { url: urls });
  const sum = (pick: (result: autocannon.Result) => number): number => results.reduce((total, result) => total + pick(result), 0);
  const { latencies } = record;
  const max = latencies.length ? Math.max(...latencies) : Number.NaN;
  return {
    options,
    urls,
    sent: sum((result) => result.totalRequests ?? 0),
    completed: latencies.length,
    achievedRate: round(sum((result) => (result.totalCompletedRequests ?? 0) / Math.max(result.duration, 1e-3))),
    latency: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(max),
    },
    autocannonLatency: { p50: merged.latency.p50, p90: merged.latency.p90, p99: merged.latency.p99, max: merged.latency.max },
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    non2xx: sum((result) => result.non2xx),
    statusCodes: record.statusCodes,
    cpuMsPerRequest: { servers: cpuMs(serverCpu() - cpuBefore.servers), generator: cpuMs(ownCpuSeconds() - cpuBefore.generator) },
    slowest: latencies
      .map((ms, index) => ({ second: Math.floor(record.arrivals[index]!), ms: round(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10),
    coordinatedOmissionPossible: max >= 1000 / (options.rate / options.connections),
    loadAverage: { before: before.map(round), after: after.map(round) },
  };
}

/** Why a run fails the wiring check (errors, timeouts, non-2xx, nothing completed, rate missed by > 10 %); empty when it passes. */
export function loadProblems(summary: LoadSummary): string[] {
  const problems: string[] = [];
  if (summary.errors) problems.push(`${summary.errors} errors`);
  if (summary.timeouts) problems.push(`${summary.timeouts} timeouts`);
  if (summary.non2xx) problems.push(`${summary.non2xx} non-2xx responses (${JSON.stringify(summary.statusCodes)})`);
  if (!summary.completed) problems.push('no request completed');
  if (summary.achievedRate < 0.9 * summary.options.rate) problems.push(`achieved ${summary.achievedRate}/s of ${summary.options.rate}/s`);
  return problems;
}
