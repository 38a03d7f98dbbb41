import { describe, expect, it } from 'vitest';
import { createRateNotices } from '../../../../../bot/adapters/channels/xmpp/rate-notices.ts';

describe('createRateNotices', () => {
  it('sends the notice for the first refusal and one summary of the later ones when writing is possible again', () => {
    const sent: string[] = [];
    const timers: { ms: number; fire: () => void }[] = [];
    const notices = createRateNotices({
      send: (jid, text) => void sent.push(`${jid}: ${text}`),
      texts: { rateLimited: 'Zu viele Nachrichten.', rateLimitedDropped: 'Nicht bearbeitet: {count}.' },
      timers: { setTimeout: (fire, ms) => timers.push({ ms, fire }), clearTimeout: () => undefined },
    });
    notices.refused('a@x', { kind: 'limited', firstRefusal: true, retryAfterMs: 3000 });
    notices.refused('a@x', { kind: 'limited', firstRefusal: false, retryAfterMs: 2500 });
    notices.refused('a@x', { kind: 'limited', firstRefusal: false, retryAfterMs: 2000 });
    expect(sent).toEqual(['a@x: Zu viele Nachrichten.']);
    expect(timers.map((timer) => timer.ms)).toEqual([2500]);
    timers[0]!.fire();
    expect(sent).toEqual(['a@x: Zu viele Nachrichten.', 'a@x: Nicht bearbeitet: 2.']);
  });
});
