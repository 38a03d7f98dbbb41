/**
 * Jabber details of issue #19, item 10 against a real Prosody: the bot answers a subscription request once
 * (also after it reconnected), shows itself online to a person who writes without having subscribed, tells
 * a person over the rate limit about every refused message (one notice, then one summary), and keeps the
 * JIDs of unknown senders out of the outbox table.
 */
import { xml } from '@xmpp/client';
import type { Element } from '@xmpp/xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXmppChannel, type RunningXmppChannel } from '../../../bot/adapters/channels/xmpp/start-xmpp-channel.ts';
import { channelHostOf } from '../../../bot/app/channels.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { prosodyAvailable } from '../../support/prosody.ts';
import { startXmppWorld, type XmppWorld } from '../../support/xmpp-app.ts';
import type { XmppTestClient } from '../../support/xmpp-test-client.ts';

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!prosodyAvailable)('Jabber presence, rate notices and strangers (real Prosody)', () => {
  let world: XmppWorld;
  let restarted: RunningXmppChannel | undefined;
  const rateEnv = { XMPP_RATE_BURST: '3', XMPP_RATE_PER_MINUTE: '30' };
  const clients: XmppTestClient[] = [];
  const login = async (username: string): Promise<XmppTestClient> => {
    const client = await world.login(username);
    clients.push(client);
    return client;
  };
  const fromBot = (client: XmppTestClient, type: string): Element[] =>
    client.stanzas.filter(
      (stanza) =>
        stanza.is('presence') &&
        String(stanza.attrs.from ?? '').split('/')[0] === world.botJid &&
        String(stanza.attrs.type ?? 'available') === type,
    );

  beforeAll(async () => {
    world = await startXmppWorld({ strangers: ['fremd'], xmppEnv: rateEnv });
    // Every row written to the outbox, with its recipient (a temp trigger on lotse's own connection).
    world.app.lotse.local.exec(`CREATE TEMP TABLE outbox_recipients (jid TEXT);
      CREATE TEMP TRIGGER outbox_recipient AFTER INSERT ON main.xmpp_outbox BEGIN INSERT INTO outbox_recipients VALUES (new.to_jid); END;`);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await restarted?.stop();
    await world?.close();
  });

  it('approves a subscription and greets once, never asks back, and withdraws an old request instead of re-sending it after a reconnect', async () => {
    const frank = await login('frank');
    await frank.sendRaw(xml('iq', { type: 'get', id: 'roster-1' }, xml('query', { xmlns: 'jabber:iq:roster' })));
    await frank.sendRaw(xml('presence', { to: world.botJid, type: 'subscribe' }));
    await waitFor(() => fromBot(frank, 'subscribed').length === 1 && frank.received.length === 1, 5000, 'subscription answered');
    expect(frank.received[0]!.body).toContain('„hilfe“');
    // A second request (e.g. from a second device): no second greeting.
    await frank.sendRaw(xml('presence', { to: world.botJid, type: 'subscribe' }));
    await pause(500);
    expect(frank.received).toHaveLength(1);
    // A request of the bot from an older version, still pending with Tobias.
    const tobias = await login('tobias');
    await tobias.sendRaw(xml('iq', { type: 'get', id: 'roster-1' }, xml('query', { xmlns: 'jabber:iq:roster' })));
    await world.xmpp.channel.connection.send(xml('presence', { to: tobias.jid, type: 'subscribe' }));
    await waitFor(() => fromBot(tobias, 'subscribe').length === 1, 5000, 'old request delivered');

    // lotse restarts: new session, roster read again, initial presence.
    await world.xmpp.stop();
    restarted = await startXmppChannel(channelHostOf(world.app.lotse, silentLogger), world.config(rateEnv));
    await waitFor(() => fromBot(tobias, 'unsubscribe').length === 1, 5000, 'old request withdrawn');
    await waitFor(() => fromBot(frank, 'available').length >= 1, 5000, 'bot online for Frank');
    await pause(800);
    expect(fromBot(frank, 'subscribe')).toHaveLength(0);
    expect(fromBot(tobias, 'subscribe')).toHaveLength(1);
    expect(frank.received).toHaveLength(1);
  });

  it('shows itself online to a person who writes without having subscribed', async () => {
    const marek = await login('marek');
    const [reply] = await marek.ask(world.botJid, 'hilfe');
    expect(reply!.body).toContain('So nutzen Sie lotse');
    const online = fromBot(marek, 'available');
    expect(online).toHaveLength(1);
    expect(marek.stanzas.indexOf(online[0]!)).toBeLessThan(marek.stanzas.indexOf(reply!.stanza));
    await marek.ask(world.botJid, 'hilfe');
    expect(fromBot(marek, 'available')).toHaveLength(1);
  });

  it('ignores a roster push that does not come from the server (RFC 6121 §2.1.6)', async () => {
    const sabine = await login('sabine');
    const erika = await login('erika');
    // Sabine claims that Erika already receives the bot's presence: the bot refuses and keeps its own roster.
    await sabine.sendRaw(
      xml(
        'iq',
        { to: `${world.botJid}/lotse`, type: 'set', id: 'push-1' },
        xml('query', { xmlns: 'jabber:iq:roster' }, xml('item', { jid: erika.jid, subscription: 'both' })),
      ),
    );
    await waitFor(() => sabine.stanzas.some((stanza) => stanza.is('iq') && stanza.attrs.id === 'push-1'), 5000, 'answer to the push');
    expect(sabine.stanzas.find((stanza) => stanza.is('iq') && stanza.attrs.id === 'push-1')!.attrs.type).toBe('error');
    const [reply] = await erika.ask(world.botJid, 'hilfe');
    expect(reply!.body).toContain('So nutzen Sie lotse');
    expect(fromBot(erika, 'available')).toHaveLength(1);
  });

  it('answers every refused message: one notice at once, one summary when writing is possible again', async () => {
    const jonas = await login('jonas');
    for (let index = 0; index < 6; index += 1) await jonas.send(world.botJid, 'hilfe');
    const replies = await jonas.nextMessages(5, 10_000);
    expect(replies.filter((reply) => reply.body.includes('So nutzen Sie lotse'))).toHaveLength(3);
    expect(replies.filter((reply) => reply.body.includes('nicht bearbeitet'))).toHaveLength(2);
    expect(replies.at(-1)!.body).toContain('(Anzahl: 2)');
    expect(replies.at(-1)!.body).toContain('wieder schreiben');
    await pause(300);
    expect(jonas.received).toHaveLength(5);
  });

  it('refuses an unknown sender without writing its JID to the outbox', async () => {
    const stranger = await login('fremd');
    const [reply] = await stranger.ask(world.botJid, 'Wie viele Tage darf ich mobil arbeiten?');
    expect(reply!.body).toContain('nicht eingetragen');
    const recipients = world.app.lotse.local.prepare('SELECT DISTINCT jid FROM outbox_recipients').all() as { jid: string }[];
    expect(recipients.length).toBeGreaterThan(0);
    expect(recipients.map((row) => row.jid)).not.toContain('fremd@musterland.example');
  });
});
