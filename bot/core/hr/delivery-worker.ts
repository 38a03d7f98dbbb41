/**
 * Drains the HR outbox through the channel ports: one paced loop per channel (messages per second from
 * the policy), retries with back-off, and a final `failed` with the reason after the last attempt. Every
 * message carries `deliveryId = <job>:<person>`, so a retry after a crash is recognisable downstream.
 */
import type { ChannelSender } from '../../ports/channel-sender.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Outbox, OutboxEntry } from '../../ports/hr-store.ts';
import type { HrPolicy } from '../../ports/hr-types.ts';
import type { Logger } from '../../shared/logger.ts';
import { describeError } from '../../shared/errors.ts';

/** Dependencies of the worker. */
export interface DeliveryWorkerDeps {
  readonly outbox: Outbox;
  readonly sender: ChannelSender;
  /** The channel a person is reached on (for pacing); `'web'` when none is registered. */
  readonly channelOf: (personId: string) => string;
  readonly policy: HrPolicy;
  readonly leaseSeconds: number;
  readonly clock: Clock;
  readonly sleep: (milliseconds: number) => Promise<void>;
  readonly logger: Logger;
}

/** What one drain did. */
export interface DrainResult {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

/** Creates the worker; `drain` sends everything due now and returns the counts. */
export function createDeliveryWorker(deps: DeliveryWorkerDeps) {
  const nextSlot = new Map<string, number>();
  let haltAt = Number.POSITIVE_INFINITY;
  const msLeft = (until: number): number => Math.min(until, haltAt) - deps.clock.now().getTime();
  const rateOf = (channel: string): number => deps.policy.ratePerSecond[channel] ?? deps.policy.ratePerSecond.default ?? 30;

  // Slots follow a fixed schedule; a late wake-up (timer jitter, a slow send) may catch up by one slot, so the
  // long-run rate stays at the configured one and no second ever sees more than `rate + 1` messages.
  const waitForSlot = async (channel: string): Promise<void> => {
    const interval = 1000 / rateOf(channel);
    const now = deps.clock.now().getTime();
    const slot = Math.max(now - interval, nextSlot.get(channel) ?? now);
    nextSlot.set(channel, slot + interval);
    if (slot > now) await deps.sleep(slot - now);
  };

  const deliver = async (entry: OutboxEntry, totals: { sent: number; retried: number; failed: number }): Promise<void> => {
    let reason: string | undefined;
    try {
      const result = await deps.sender.send(
        { kind: 'person', personId: entry.personId },
        { ...entry.message, deliveryId: `${entry.job}:${entry.personId}` },
      );
      if (result.kind === 'undeliverable') reason = result.reason;
    } catch (error) {
      reason = describeError(error);
    }
    // Marked outside the send's try: a failing store write must not count as a failed send (that would send again).
    if (reason === undefined) {
      await deps.outbox.markSent(entry.job, entry.personId, deps.clock.now().toISOString());
      totals.sent += 1;
      return;
    }
    if (entry.attempts >= deps.policy.retry.maxAttempts) {
      await deps.outbox.markFailed(entry.job, entry.personId, reason);
      deps.logger.warn('hr-delivery-failed', { job: entry.job, reason });
      totals.failed += 1;
      return;
    }
    const nextAt = new Date(deps.clock.now().getTime() + deps.policy.retry.backoffSeconds * 1000 * entry.attempts).toISOString();
    await deps.outbox.markRetry(entry.job, entry.personId, nextAt, reason);
    totals.retried += 1;
  };

  const runChannel = async (
    channel: string,
    entries: readonly OutboxEntry[],
    totals: { sent: number; retried: number; failed: number },
    until: number,
  ): Promise<void> => {
    for (const entry of entries) {
      // Past the deadline (shutdown): the claimed row goes back to pending for the next start or another replica.
      if (msLeft(until) <= 0) {
        await deps.outbox.markRetry(entry.job, entry.personId, deps.clock.now().toISOString(), 'shutdown');
        continue;
      }
      await waitForSlot(channel);
      await deliver(entry, totals);
    }
  };

  return {
    /** Sends what is due; with `until` (epoch ms) or after `haltAt`, stops at that time and leaves the rest pending. */
    async drain(batchSize = 200, until = Number.POSITIVE_INFINITY): Promise<DrainResult> {
      const totals = { sent: 0, retried: 0, failed: 0 };
      const leaseStart = new Date(deps.clock.now().getTime() - deps.leaseSeconds * 1000).toISOString();
      const recovered = await deps.outbox.recover(leaseStart);
      if (recovered > 0) deps.logger.warn('hr-outbox-recovered', { rows: recovered });
      // A batch must be sent well within the lease, or another process could take over rows still in flight.
      const slowest = Math.min(...Object.values(deps.policy.ratePerSecond));
      const limit = Math.max(1, Math.min(batchSize, Math.floor((slowest * deps.leaseSeconds) / 2)));
      for (;;) {
        const left = msLeft(until);
        if (left <= 0) return totals;
        // Near a deadline, claim only what the slowest channel can send before it.
        const entries = await deps.outbox.claim(
          deps.clock.now().toISOString(),
          Number.isFinite(left) ? Math.max(1, Math.min(limit, Math.floor((slowest * left) / 1000))) : limit,
        );
        if (entries.length === 0) return totals;
        const byChannel = new Map<string, OutboxEntry[]>();
        for (const entry of entries) {
          const channel = deps.channelOf(entry.personId);
          byChannel.set(channel, [...(byChannel.get(channel) ?? []), entry]);
        }
        await Promise.all([...byChannel].map(([channel, list]) => runChannel(channel, list, totals, until)));
      }
    },
    /** Makes every drain, also one in progress, stop at `at` (epoch ms): graceful shutdown. */
    haltAt(at: number): void {
      haltAt = Math.min(haltAt, at);
    },
  };
}

/** The worker's interface. */
export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
