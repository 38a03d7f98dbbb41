/**
 * Readiness without a database round trip per request (issue #18, item 13): `/readyz` is unauthenticated,
 * and each call used to ping PostgreSQL (a blocking call of up to the connect timeout while it is down) and
 * list every document. The probe now runs at most once per `maxAgeMs` and is asynchronous (issue #20: the ping
 * waits on the pool, not the event loop); a probe that throws reports not ready.
 */
import type { Clock } from '../ports/clock.ts';
import type { ServiceStatus } from '../ports/chat-service.ts';

/** How often the probe may run (default 2 s: the load balancer still sees an outage within seconds). */
export interface CachedStatusOptions {
  readonly clock: Clock;
  readonly maxAgeMs?: number;
}

/**
 * Wraps `probe` so that any number of calls within `maxAgeMs` share one result, and calls while a probe runs
 * share that probe.
 */
export function cachedStatus(probe: () => Promise<ServiceStatus>, options: CachedStatusOptions): () => Promise<ServiceStatus> {
  const maxAgeMs = options.maxAgeMs ?? 2_000;
  let last: { status: ServiceStatus; at: number } | undefined;
  let running: Promise<ServiceStatus> | undefined;
  const run = async (): Promise<ServiceStatus> => {
    let status: ServiceStatus;
    try {
      status = await probe();
    } catch (error) {
      // An unreadable store is "not ready", not a 500; the counts of the last good probe stay informative.
      if (!(error instanceof Error)) throw error;
      status = {
        ready: false,
        documents: last?.status.documents ?? 0,
        chunks: last?.status.chunks ?? 0,
        indexVersion: last?.status.indexVersion ?? '',
      };
    }
    last = { status, at: options.clock.now().getTime() };
    return status;
  };
  return async () => {
    const now = options.clock.now().getTime();
    if (last && now - last.at < maxAgeMs && now >= last.at) return last.status;
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
}
