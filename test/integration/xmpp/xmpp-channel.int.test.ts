import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xml } from '@xmpp/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XmppLoginError } from '../../../bot/adapters/channels/xmpp/xmpp-connection.ts';
import { startXmppChannel } from '../../../bot/adapters/channels/xmpp/start-xmpp-channel.ts';
import { channelHostOf } from '../../../bot/app/channels.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { createPinoLogger } from '../../../bot/adapters/logging/pino-logger.ts';
import { runCli } from '../../support/cli-harness.ts';
import { prosodyAvailable } from '../../support/prosody.ts';
import { repoRoot } from '../../support/real-app.ts';
import { extraUsers, startXmppWorld, type XmppWorld } from '../../support/xmpp-app.ts';
import type { XmppTestClient } from '../../support/xmpp-test-client.ts';

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

if (!prosodyAvailable) console.warn('skipping the Jabber/XMPP tests: /usr/bin/prosody is not installed (apt-get install prosody)');

describe.skipIf(!prosodyAvailable)('Jabber channel against a real Prosody', () => {
  let world: XmppWorld;
  const clients: XmppTestClient[] = [];
  const login = async (username: string): Promise<XmppTestClient> => {
    const client = await world.login(username);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    world = await startXmppWorld({
      extra: 50,
      strangers: ['fremd'],
      ...(process.env.XMPP_TEST_LOG ? { logger: createPinoLogger({ level: 'debug' }) } : {}),
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await world?.close();
  });

  it('answers a question with numbered sources, Stand, link and the AI label', async () => {
    const sabine = await login('sabine');
    const [reply] = await sabine.ask(world.botJid, 'Wie viele Tage darf ich mobil arbeiten?');
    expect(reply!.body).toMatch(/Quellen:\n\[1\] .+Stand \d{2}\.\d{2}\.\d{4}/);
    expect(reply!.body).toContain('https://intranet.musterland.example/');
    expect(reply!.body).toContain('Automatisch erstellte Antwort');
    expect(reply!.body).toContain('„+“');
    const [thanks] = await sabine.ask(world.botJid, '+');
    expect(thanks!.body).toBe('Danke für Ihre Rückmeldung!');
    const [help] = await sabine.ask(world.botJid, 'hilfe');
    expect(help!.body).toContain('„lotse“');
    expect(help!.body).not.toContain('übernehmen');
  });

  it('acknowledges a receipt request, shows "typing" for slow answers and ignores carbons', async () => {
    const tobias = await login('tobias');
    await tobias.send(world.botJid, 'hilfe', { receipt: true, id: 'ask-1' });
    const [help] = await tobias.nextMessages(1);
    expect(help!.body).toContain('übernehmen <Nr.>'); // a Lotse sees the Lotse commands
    const receipt = tobias.stanzas.find((stanza) => stanza.getChild('received', 'urn:xmpp:receipts')?.attrs.id === 'ask-1');
    expect(receipt).toBeDefined();
    // A slow answer (e.g. from a language model) shows "lotse is typing" first.
    const chat = world.app.lotse.chat;
    const original = chat.handleTurn.bind(chat);
    chat.handleTurn = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return original(...args);
    };
    try {
      const [slow] = await tobias.ask(world.botJid, 'Wie lange gilt mein Passwort?');
      const composingAt = tobias.stanzas.findIndex((stanza) => stanza.getChild('composing', 'http://jabber.org/protocol/chatstates'));
      expect(composingAt).toBeGreaterThan(-1);
      expect(composingAt).toBeLessThan(tobias.stanzas.indexOf(slow!.stanza));
    } finally {
      chat.handleTurn = original;
    }
    // A (spoofed) carbon copy is never treated as a question.
    const forwarded = xml(
      'forwarded',
      { xmlns: 'urn:xmpp:forward:0' },
      xml('message', { from: 'tobias@musterland.example/x', type: 'chat' }, xml('body', {}, 'hilfe')),
    );
    await tobias.sendRaw(xml('message', { to: world.botJid, type: 'chat' }, xml('received', { xmlns: 'urn:xmpp:carbons:2' }, forwarded)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tobias.received).toHaveLength(2);
  });

  it('accepts roster subscriptions from directory JIDs only and greets the new contact', async () => {
    const frank = await login('frank');
    // Like real clients, fetch the roster first: Prosody sends subscription presences only to "interested" sessions.
    const rosterGet = () => xml('iq', { type: 'get', id: 'roster-1' }, xml('query', { xmlns: 'jabber:iq:roster' }));
    await frank.sendRaw(rosterGet());
    await frank.sendRaw(xml('presence', { to: world.botJid, type: 'subscribe' }));
    const [welcome] = await frank.nextMessages(1);
    expect(welcome!.body).toContain('„hilfe“');
    await waitFor(() => frank.stanzas.some((stanza) => stanza.is('presence') && stanza.attrs.type === 'subscribed'), 3000);
    const stranger = await login('fremd');
    await stranger.sendRaw(rosterGet());
    await stranger.sendRaw(xml('presence', { to: world.botJid, type: 'subscribe' }));
    await waitFor(() => stranger.stanzas.some((stanza) => stanza.is('presence') && stanza.attrs.type === 'unsubscribed'), 3000);
    expect(stranger.received).toHaveLength(0);
  });

  it('refuses an unknown JID politely and processes nothing', async () => {
    const conversationsBefore = world.app.lotse.local.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number };
    const stranger = await login('fremd');
    const [reply] = await stranger.ask(world.botJid, 'Wie viele Tage darf ich mobil arbeiten?');
    expect(reply!.body).toContain('nicht eingetragen');
    const conversationsAfter = world.app.lotse.local.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number };
    expect(conversationsAfter.n).toBe(conversationsBefore.n);
  });

  it('hands a question to the Lotsin on Jabber, who claims and answers it; the asker receives the answer', async () => {
    const marek = await login('marek');
    const aylin = await login('aylin');
    const [noAnswer] = await marek.ask(world.botJid, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    expect(noAnswer!.body).toContain('„lotse“');
    const [created] = await marek.ask(world.botJid, 'lotse');
    const number = /Nr\. (\d+)/.exec(created!.body)?.[1];
    expect(number).toBeDefined();
    const [notification] = await aylin.nextMessages(1);
    expect(notification!.body).toContain(`Neue Anfrage Nr. ${number}`);
    expect(notification!.body).toContain(`antwort ${number}`);
    const [list] = await aylin.ask(world.botJid, 'tickets');
    expect(list!.body).toContain(`Nr. ${number} (offen)`);
    const [claimed] = await aylin.ask(world.botJid, `übernehmen ${number}`);
    expect(claimed!.body).toContain('Hundesteuer');
    const [sent] = await aylin.ask(world.botJid, `antwort ${number} Die Hundesteuer erhebt die Gemeinde, nicht der Kreis.`);
    expect(sent!.body).toContain(`Anfrage Nr. ${number}`);
    const [answer] = await marek.nextMessages(1);
    expect(answer!.body).toContain('Antwort von Aylin Demir');
    expect(answer!.body).toContain('erhebt die Gemeinde');
    expect(answer!.body).toContain(`„erledigt ${number}“`);
    expect((await world.app.lotse.escalation.get(number!))?.replyTo).toEqual(
      expect.objectContaining({ channel: 'xmpp', reference: 'marek@musterland.example' }),
    );
    const [again] = await aylin.ask(world.botJid, `antwort ${number} Noch einmal.`);
    expect(again!.body).toBe('Diese Anfrage ist bereits in Bearbeitung oder abgeschlossen.');
    const [closed] = await marek.ask(world.botJid, `erledigt ${number}`);
    expect(closed!.body).toBe(`Danke! Anfrage Nr. ${number} ist abgeschlossen.`);
    expect((await world.app.lotse.escalation.get(number!))?.state).toBe('closed');
  });

  it('limits a user who floods the bot and answers the flood once', async () => {
    const jonas = await login('jonas');
    for (let index = 0; index < 8; index += 1) await jonas.send(world.botJid, 'hilfe');
    const replies = await jonas.nextMessages(6);
    expect(replies.filter((reply) => reply.body.includes('So nutzen Sie lotse'))).toHaveLength(5);
    expect(replies.filter((reply) => reply.body.includes('sehr viele Nachrichten'))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jonas.received).toHaveLength(6);
  });

  it('answers 50 users asking at the same time', async () => {
    const users = await Promise.all(extraUsers(50).map((name) => login(name)));
    const replies = await Promise.all(users.map((user) => user.ask(world.botJid, 'Wie lange gilt mein Passwort?', 1, 20_000)));
    for (const [reply] of replies) expect(reply!.body).toContain('Quellen:');
    expect(new Set(replies.map(([reply]) => reply!.from.split('/')[0]))).toEqual(new Set([world.botJid]));
  });

  it('refuses to start with a wrong password or without TLS, with a clear error', async () => {
    const wrong = startXmppChannel(channelHostOf(world.app.lotse, silentLogger), world.config({ XMPP_PASSWORD: 'falsch' }));
    await expect(wrong).rejects.toThrow(XmppLoginError);
    await expect(wrong).rejects.toThrow(/not-authorized.*XMPP_PASSWORD/);
    const plain = startXmppChannel(channelHostOf(world.app.lotse, silentLogger), world.config({ XMPP_ALLOW_PLAIN: 'false' }));
    await expect(plain).rejects.toThrow(/offers no TLS/);
    const dataDir = mkdtempSync(join(tmpdir(), 'lotse-xmpp-serve-'));
    const env = {
      XMPP_SERVICE: world.prosody.service,
      XMPP_DOMAIN: world.prosody.domain,
      XMPP_USERNAME: 'lotse',
      XMPP_PASSWORD: 'falsch',
      XMPP_ALLOW_PLAIN: 'true',
      LOG_LEVEL: 'error',
      PORT: '0',
      AUTH_MODE: 'dev',
    };
    const serve = await runCli(['serve', '--data', dataDir, '--no-ingest'], { env, cwd: repoRoot });
    rmSync(dataDir, { recursive: true, force: true });
    expect(serve.code).toBe(1);
    expect(serve.stderr).toMatch(
      /Refusing to start: XmppLoginError: XMPP login as lotse@musterland\.example was rejected \(not-authorized\)/,
    );
  });

  it('reconnects after a server restart and delivers every message queued meanwhile', async () => {
    const erika = await login('erika');
    const [before] = await erika.ask(world.botJid, 'Wie viele Tage darf ich mobil arbeiten?');
    expect(before!.body).toContain('Quellen:');
    // Stream management confirms every sent message; a message still unconfirmed at a crash is sent again.
    await waitFor(async () => (await world.xmpp.channel.pending()) === 0, 5000);
    expect(world.xmpp.channel.connection.streamManagement()).toBe(true);
    await world.prosody.stop();
    const deliveries = [];
    for (let index = 1; index <= 5; index += 1) {
      deliveries.push(
        await world.app.lotse.channels.send(
          { kind: 'person', personId: 'p-erika' },
          { kind: 'notice', text: `Mitteilung ${index} während des Neustarts` },
        ),
      );
    }
    expect(deliveries.every((result) => result.kind === 'queued')).toBe(true);
    expect(await world.xmpp.channel.pending()).toBe(5);
    await world.prosody.start();
    await waitFor(() => world.xmpp.channel.connection.isOnline(), 10_000);
    const erikaAgain = await login('erika');
    const notices = await erikaAgain.nextMessages(5);
    expect(notices.map((notice) => notice.body)).toEqual([1, 2, 3, 4, 5].map((index) => `Mitteilung ${index} während des Neustarts`));
    const [after] = await erikaAgain.ask(world.botJid, 'Wie lange gilt mein Passwort?');
    expect(after!.body).toContain('Quellen:');
    await waitFor(async () => (await world.xmpp.channel.pending()) === 0, 5000);
    expect(world.xmpp.channel.connection.stats().reconnects).toBe(1);
  });

  it('keeps queued messages across a restart of lotse and sends them after the next login', async () => {
    await world.xmpp.stop();
    const queued = await world.xmpp.channel.endpoint.send(
      { kind: 'person', personId: 'p-sabine' },
      { kind: 'notice', text: 'Nachricht aus dem letzten Lauf' },
    );
    expect(queued.kind).toBe('queued');
    const sabine = await login('sabine');
    const restarted = await startXmppChannel(channelHostOf(world.app.lotse, silentLogger), world.config());
    try {
      const [notice] = await sabine.nextMessages(1);
      expect(notice!.body).toBe('Nachricht aus dem letzten Lauf');
      await waitFor(async () => (await restarted.channel.pending()) === 0, 5000);
    } finally {
      await restarted.stop();
    }
  });
});
