import { describe, expect, it } from 'vitest';
import { createRateLimiter, reconnectDelay } from '../../../../../bot/adapters/channels/xmpp/rate-limiter.ts';

describe('createRateLimiter', () => {
  it('allows a burst, refuses the rest (reporting only the first refusal) and refills over time', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 6, burst: 2, now: () => now });
    expect(limiter.take('a').kind).toBe('allowed');
    expect(limiter.take('a').kind).toBe('allowed');
    expect(limiter.take('a')).toMatchObject({ kind: 'limited', firstRefusal: true });
    expect(limiter.take('a')).toMatchObject({ kind: 'limited', firstRefusal: false });
    expect(limiter.take('b').kind).toBe('allowed');
    now += 10_000; // 6 per minute = one token per 10 s
    expect(limiter.take('a').kind).toBe('allowed');
    expect(limiter.take('a')).toMatchObject({ kind: 'limited', firstRefusal: true });
  });
});

describe('reconnectDelay', () => {
  it('grows exponentially up to the cap with half of it random', () => {
    const options = { baseMs: 250, maxMs: 30_000 };
    expect(reconnectDelay(0, { ...options, random: () => 0 })).toBe(125);
    expect(reconnectDelay(0, { ...options, random: () => 1 })).toBe(250);
    expect(reconnectDelay(3, { ...options, random: () => 0.5 })).toBe(1500);
    expect(reconnectDelay(30, { ...options, random: () => 1 })).toBe(30_000);
    expect(reconnectDelay(30, { ...options, random: () => 0 })).toBe(15_000);
  });
});
