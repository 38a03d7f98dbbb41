/**
 * Adapts what `serve` runs to the graceful shutdown: a readiness gate for `/readyz` and the drain target of the HR
 * delivery worker (counts only, never message text). The channels' outboxes are drain targets of their plugins
 * (`bot/adapters/channels/<channel>/`, built with `bot/adapters/channels/polled-drain.ts`).
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

/** The HR delivery worker as the first drain target. */
export function hrDrain(hr: {
  jobs: { drainOutbox(until: number): Promise<{ sent: number }> };
  queues: { outboxPending(): Promise<number> };
}): DrainTarget {
  return {
    name: 'hr',
    drain: async (until) => (await hr.jobs.drainOutbox(until)).sent,
    remaining: () => hr.queues.outboxPending(),
  };
}
