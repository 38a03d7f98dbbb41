/**
 * Open-loop web chat load with a timestamp per request, for benchmarks that compare the requests inside a
 * time window (e.g. while a follower loads an index version) with the rest: `POST /api/chat` at a fixed rate,
 * sent on schedule whether or not earlier ones finished, so a blocked server shows up as latency.
 */
import { HttpSession } from '../support/http-session.ts';
import { percentile } from './metrics.ts';

/** One request: when it was sent (epoch ms) and how long the answer took. */
export interface TimedRequest {
  readonly sentAt: number;
  readonly ms: number;
  readonly status: number;
}

/** Summary of a set of requests. */
export interface LatencySummary {
  readonly requests: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Transport errors and non-200 answers. */
  readonly failed: number;
}

/** `count` logged-in web chat sessions on `url` (dev login). */
export async function chatSessions(url: string, count: number, person = 'p-marek'): Promise<HttpSession[]> {
  return Promise.all(Array.from({ length: count }, async () => HttpSession.loggedIn(url, person)));
}

async function ask(session: HttpSession, text: string): Promise<number> {
  const response = await session.request('POST', '/api/chat', { body: JSON.stringify({ text }), type: 'application/json', csrf: true });
  await response.arrayBuffer();
  return response.status;
}

/** Sends `perSession` sequential questions per session before measuring (lazy dictionaries, JIT). */
export async function warmUpSessions(sessions: readonly HttpSession[], questions: readonly string[], perSession = 20): Promise<void> {
  for (const session of sessions)
    for (let index = 0; index < perSession; index += 1) await ask(session, questions[index % questions.length]!);
}

/**
 * Sends `rate` requests/s round-robin over the sessions until `until()` is true (checked before every send),
 * then waits for the answers in flight.
 */
export async function openLoopChat(
  sessions: readonly HttpSession[],
  questions: readonly string[],
  rate: number,
  until: () => boolean,
): Promise<TimedRequest[]> {
  const results: TimedRequest[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let index = 0; !until(); index += 1) {
    const wait = started + (index * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    const session = sessions[index % sessions.length]!;
    const sentAt = Date.now();
    const begin = performance.now();
    pending.push(
      ask(session, questions[index % questions.length]!)
        .catch(() => 0)
        .then((status) => {
          results.push({ sentAt, ms: performance.now() - begin, status });
        }),
    );
  }
  await Promise.all(pending);
  return results.sort((a, b) => a.sentAt - b.sentAt);
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** Percentiles of the requests' latencies (NaN when there are none). */
export function summarize(requests: readonly TimedRequest[]): LatencySummary {
  const latencies = requests.map((request) => request.ms);
  return {
    requests: requests.length,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.length ? Math.max(...latencies) : Number.NaN),
    failed: requests.filter((request) => request.status !== 200).length,
  };
}

/** The requests that were in flight at some moment of [from, to] (epoch ms). */
export function overlapping(requests: readonly TimedRequest[], from: number, to: number): TimedRequest[] {
  return requests.filter((request) => request.sentAt <= to && request.sentAt + request.ms >= from);
}
