/**
 * Graceful shutdown of `lotse serve` (SIGTERM/SIGINT): readiness turns false at once, the HTTP server stops
 * accepting connections and finishes requests in flight, timers stop, then the outboxes get a drain phase:
 * first the HR delivery worker (it feeds the channel outboxes), then Teams and Jabber together, each
 * delivering what is due until it is empty or the deadline passes. What remains stays durable in the store
 * for the next start or another replica. Every step is guarded: a failing step is logged, never thrown.
 */
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import type { DrainTarget } from '../ports/channel-plugin.ts';

/** Something with a durable queue that can deliver for a while before the process ends (defined in the channel plugin port). */
export type { DrainTarget };

/** The steps of one process's shutdown, in the order they run. */
export interface ShutdownPlan {
  /** `/readyz` answers 503 from now on, so the load balancer stops sending traffic. */
  markNotReady(): void;
  /** Stops accepting connections and resolves when requests in flight are done. */
  closeHttp(): Promise<void>;
  /** Drops the connections still open once the deadline has passed. */
  forceCloseHttp?(): void;
  /** Stops timers (and gives up leases: the re-index lease is released here). */
  stopTimers(): void | Promise<void>;
  /** Drained one after the other before `outboxes` (they feed them). */
  readonly feeders: readonly DrainTarget[];
  /** Drained together. */
  readonly outboxes: readonly DrainTarget[];
  /** Stops channel pumps and connections (after the drain). */
  stopChannels(): Promise<void>;
  /** Closes stores and the database. */
  close(): void | Promise<void>;
}

/** Limits and collaborators of the shutdown. */
export interface ShutdownOptions {
  /** Longest time from the signal to the end of the shutdown (`SHUTDOWN_DRAIN_S`); the drain ends up to 1 s before. */
  readonly drainMs: number;
  readonly now: () => number;
  readonly logger: Logger & { flush?(): void };
}

/** What the drain phase did per target. */
export type DrainReport = Readonly<Record<string, { readonly drained: number; readonly remaining: number | null }>>;

async function guarded<T>(logger: Logger, step: string, work: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    logger.error('shutdown-step-failed', { step, error: describeError(error) });
    return undefined;
  }
}

/** Resolves with `true` when `work` settles before `until`, `false` when the deadline came first. */
async function before(work: Promise<unknown>, until: number, now: () => number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, until - now()));
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function drainAll(
  targets: readonly DrainTarget[],
  until: number,
  options: ShutdownOptions,
): Promise<Record<string, { drained: number; remaining: number | null }>> {
  const report: Record<string, { drained: number; remaining: number | null }> = {};
  await Promise.all(
    targets.map(async (target) => {
      const drained = (await guarded(options.logger, `drain-${target.name}`, () => target.drain(until))) ?? 0;
      let remaining: number | null = null;
      try {
        remaining = await target.remaining();
      } catch {
        remaining = null; // the store is unreachable: the count is unknown, the rows are still there
      }
      report[target.name] = { drained, remaining };
    }),
  );
  return report;
}

/** Runs the plan; resolves with the drain report once everything is closed. */
export async function gracefulShutdown(plan: ShutdownPlan, options: ShutdownOptions): Promise<DrainReport> {
  const { logger, now } = options;
  // The drain ends a little before SHUTDOWN_DRAIN_S, so that stopping channels and closing the stores fit in it too.
  const until = now() + options.drainMs - Math.min(1000, options.drainMs / 5);
  await guarded(logger, 'readiness', () => plan.markNotReady());
  const closing = guarded(logger, 'http', () => plan.closeHttp());
  if (!(await before(closing, until, now))) {
    logger.warn('shutdown-http-forced', { afterMs: options.drainMs });
    await guarded(logger, 'http-force', () => plan.forceCloseHttp?.());
  }
  await guarded(logger, 'timers', () => plan.stopTimers());
  const report: Record<string, { drained: number; remaining: number | null }> = {};
  for (const feeder of plan.feeders) Object.assign(report, await drainAll([feeder], until, options));
  Object.assign(report, await drainAll(plan.outboxes, until, options));
  logger.info('shutdown-drained', { targets: report, overDeadline: now() > until });
  await guarded(logger, 'channels', () => plan.stopChannels());
  await guarded(logger, 'close', () => plan.close());
  logger.info('shutdown-complete', {});
  logger.flush?.();
  return report;
}
