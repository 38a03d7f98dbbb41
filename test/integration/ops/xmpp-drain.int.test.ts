/**
 * The Jabber part of the graceful shutdown against a real Prosody (stream management): proactive messages
 * queued right before the shutdown are flushed and acknowledged by the server during the drain, so the
 * durable outbox is empty afterwards (nothing is sent twice on the next start) and every user has them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmppDrain } from '../../../bot/adapters/channels/xmpp/xmpp-plugin.ts';
import { gracefulShutdown } from '../../../bot/app/graceful-shutdown.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { prosodyAvailable } from '../../support/prosody.ts';
import type { XmppTestClient } from '../../support/xmpp-test-client.ts';
import { startXmppWorld, type XmppWorld } from '../../support/xmpp-app.ts';

if (!prosodyAvailable) console.warn('skipping the Jabber drain test: /usr/bin/prosody is not installed (apt-get install prosody)');
const users = ['user01', 'user02', 'user03', 'user04'];
const perUser = 15;
let world: XmppWorld | undefined;
let clients: XmppTestClient[] = [];

beforeAll(async () => {
  if (!prosodyAvailable) return;
  world = await startXmppWorld({ extra: users.length });
  clients = await Promise.all(users.map((user) => world!.login(user)));
}, 90_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => client.stop()));
  await world?.close();
});

describe.skipIf(!prosodyAvailable)('Jabber outbox at shutdown', () => {
  it('drains queued messages until the server acknowledged them', async () => {
    const { app, xmpp } = world!;
    for (let round = 0; round < perUser; round += 1) {
      for (const user of users)
        await app.lotse.channels.send({ kind: 'person', personId: `p-${user}` }, { kind: 'notice', text: `Hinweis ${round} für ${user}` });
    }
    const queued = await xmpp.channel.pending();
    const report = await gracefulShutdown(
      {
        markNotReady: () => undefined,
        closeHttp: async () => undefined,
        stopTimers: () => undefined,
        feeders: [],
        outboxes: [xmppDrain(xmpp.channel)],
        stopChannels: () => xmpp.stop(),
        close: () => undefined,
      },
      { drainMs: 10_000, now: Date.now, logger: silentLogger },
    );
    console.info(
      `xmpp drain: ${queued} unacknowledged when the shutdown began, ${report.xmpp!.drained} acknowledged during the drain, ${report.xmpp!.remaining} left`,
    );
    expect(report.xmpp!.remaining).toBe(0);
    expect(await xmpp.channel.pending()).toBe(0);
    const received = await Promise.all(clients.map((client) => client.nextMessages(perUser, 10_000)));
    for (const [index, messages] of received.entries()) {
      expect(messages.filter((message) => message.body.includes(`für ${users[index]}`))).toHaveLength(perUser);
    }
  }, 60_000);
});
