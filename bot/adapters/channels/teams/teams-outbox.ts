/**
 * The durable Teams outbox: every proactive message is a database row (SQLite or PostgreSQL) before it is
 * sent, so nothing queued is lost across a restart (delivery is at least once). A pump sends rows in order
 * per conversation, spaced by a global and a per-conversation rate, honours 429 Retry-After (exponential
 * backoff without it), marks a conversation undeliverable on 403/404 and gives up after `maxAttempts`,
 * reporting every failed message. Asynchronous (issue #20); the table comes from migration `0014-teams-outbox`.
 * Several replicas may run the pump: a row is sent by the replica that claims it (one conditional UPDATE …
 * RETURNING, which sets its lease in `not_before`), so a row is claimed exactly once per lease.
 *
 * Stored JSON (issue #20, item 2): the `activity` of an `activity` row is written with `storedActivity` (versioned,
 * zod-checked loose object; rows written before versions existed read as version 1). A claimed row whose activity
 * this lotse cannot read is never sent: written by a newer lotse, it goes back to pending for `newerActivityDelayMs`
 * (attempt not counted; a newer replica will send it, and later rows of that conversation wait behind it, so the
 * order per conversation holds); invalid (or missing), it is marked `failed` with reason
 * `stored message unreadable` and reported like any failed delivery (the caller's fallback applies). Both are logged
 * once per row and reason (`stored-json-refused`). A conversation whose stored reference cannot be read is absent
 * (see `teams-store.ts`), so its rows fail as `unknown conversation`.
 */
import type { Logger } from '../../../shared/logger.ts';
import { describeError } from '../../../shared/errors.ts';
import type { StoreDatabase } from '../../sql/store-database.ts';
import { KeyedRateLimiter, RateLimiter } from '../../../shared/rate-limiter.ts';
import type { ConnectorOutcome, OutgoingActivity, TeamsConnector } from './teams-connector.ts';
import type { TeamsStore } from './teams-store.ts';
import { sendTicketCard, type RenderTicketCard } from './ticket-card-delivery.ts';
import { refusedRowReporter } from '../../sql/stored-json.ts';
import { storedActivity, TeamsOutboxTable, type OutboxItem, type OutboxRow as Row } from './teams-outbox-table.ts';

export { storedActivity, type OutboxItem } from './teams-outbox-table.ts';

/** How long a row whose activity a newer lotse wrote is left for a newer replica before this one looks again. */
export const newerActivityDelayMs = 10 * 60_000;

/** The failure reason of a row whose activity cannot be read. */
export const unreadableActivityReason = 'stored message unreadable';

/** A row that could not be delivered (reported to the caller, e.g. to fall back to the web inbox). */
export interface FailedDelivery {
  readonly id: number;
  readonly conversationId: string;
  readonly personId?: string;
  /** What the caller stored to deliver elsewhere (JSON). */
  readonly fallback?: string;
  readonly reason: string;
}

/** Settings and collaborators of the outbox. */
export interface TeamsOutboxOptions {
  readonly database: StoreDatabase;
  readonly connector: TeamsConnector;
  readonly store: TeamsStore;
  readonly logger: Logger;
  readonly ratePerSecond: number;
  readonly conversationRatePerSecond: number;
  readonly conversationBurst: number;
  readonly maxAttempts: number;
  /** Renders the current card of a ticket for a conversation; undefined when there is nothing to show. */
  readonly renderTicketCard: RenderTicketCard;
  readonly onFailed?: (failed: FailedDelivery) => void;
  /** Most requests in flight at once. */
  readonly maxInFlight?: number;
  readonly now?: () => number;
  /** How long a claimed row belongs to this replica before another may send it again (default 2 minutes). */
  readonly leaseMs?: number;
}

/** Counters for the measurement and the logs. */
export interface OutboxStats {
  sent: number;
  requests: number;
  throttled: number;
  failed: number;
}

const maxThrottles = 50;

/** The outbox and its pump. */
export class TeamsOutbox {
  readonly stats: OutboxStats = { sent: 0, requests: 0, throttled: 0, failed: 0 };
  private readonly global: RateLimiter;
  private readonly perConversation: KeyedRateLimiter;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly now: () => number;
  private readonly table: TeamsOutboxTable;
  private running = false;
  private generation = 0;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly refused: (key: string, reason: string) => void;

