/**
 * The queue gauges of `/metrics`: aggregated counts only (open tickets, index size, outboxes, survey
 * answers buffered below k). Channels that are not configured contribute no gauge.
 */
import type { Gauges } from '../http/metrics.ts';

/** Where the counts come from. */
export interface QueueSources {
  readonly tickets: { allTickets(): readonly { readonly state: string }[] };
  readonly indexChunks: () => number;
  readonly hr: { readonly queues: { outboxPending(): number; surveyBufferPending(): number } };
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
    survey_buffer_pending: () => sources.hr.queues.surveyBufferPending(),
    ...(teams ? { teams_outbox_pending: () => teams.outbox.pendingCount() } : {}),
    ...(xmpp ? { xmpp_outbox_pending: () => xmpp.channel.pending() } : {}),
  };
}
