/**
 * The queue gauges of `/metrics`: aggregated counts only (open tickets, index size, outboxes). The count
 * of survey answers buffered below k is not exposed: watching it tick up tells who just answered (issue #18,
 * item 9). Channels that are not configured contribute no gauge.
 */
import type { Gauges } from '../http/metrics.ts';

/** Where the counts come from. */
export interface QueueSources {
  readonly tickets: { allTickets(): readonly { readonly state: string }[] };
  readonly indexChunks: () => number;
  readonly hr: { readonly queues: { outboxPending(): number } };
  readonly teams?: { readonly outbox: { pendingCount(): number } };
  readonly xmpp?: { readonly channel: { pending(): number } };
}

const waiting = new Set(['open', 'claimed', 'rerouted', 'returned']);

/** Builds the gauges for `createHttpServer({ gauges })`. */
export function queueGauges(sources: QueueSources): Gauges {
  const { teams, xmpp } = sources;
  return {
    tickets_waiting: () => sources.tickets.allTickets().filter((ticket) => waiting.has(ticket.state)).length,
    index_chunks: sources.indexChunks,
    hr_outbox_pending: () => sources.hr.queues.outboxPending(),
    ...(teams ? { teams_outbox_pending: () => teams.outbox.pendingCount() } : {}),
    ...(xmpp ? { xmpp_outbox_pending: () => xmpp.channel.pending() } : {}),
  };
}
