/**
 * A drain target (graceful shutdown) for a queue that its own pump sends: the target only waits until nothing is due
 * or the deadline passes. Shared by the channel folders (Teams outbox, Jabber outbox); counts only, never text.
 */
import type { DrainTarget } from '../../ports/channel-plugin.ts';

/** A queue drained by its own pump. */
export interface PolledQueue {
  readonly name: string;
  /** Items due now (in flight included); a database count answers asynchronously. */
  due(): number | Promise<number>;
  /** Items delivered so far (a counter), or undefined to count the decrease of `remaining`. */
  delivered?(): number;
  remaining(): number | Promise<number>;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Turns a pumped queue into a drain target that polls every `pollMs`. */
export function polledDrain(queue: PolledQueue, options: { now?: () => number; pollMs?: number } = {}): DrainTarget {
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 20;
  const delivered = async (): Promise<number> => (queue.delivered ? queue.delivered() : -(await queue.remaining()));
  return {
    name: queue.name,
    async drain(until) {
      const start = await delivered();
      while (now() < until && (await queue.due()) > 0) await pause(Math.min(pollMs, Math.max(1, until - now())));
      return Math.max(0, (await delivered()) - start);
    },
    remaining: () => queue.remaining(),
  };
}