  constructor(private readonly options: TeamsOutboxOptions) {
    this.now = options.now ?? Date.now;
    this.refused = refusedRowReporter('teams-outbox', options.database.logger ?? options.logger);
    this.table = new TeamsOutboxTable(options.database.db);
    this.global = new RateLimiter(options.ratePerSecond, 1);
    this.perConversation = new KeyedRateLimiter(options.conversationRatePerSecond, options.conversationBurst);
  }

  /** Queues an item; a ticket card already waiting for the same conversation is not queued twice. */
  async enqueue(item: OutboxItem): Promise<number | undefined> {
    const id = await this.table.insert(item, this.now());
    if (id === undefined) return undefined;
    // Deliveries at info with ids only (issue #19, item 9): queued here, then teams-sent or teams-delivery-failed.
    this.options.logger.info('teams-queued', { outboxId: id, op: item.op, ...(item.ticketId ? { ticket: item.ticketId } : {}) });
    this.wake?.();
    return id;
  }

  /** Rows not yet sent or given up (exact; `/metrics` reads it through a background count). */
  pendingCount(): Promise<number> {
    return this.table.pendingCount();
  }

  /** Pending rows due now (not waiting for a retry or a Retry-After), rows in flight here included: the drain target. */
  async dueCount(): Promise<number> {
    return (await this.table.dueCount(this.now())) + this.inFlight.size;
  }

  /** Deletes sent and failed rows finished more than `olderThanMs` ago (their texts are not kept longer than needed). */
  purgeFinished(olderThanMs: number): Promise<number> {
    return this.table.purgeFinished(new Date(this.now() - olderThanMs).toISOString());
  }

  /** Starts the pump (idempotent; never two loops at once). Pending rows from before a restart are sent first. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const generation = (this.generation += 1);
    const previous = this.loop;
    // A loop still ending after stop() is awaited first: never two loops at once.
    this.loop = (async () => {
      await previous;
      await this.pump(generation);
    })().catch((error: unknown) => this.options.logger.error('teams-outbox-stopped', { error: describeError(error) }));
  }

  /** Stops the pump and waits for requests in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all(this.inFlight.values());
  }

  /** Resolves when nothing is pending and nothing is in flight (tests, benchmarks). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = this.now() + timeoutMs;
    for (let pending = await this.pendingCount(); pending > 0 || this.inFlight.size > 0; pending = await this.pendingCount()) {
      if (this.now() > until) throw new Error(`outbox not idle after ${timeoutMs} ms (${pending} pending)`);
      await sleep(10);
    }
  }

  private async pump(generation: number): Promise<void> {
    let candidates: Row[] = [];
    let fetchedAt = 0;
    while (this.running && this.generation === generation) {
      try {
        const now = this.now();
        if (candidates.length === 0 || now - fetchedAt > 500) {
          candidates = (await this.table.heads(now)).filter((row) => !this.inFlight.has(row.conversation_id));
          fetchedAt = now;
        }
        const index = candidates.findIndex(
          (row) => !this.inFlight.has(row.conversation_id) && this.perConversation.of(row.conversation_id).waitMs(now) === 0,
        );
        if (index < 0) {
          candidates = [];
          await this.pause(this.inFlight.size > 0 ? 5 : 50);
          continue;
        }
        const wait = this.global.waitMs(now);
        if (wait > 0) {
          await this.pause(wait);
          continue;
        }
        const [head] = candidates.splice(index, 1);
        const row = head ? await this.table.claim(head.id, now, now + (this.options.leaseMs ?? 120_000)) : undefined;
        if (!row || this.inFlight.has(row.conversation_id)) continue; // another replica took it
        this.global.take(now);
        this.perConversation.of(row.conversation_id).take(now);
        const work = this.deliver(row).finally(() => this.inFlight.delete(row.conversation_id));
        this.inFlight.set(row.conversation_id, work);
        if (this.inFlight.size >= (this.options.maxInFlight ?? 32)) await Promise.race(this.inFlight.values());
      } catch (error) {
        // The database was unreachable: log, wait a second and go on (the pump never stops by itself).
        this.options.logger.error('teams-outbox-pump-failed', { error: describeError(error) });
        candidates = [];
        await this.pause(1000);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Sends one claimed row and records the outcome; never rejects (a failure to record it is logged, the lease runs out). */
  private async deliver(row: Row): Promise<void> {
    let outcome: ConnectorOutcome;
    let activity: OutgoingActivity | undefined;
    if (row.op === 'activity') {
      const decoded =
        row.activity === null ? { ok: false as const, reason: 'no activity', newer: false } : storedActivity.decode(row.activity);
      if (!decoded.ok) return this.refuse(row, decoded.reason, decoded.newer);
      activity = decoded.value;
    }
    try {
      const conversation = await this.options.store.conversation(row.conversation_id);
      if (!conversation || conversation.undeliverable) return await this.fail(row, conversation?.undeliverable ?? 'unknown conversation');
      this.stats.requests += 1;
      outcome = await this.attempt(row, conversation.reference, activity);
    } catch (error) {
      outcome = { kind: 'failed', reason: describeError(error) };
    }
    try {
      await this.settle(row, outcome);
    } catch (error) {
      this.options.logger.error('teams-outbox-settle-failed', { outboxId: row.id, error: describeError(error) });
    }
  }

