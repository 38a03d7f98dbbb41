/**
 * Per-user rate limiting (token bucket) and the reconnect backoff with jitter. Pure: time and
 * randomness are passed in, so both are tested without waiting.
 */

/** Outcome of asking for a token. */
export type RateDecision =
  | { readonly kind: 'allowed' }
  /** `retryAfterMs`: when the next message will be accepted again. */
  | { readonly kind: 'limited'; readonly firstRefusal: boolean; readonly retryAfterMs: number };

/** A token bucket per key: `burst` tokens, refilled at `perMinute`. */
export function createRateLimiter(options: { perMinute: number; burst: number; now: () => number }) {
  const buckets = new Map<string, { tokens: number; at: number; warned: boolean }>();
  const refillPerMs = options.perMinute / 60_000;
  return {
    /** Takes one token for `key`; `firstRefusal` is true only for the first refusal in a row (answer it once). */
    take(key: string): RateDecision {
      const now = options.now();
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: now, warned: false };
      bucket.tokens = Math.min(options.burst, bucket.tokens + (now - bucket.at) * refillPerMs);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.warned = false;
        return { kind: 'allowed' };
      }
      const firstRefusal = !bucket.warned;
      bucket.warned = true;
      return { kind: 'limited', firstRefusal, retryAfterMs: Math.ceil((1 - bucket.tokens) / refillPerMs) };
    },
    /** Forgets full buckets (call now and then so the map does not grow without bound). */
    prune(): void {
      const now = options.now();
      for (const [key, bucket] of buckets) {
        if (bucket.tokens + (now - bucket.at) * refillPerMs >= options.burst) buckets.delete(key);
      }
    },
  };
}

/** The rate limiter's API. */
export type RateLimiter = ReturnType<typeof createRateLimiter>;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from `baseMs`, capped at `maxMs`,
 * with "equal jitter" (half fixed, half random) so that many bots do not reconnect in lock-step.
 */
export function reconnectDelay(attempt: number, options: { baseMs: number; maxMs: number; random: () => number }): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (ceiling / 2) * options.random());
}
