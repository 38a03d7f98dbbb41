/**
 * Leases make scheduled work run on exactly one replica: re-index, retention purge, the Jabber
 * connection. A lease has a name, a holder (one replica) and an expiry; the holder renews it, and when
 * a replica dies its lease runs out and another replica takes over. On SQLite (one process) the same
 * code path simply always wins.
 */

/** Outcome of one acquire/renew attempt. */
export type LeaseResult =
  { readonly kind: 'held'; readonly until: string } | { readonly kind: 'taken'; readonly holder: string; readonly until: string };

/** Time-limited, named leases shared by all replicas through the store (asynchronous, issue #20). */
export interface JobLeases {
  /** Takes the lease when free or expired, or renews it when `holder` already has it. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<LeaseResult>;
  /** Gives the lease up early (graceful shutdown), only when `holder` has it. */
  release(name: string, holder: string): Promise<void>;
  /** Who holds the lease now (undefined when free or expired). */
  holderOf(name: string, now: Date): Promise<string | undefined>;
}
