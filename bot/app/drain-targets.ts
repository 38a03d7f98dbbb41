/**
 * Adapts what `serve` runs to the graceful shutdown: a readiness gate for `/readyz` and drain targets for
 * the HR delivery worker, the Teams outbox and the Jabber outbox (counts only, never message text).
 */
import type { ChatService } from '../ports/chat-service.ts';
import type { DrainTarget } from './graceful-shutdown.ts';

/** A chat service whose `status().ready` turns false once `markNotReady` was called. */
export function readinessGate(chat: ChatService): { readonly chat: ChatService; markNotReady(): void } {
  let draining = false;
  return {
    chat: {
      handleTurn: (message, options) => chat.handleTurn(message, options),
      recordFeedback: (input) => chat.recordFeedback(input),
      status: async () => (draining ? { ...(await chat.status()), ready: false } : chat.status()),
    },
    markNotReady: () => {
      draining = true;
    },
  };
}

/** A queue drained by its own pump: the target waits until nothing is due or the deadline passes. */
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

/** The HR delivery worker as the first drain target. */
export function hrDrain(hr: { jobs: { drainOutbox(until: number): Promise<{ sent: number }> }; queues: { outboxPending(): Promise<number> } }): DrainTarget {
  return {
    name: 'hr',
    drain: async (until) => (await hr.jobs.drainOutbox(until)).sent,
    remaining: () => hr.queues.outboxPending(),
  };
}

/** The Teams outbox (its pump keeps sending until the channel is stopped). */
export function teamsDrain(outbox: { dueCount(): Promise<number>; pendingCount(): Promise<number>; readonly stats: { readonly sent: number } }): DrainTarget {
  return polledDrain({ name: 'teams', due: () => outbox.dueCount(), delivered: () => outbox.stats.sent, remaining: () => outbox.pendingCount() });
}

/** The Jabber outbox (flushed while the connection is online). */
export function xmppDrain(channel: { pending(): Promise<number>; readonly connection: { isOnline(): boolean } }): DrainTarget {
  return polledDrain({ name: 'xmpp', due: async () => (channel.connection.isOnline() ? channel.pending() : 0), remaining: () => channel.pending() });
}
