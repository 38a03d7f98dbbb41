/**
 * The queue gauges of `/metrics`: aggregated counts only (open tickets, index size, outboxes). The count
 * of survey answers buffered below k is not exposed: watching it tick up tells who just answered (issue #18,
 * item 9). Channels that are not configured contribute no gauge (each channel plugin names its own). The ticket count comes from the asynchronous
 * ticket store and the HR outbox count from its asynchronous store (issue #20): each gauge answers from the last count at once and starts a fresh count in the
 * background, so a scrape never waits on the database.
 */
import type { Gauges } from '../http/metrics.ts';

/** Where the counts come from. */
export interface QueueSources {
  readonly tickets: { allTickets(): Promise<readonly { readonly state: string }[]> };
  readonly indexChunks: () => number;
  readonly hr: { readonly queues: { outboxPending(): Promise<number> } };
  /** The channel plugins' counts by gauge name (`channelGauges` of `bot/app/channels.ts`, e.g. `teams_outbox_pending`). */
  readonly channels?: Readonly<Record<string, () => Promise<number>>>;
  /** The store database's pool (PostgreSQL: connections in use, idle and requests waiting for one; SQLite: 1/1/0). */
  readonly database?: { gauges(): { readonly total: number; readonly idle: number; readonly waiting: number } };
}

const waiting = new Set(['open', 'claimed', 'rerouted', 'returned']);

/**
 * A count read in the background: `read()` returns the last count (throws while the last refresh failed, so
 * `/metrics` leaves the gauge out) and starts a refresh unless one is running. The first refresh starts at once.
 */
export function backgroundCount(count: () => Promise<number>): () => number {
  let last: { value: number } | { error: unknown } | undefined;
  let running: Promise<void> | undefined;
  const refresh = (): void => {
    running ??= count()
      .then(
        (value) => void (last = { value }),
        (error: unknown) => void (last = { error }),
      )
      .finally(() => {
        running = undefined;
      });
  };
  refresh();
  return () => {
    const current = last;
    refresh();
    if (!current) return 0;
    if ('error' in current) throw current.error;
    return current.value;
  };
}

/** Builds the gauges for `createHttpServer({ gauges })`. */
export function queueGauges(sources: QueueSources): Gauges {
  const { database } = sources;
  const channels = Object.entries(sources.channels ?? {}).map(([name, count]) => [name, backgroundCount(count)] as const);
  return {
    tickets_waiting: backgroundCount(async () => (await sources.tickets.allTickets()).filter((ticket) => waiting.has(ticket.state)).length),
    index_chunks: sources.indexChunks,
    hr_outbox_pending: backgroundCount(() => sources.hr.queues.outboxPending()),
    ...Object.fromEntries(channels),
    ...(database
      ? {
          db_pool_connections: () => database.gauges().total,
          db_pool_idle: () => database.gauges().idle,
          db_pool_waiting: () => database.gauges().waiting,
        }
      : {}),
  };
}
