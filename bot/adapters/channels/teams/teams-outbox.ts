/**
 * The durable Teams outbox: every proactive message is a database row (SQLite or PostgreSQL) before it is
 * sent, so nothing queued is lost across a restart (delivery is at least once). A pump sends rows in order
 * per conversation, spaced by a global and a per-conversation rate, honours 429 Retry-After (exponential
 * backoff without it), marks a conversation undeliverable on 403/404 and gives up after `maxAttempts`,
 * reporting every failed message.
 */
import type { Logger } from '../../../shared/logger.ts';
import { describeError } from '../../../shared/errors.ts';
import { migrate, type SqliteDatabase } from '../../storage/sqlite-database.ts';
import { KeyedRateLimiter, RateLimiter } from './rate-limiter.ts';
import type { ConnectorOutcome, OutgoingActivity, TeamsConnector } from './teams-connector.ts';
import type { TeamsStore } from './teams-store.ts';

const migrations = [
  `CREATE TABLE teams_outbox (id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL, op TEXT NOT NULL, activity TEXT, ticket_id TEXT,
     person_id TEXT, fallback TEXT, state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, throttled INTEGER NOT NULL DEFAULT 0,
     not_before INTEGER NOT NULL, last_error TEXT, created_at TEXT NOT NULL, done_at TEXT, activity_id TEXT);
   CREATE INDEX teams_outbox_pending ON teams_outbox (state, conversation_id, id);`,
];

/** A message to queue: a ready activity, or the current ticket card (rendered when it is sent). */
/** Creates the outbox table without starting a worker (data-subject requests read and erase it; issue #22). */
export function ensureTeamsOutboxTables(database: SqliteDatabase): void {
  migrate(database, 'teams-outbox', migrations);
}

export type OutboxItem =
  | { readonly op: 'activity'; readonly conversationId: string; readonly activity: OutgoingActivity; readonly personId?: string; readonly fallback?: string; readonly ticketId?: string }
  | { readonly op: 'ticket-card'; readonly conversationId: string; readonly ticketId: string; readonly personId?: string; readonly fallback?: string };

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
  readonly database: SqliteDatabase;
  readonly connector: TeamsConnector;
  readonly store: TeamsStore;
  readonly logger: Logger;
  readonly ratePerSecond: number;
  readonly conversationRatePerSecond: number;
  readonly conversationBurst: number;
  readonly maxAttempts: number;
  /** Renders the current card of a ticket for a conversation; undefined when there is nothing to show. */
  readonly renderTicketCard: (ticketId: string, conversationId: string) => Promise<{ activity: OutgoingActivity; version: number } | undefined>;
  readonly onFailed?: (failed: FailedDelivery) => void;
  /** Most requests in flight at once. */
  readonly maxInFlight?: number;
  readonly now?: () => number;
}

