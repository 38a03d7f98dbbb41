import { describe, expect, it } from 'vitest';
import { outcomeOfStatus, retryAfterMs } from '../../../../../bot/adapters/channels/teams/teams-connector.ts';

describe('connector outcomes', () => {
  it('maps 429 to throttled, 403 and 404 to gone and other statuses to failed', () => {
    expect(outcomeOfStatus(429, 2000, 'x')).toEqual({ kind: 'throttled', retryAfterMs: 2000 });
    expect(outcomeOfStatus(403, undefined, 'x')).toEqual({ kind: 'gone', status: 403 });
    expect(outcomeOfStatus(404, undefined, 'x')).toEqual({ kind: 'gone', status: 404 });
    expect(outcomeOfStatus(502, undefined, 'HTTP 502')).toEqual({ kind: 'failed', status: 502, reason: 'HTTP 502' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
