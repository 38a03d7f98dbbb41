import { describe, expect, it } from 'vitest';
import { createXmppConnection, type ReconnectTimers } from '../../../../../bot/adapters/channels/xmpp/xmpp-connection.ts';
import { parseXmppConfig } from '../../../../../bot/config/xmpp-config.ts';
import type { Logger } from '../../../../../bot/shared/logger.ts';
import { freePort } from '../../../../support/prosody.ts';

/** Timers that only record: the test fires them by hand, so no backoff is waited for. */
function recordingTimers() {
  const scheduled: { ms: number; fire: () => void; cleared: boolean }[] = [];
  const timers: ReconnectTimers = {
    setTimeout: (callback, ms) => {
      const entry = { ms, fire: callback, cleared: false };
      scheduled.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      if (handle) (handle as { cleared: boolean }).cleared = true;
    },
  };
  return { timers, scheduled };
}

function recordingLogger() {
  const events: { event: string; data?: Record<string, unknown> }[] = [];
  const log = (event: string, data?: Record<string, unknown>) => void events.push({ event, ...(data ? { data } : {}) });
  const logger: Logger = { debug: log, info: log, warn: log, error: log };
  return { logger, events };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) throw new Error(`not reached: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createXmppConnection reconnect backoff', () => {
  it('schedules each failed attempt exactly once, doubling from 250 ms up to the cap', async () => {
    // Nothing listens on the port: every attempt fails at once with ECONNREFUSED (socket close and rejection).
    const port = await freePort();
    const config = parseXmppConfig({
      XMPP_SERVICE: `xmpp://127.0.0.1:${port}`,
      XMPP_DOMAIN: 'musterland.example',
      XMPP_USERNAME: 'lotse',
      XMPP_PASSWORD: 'x',
      XMPP_ALLOW_PLAIN: 'true',
      XMPP_RECONNECT_MAX_MS: '3000',
    })!;
    const { timers, scheduled } = recordingTimers();
    const { logger, events } = recordingLogger();
    const connection = createXmppConnection(
      config,
      { stanza: () => undefined, online: () => undefined, offline: () => undefined, acked: () => undefined, failed: () => undefined },
      { logger, random: () => 1, timers },
    );
    try {
      expect(await connection.start()).toBe('retrying');
      expect(scheduled.map((entry) => entry.ms)).toEqual([250]);
      for (let failures = 1; failures <= 6; failures += 1) {
        scheduled.at(-1)!.fire();
        await until(() => events.filter((entry) => entry.event === 'xmpp-reconnect-failed').length === failures, `failure ${failures}`);
        // Both reports of the failure (socket closed, connect rejected) have arrived; give stragglers a turn.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(scheduled.map((entry) => entry.ms)).toEqual([250, 500, 1000, 2000, 3000, 3000, 3000]);
      expect(scheduled.filter((entry) => entry.cleared)).toHaveLength(0);
      expect(events.filter((entry) => entry.event === 'xmpp-reconnect-scheduled').map((entry) => entry.data?.attempt)).toEqual([
        1, 2, 3, 4, 5, 6, 7,
      ]);
    } finally {
      await connection.stop();
    }
  });
});
