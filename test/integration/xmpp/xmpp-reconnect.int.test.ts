/**
 * Reconnecting to a real Prosody that is restarted several times (issue #19, item 4): each failed attempt
 * is scheduled once, the backoff doubles from 250 ms up to the cap (2 s by default), and once the server listens again
 * the next scheduled attempt logs in. Asserted on the recorded schedule, not on wall-clock limits; the
 * measured times (server listening → bot online) are printed for docs/jabber.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../bot/shared/logger.ts';
import { prosodyAvailable } from '../../support/prosody.ts';
import { startXmppWorld, type XmppWorld } from '../../support/xmpp-app.ts';

interface Recorded {
  readonly event: string;
  readonly at: number;
  readonly data: Record<string, unknown>;
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!prosodyAvailable)('Jabber reconnect after Prosody restarts', () => {
  const events: Recorded[] = [];
  const record = (event: string, data: Record<string, unknown> = {}): void => void events.push({ event, at: Date.now(), data });
  const logger: Logger = { debug: () => undefined, info: record, warn: record, error: record };
  let world: XmppWorld;

  beforeAll(async () => {
    world = await startXmppWorld({ logger });
  });
  afterAll(async () => world?.close());

  it('schedules each failed attempt once and is back with the first attempt after the server listens, three times', async () => {
    const measured: string[] = [];
    for (let restart = 1; restart <= 3; restart += 1) {
      const from = events.length;
      const since = (name: string): Recorded[] => events.slice(from).filter((entry) => entry.event === name);
      await world.prosody.stop();
      // Stay down until a few attempts failed, so the backoff has grown.
      await waitFor(() => since('xmpp-reconnect-failed').length >= 4, 20_000, 'four failed attempts');
      await world.prosody.start();
      const listening = Date.now();
      const failedBeforeListening = since('xmpp-reconnect-failed').filter((entry) => entry.at <= listening).length;
      await waitFor(() => world.xmpp.channel.connection.isOnline(), 15_000, 'online again');
      const online = Date.now();
      const last = since('xmpp-reconnect-scheduled').at(-1)!;
      const fired = last.at + Number(last.data.delayMs);
      measured.push(
        `${online - listening} ms (waiting ${Math.max(0, fired - listening)} ms, connect and login ${online - Math.max(fired, listening)} ms)`,
      );

      const scheduled = since('xmpp-reconnect-scheduled');
      const failed = since('xmpp-reconnect-failed');
      // One schedule for the disconnect and one per failed attempt: never two for the same failure.
      expect(scheduled).toHaveLength(failed.length + 1);
      expect(scheduled.map((entry) => entry.data.attempt)).toEqual(scheduled.map((_, index) => index + 1));
      scheduled.forEach((entry, index) => {
        const ceiling = Math.min(world.config().reconnectMaxMs, 250 * 2 ** index);
        expect(entry.data.delayMs).toBeGreaterThanOrEqual(ceiling / 2);
        expect(entry.data.delayMs).toBeLessThanOrEqual(ceiling);
      });
      // At most one attempt (one already on its way when the port opened) fails after the server listens.
      expect(failed.length - failedBeforeListening).toBeLessThanOrEqual(1);
      expect(since('xmpp-reconnected')).toHaveLength(1);
    }
    expect(world.xmpp.channel.connection.stats().reconnects).toBe(3);
    console.info(`xmpp reconnect: server listening → bot online in ${measured.join('; ')}`);
    // A user can talk to the bot after the last restart.
    const erika = await world.login('erika');
    try {
      const [reply] = await erika.ask(world.botJid, 'hilfe');
      expect(reply!.body).toContain('So nutzen Sie lotse');
    } finally {
      await erika.stop();
    }
  });
});