  /** A claimed row whose activity cannot be read: left for a newer replica, or failed; never sent. Never rejects. */
  private async refuse(row: Row, reason: string, newer: boolean): Promise<void> {
    this.refused(String(row.id), reason);
    try {
      if (newer) await this.table.postpone(row.id, this.now() + newerActivityDelayMs);
      else await this.fail(row, unreadableActivityReason);
    } catch (error) {
      this.options.logger.error('teams-outbox-settle-failed', { outboxId: row.id, error: describeError(error) });
    }
  }

  private async attempt(row: Row, reference: string, activity: OutgoingActivity | undefined): Promise<ConnectorOutcome> {
    if (row.op === 'activity')
      return activity ? this.options.connector.send(reference, activity) : { kind: 'failed', reason: unreadableActivityReason };
    return sendTicketCard(this.options, reference, row.ticket_id ?? '', row.conversation_id);
  }

  private async settle(row: Row, outcome: ConnectorOutcome): Promise<void> {
    const now = this.now();
    switch (outcome.kind) {
      case 'ok':
        this.stats.sent += 1;
        this.options.logger.info('teams-sent', { outboxId: row.id, op: row.op, ...(row.ticket_id ? { ticket: row.ticket_id } : {}) });
        await this.table.markSent(row.id, new Date(now).toISOString(), outcome.activityId ?? null);
        return;
      case 'throttled': {
        this.stats.throttled += 1;
        if (row.throttled + 1 >= maxThrottles) return this.fail(row, 'throttled too often');
        const until = now + (outcome.retryAfterMs ?? backoffMs(row.throttled));
        this.perConversation.of(row.conversation_id).pauseUntil(until);
        await this.table.markThrottled(row.id, until);
        return;
      }
      case 'gone':
        await this.options.store.markUndeliverable(row.conversation_id, `HTTP ${outcome.status}`);
        this.options.logger.warn('teams-conversation-undeliverable', { status: outcome.status });
        for (const pending of await this.table.pendingOf(row.conversation_id)) await this.fail(pending, `HTTP ${outcome.status}`);
        return;
      case 'failed':
        if (row.attempts + 1 >= this.options.maxAttempts) return this.fail(row, outcome.reason);
        await this.table.markRetry(row.id, now + backoffMs(row.attempts), outcome.reason);
        return;
    }
  }

  private async fail(row: Row, reason: string): Promise<void> {
    if (!(await this.table.markFailed(row.id, new Date(this.now()).toISOString(), reason))) return;
    this.stats.failed += 1;
    this.options.logger.warn('teams-delivery-failed', { outboxId: row.id, ...(row.ticket_id ? { ticket: row.ticket_id } : {}), reason });
    this.options.onFailed?.({
      id: row.id,
      conversationId: row.conversation_id,
      reason,
      ...(row.person_id ? { personId: row.person_id } : {}),
      ...(row.fallback ? { fallback: row.fallback } : {}),
    });
  }
}

/** 1 s, 2 s, 4 s … capped at 5 minutes, with ±20 % jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(300_000, 1000 * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
