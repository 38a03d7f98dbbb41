/**
 * Spacing of proactive sends (generic cell rate algorithm): a global rate for the app and a per-conversation
 * rate with a small burst, as Teams limits both. Pure bookkeeping over millisecond timestamps.
 * In `bot/shared/` because it is dependency-free and used by the Teams outbox and by the HTTP request limits
 * (`bot/http/request-limits.ts`), which must not import a channel adapter.
 */

/** One rate: `perSecond` sustained, up to `burst` sends back to back. */
export class RateLimiter {
  private readonly interval: number;
  private readonly tolerance: number;
  private theoretical = 0;

  constructor(perSecond: number, burst = 1) {
    this.interval = 1000 / perSecond;
    this.tolerance = (Math.max(1, burst) - 1) * this.interval;
  }

  /** Milliseconds to wait before the next send is allowed (0 = now). */
  waitMs(now: number): number {
    return Math.max(0, this.theoretical - this.tolerance - now);
  }

  /** Records a send at `now` (call only when `waitMs(now)` is 0). */
  take(now: number): void {
    // Timers fire a little late; up to 20 ms of that delay is made up so the long-run rate stays as configured.
    this.theoretical = Math.max(this.theoretical, now - Math.min(this.interval, 20)) + this.interval;
  }

  /** Whether the limiter has fully recovered (can be forgotten). */
  idle(now: number): boolean {
    return this.theoretical <= now;
  }

  /** Blocks until `until` (a 429 with Retry-After). */
  pauseUntil(until: number): void {
    this.theoretical = Math.max(this.theoretical, until + this.tolerance);
  }
}

/** Per-key limiters created on demand (one per conversation). */
export class KeyedRateLimiter {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  of(key: string): RateLimiter {
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new RateLimiter(this.perSecond, this.burst);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Forgets idle limiters so memory stays bounded. */
  prune(now: number): void {
    for (const [key, limiter] of this.limiters) if (limiter.idle(now)) this.limiters.delete(key);
  }
}