interface Row {
  id: number; conversation_id: string; op: 'activity' | 'ticket-card'; activity: string | null; ticket_id: string | null;
  person_id: string | null; fallback: string | null; attempts: number; throttled: number;
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
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: TeamsOutboxOptions) {
    migrate(options.database, 'teams-outbox', migrations);
    this.now = options.now ?? Date.now;
    this.global = new RateLimiter(options.ratePerSecond, 1);
    this.perConversation = new KeyedRateLimiter(options.conversationRatePerSecond, options.conversationBurst);
  }

  /** Queues an item; a ticket card already waiting for the same conversation is not queued twice. */
  enqueue(item: OutboxItem): number | undefined {
    const database = this.options.database;
    if (item.op === 'ticket-card') {
      const waiting = database
        .prepare<[string, string], { id: number }>(`SELECT id FROM teams_outbox WHERE state = 'pending' AND op = 'ticket-card' AND ticket_id = ? AND conversation_id = ?`)
        .get(item.ticketId, item.conversationId);
      if (waiting) return undefined;
    }
    const id = Number(
      database
        .prepare(`INSERT INTO teams_outbox (conversation_id, op, activity, ticket_id, person_id, fallback, not_before, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(item.conversationId, item.op, item.op === 'activity' ? JSON.stringify(item.activity) : null, item.ticketId ?? null,
          item.personId ?? null, item.fallback ?? null, this.now(), new Date(this.now()).toISOString()).lastInsertRowid,
    );
    // Deliveries at info with ids only (issue #19, item 9): queued here, then teams-sent or teams-delivery-failed.
    this.options.logger.info('teams-queued', { outboxId: id, op: item.op, ...(item.ticketId ? { ticket: item.ticketId } : {}) });
    this.wake?.();
    return id;
  }

  /** Rows not yet sent or given up. */
  pendingCount(): number {
    return this.options.database.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM teams_outbox WHERE state = 'pending'`).get()?.n ?? 0;
  }

  /** Pending rows due now (not waiting for a retry or a Retry-After), rows in flight included: the drain target. */
  dueCount(): number {
    return this.options.database.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM teams_outbox WHERE state = 'pending' AND not_before <= ?`).get(this.now())?.n ?? 0;
  }

  /** Deletes sent and failed rows finished more than `olderThanMs` ago (their texts are not kept longer than needed). */
  purgeFinished(olderThanMs: number): number {
    const before = new Date(this.now() - olderThanMs).toISOString();
    return this.options.database.prepare(`DELETE FROM teams_outbox WHERE state IN ('sent', 'failed') AND done_at < ?`).run(before).changes;
  }

  /** Starts the pump (idempotent). Pending rows from before a restart are sent first. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.pump().catch((error: unknown) => this.options.logger.error('teams-outbox-stopped', { error: describeError(error) }));
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
    while (this.pendingCount() > 0 || this.inFlight.size > 0) {
      if (this.now() > until) throw new Error(`outbox not idle after ${timeoutMs} ms (${this.pendingCount()} pending)`);
      await sleep(10);
    }
  }

  private heads(now: number): Row[] {
    return this.options.database
      .prepare<[number], Row>(`SELECT o.* FROM teams_outbox o JOIN (SELECT MIN(id) AS id FROM teams_outbox WHERE state = 'pending' GROUP BY conversation_id) h ON o.id = h.id
        WHERE o.not_before <= ? ORDER BY o.id LIMIT 500`)
      .all(now);
  }

  private async pump(): Promise<void> {
    let candidates: Row[] = [];
    let fetchedAt = 0;
    while (this.running) {
      const now = this.now();
      if (candidates.length === 0 || now - fetchedAt > 500) {
        candidates = this.heads(now).filter((row) => !this.inFlight.has(row.conversation_id));
        fetchedAt = now;
      }
      const index = candidates.findIndex((row) => !this.inFlight.has(row.conversation_id) && this.perConversation.of(row.conversation_id).waitMs(now) === 0);
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
      const [row] = candidates.splice(index, 1);
      if (!row) continue;
      this.global.take(now);
      this.perConversation.of(row.conversation_id).take(now);
      const work = this.deliver(row).finally(() => this.inFlight.delete(row.conversation_id));
      this.inFlight.set(row.conversation_id, work);
      if (this.inFlight.size >= (this.options.maxInFlight ?? 32)) await Promise.race(this.inFlight.values());
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

  private async deliver(row: Row): Promise<void> {
    try {
      const conversation = this.options.store.conversation(row.conversation_id);
      if (!conversation || conversation.undeliverable) return this.fail(row, conversation?.undeliverable ?? 'unknown conversation');
      this.stats.requests += 1;
      const outcome = await this.attempt(row, conversation.reference);
      this.settle(row, outcome);
    } catch (error) {
      this.settle(row, { kind: 'failed', reason: describeError(error) });
    }
  }

  private async attempt(row: Row, reference: string): Promise<ConnectorOutcome> {
    if (row.op === 'activity') return this.options.connector.send(reference, JSON.parse(row.activity ?? '{}') as OutgoingActivity);
    const ticketId = row.ticket_id ?? '';
    const rendered = await this.options.renderTicketCard(ticketId, row.conversation_id);
    if (!rendered) return { kind: 'ok' };
    const card = this.options.store.ticketCard(ticketId, row.conversation_id);
    let outcome = card?.activityId
      ? await this.options.connector.update(reference, card.activityId, rendered.activity)
      : await this.options.connector.send(reference, rendered.activity);
    // The card message was deleted (404 on update): post a fresh card instead of giving up the conversation.
    if (card?.activityId && outcome.kind === 'gone' && outcome.status === 404) outcome = await this.options.connector.send(reference, rendered.activity);
    if (outcome.kind === 'ok') {
      const activityId = outcome.activityId ?? card?.activityId;
      this.options.store.saveTicketCard({ ticketId, conversationId: row.conversation_id, version: rendered.version, ...(activityId ? { activityId } : {}) });
    }
    return outcome;
  }

  private settle(row: Row, outcome: ConnectorOutcome): void {
    const database = this.options.database;
    const now = this.now();
    switch (outcome.kind) {
      case 'ok':
        this.stats.sent += 1;
        this.options.logger.info('teams-sent', { outboxId: row.id, op: row.op, ...(row.ticket_id ? { ticket: row.ticket_id } : {}) });
        database.prepare(`UPDATE teams_outbox SET state = 'sent', done_at = ?, activity_id = ? WHERE id = ?`).run(new Date(now).toISOString(), outcome.activityId ?? null, row.id);
        return;
      case 'throttled': {
        this.stats.throttled += 1;
        if (row.throttled + 1 >= maxThrottles) return this.fail(row, 'throttled too often');
        const until = now + (outcome.retryAfterMs ?? backoffMs(row.throttled));
        this.perConversation.of(row.conversation_id).pauseUntil(until);
        database.prepare('UPDATE teams_outbox SET throttled = throttled + 1, not_before = ?, last_error = ? WHERE id = ?').run(until, 'HTTP 429', row.id);
        return;
      }
      case 'gone':
        this.options.store.markUndeliverable(row.conversation_id, `HTTP ${outcome.status}`);
        this.options.logger.warn('teams-conversation-undeliverable', { status: outcome.status });
        for (const pending of database.prepare<[string], Row>(`SELECT * FROM teams_outbox WHERE state = 'pending' AND conversation_id = ?`).all(row.conversation_id)) {
          this.fail(pending, `HTTP ${outcome.status}`);
        }
        return;
      case 'failed':
        if (row.attempts + 1 >= this.options.maxAttempts) return this.fail(row, outcome.reason);
        database.prepare('UPDATE teams_outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE id = ?').run(now + backoffMs(row.attempts), outcome.reason, row.id);
        return;
    }
  }

  private fail(row: Row, reason: string): void {
    const changed = this.options.database
      .prepare(`UPDATE teams_outbox SET state = 'failed', done_at = ?, last_error = ? WHERE id = ? AND state = 'pending'`)
      .run(new Date(this.now()).toISOString(), reason, row.id).changes;
    if (changed === 0) return;
    this.stats.failed += 1;
    this.options.logger.warn('teams-delivery-failed', { outboxId: row.id, ...(row.ticket_id ? { ticket: row.ticket_id } : {}), reason });
    this.options.onFailed?.({ id: row.id, conversationId: row.conversation_id, reason, ...(row.person_id ? { personId: row.person_id } : {}), ...(row.fallback ? { fallback: row.fallback } : {}) });
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
