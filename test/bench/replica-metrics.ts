/**
 * Event-loop delay of a `lotse serve` replica from its own `/metrics` (`nodejs_eventloop_lag_*`, prom-client's
 * histogram, reset at every scrape): scrape once before a window to reset it, once after to read the window.
 */
import type { Replica } from '../support/replicas.ts';

/** Event-loop delay figures of one scrape, in milliseconds. */
export interface LoopLag {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Scrapes `/metrics` of `replica` (resets the histogram) and returns the figures since the previous scrape. */
export async function loopLag(replica: Pick<Replica, 'url'>): Promise<LoopLag> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  const value = (name: string): number =>
    Number(new RegExp(`^nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN) * 1000;
  return { p50: value('p50'), p90: value('p90'), p99: value('p99'), max: value('max'), mean: value('mean') };
}
