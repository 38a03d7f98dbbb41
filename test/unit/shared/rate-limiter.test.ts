import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter, RateLimiter } from '../../../bot/shared/rate-limiter.ts';

describe('RateLimiter', () => {
  it('spaces sends by 1/rate after the burst', () => {
    const limiter = new RateLimiter(10, 3);
    for (let index = 0; index < 3; index += 1) {
      expect(limiter.waitMs(0)).toBe(0);
      limiter.take(0);
    }
    expect(limiter.waitMs(0)).toBe(100);
    expect(limiter.waitMs(100)).toBe(0);
  });

  it('pauses until a Retry-After instant', () => {
    const limiter = new RateLimiter(10, 1);
    limiter.pauseUntil(5000);
    expect(limiter.waitMs(1000)).toBe(4000);
    expect(limiter.waitMs(5000)).toBe(0);
  });

  it('forgets idle keys', () => {
    const keyed = new KeyedRateLimiter(1, 1);
    keyed.of('a').take(0);
    keyed.prune(10_000);
    expect(keyed.of('a').waitMs(0)).toBe(0);
  });
});
