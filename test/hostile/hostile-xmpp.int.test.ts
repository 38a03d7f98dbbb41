/**
 * Issue #11: odd and oversized XMPP stanzas sent to the bot through a real Prosody. None may take the
 * channel down; the bot keeps answering afterwards. Prints the count.
 */
import { xml } from '@xmpp/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prosodyAvailable } from '../support/prosody.ts';
import { startXmppWorld, type XmppWorld } from '../support/xmpp-app.ts';
import type { XmppTestClient } from '../support/xmpp-test-client.ts';

describe.skipIf(!prosodyAvailable)('hostile XMPP stanzas', () => {
  let world: XmppWorld;
  let sabine: XmppTestClient;
  beforeAll(async () => {
    world = await startXmppWorld();
    sabine = await world.login('sabine');
  }, 60_000);
  afterAll(async () => {
    await sabine?.stop();
    await world?.close();
  });

  it('survives every odd stanza and still answers', async () => {
    const to = world.botJid;
    const cases: [string, ReturnType<typeof xml>][] = [
      ['empty body', xml('message', { to, type: 'chat' }, xml('body', {}, ''))],
      ['whitespace body', xml('message', { to, type: 'chat' }, xml('body', {}, '   \n\t '))],
      ['body of 100 KB', xml('message', { to, type: 'chat' }, xml('body', {}, 'Frage '.repeat(17_000)))],
      [
        'zero-width and bidi characters',
        xml('message', { to, type: 'chat' }, xml('body', {}, '\u200b\u202eWie\u2066 beantrage\u200d ich Urlaub?')),
      ],
      ['markup in the body', xml('message', { to, type: 'chat' }, xml('body', {}, '<script>alert(1)</script> &amp; ]]>'))],
      [
        'two bodies in two languages',
        xml('message', { to, type: 'chat' }, xml('body', { 'xml:lang': 'de' }, 'Hallo'), xml('body', { 'xml:lang': 'en' }, 'Hello')),
      ],
      ['groupchat type', xml('message', { to, type: 'groupchat' }, xml('body', {}, 'Hallo Raum'))],
      ['headline type', xml('message', { to, type: 'headline' }, xml('body', {}, 'Schlagzeile'))],
      [
        'error type',
        xml(
          'message',
          { to, type: 'error' },
          xml('error', { type: 'cancel' }, xml('item-not-found', { xmlns: 'urn:ietf:params:xml:ns:xmpp-stanzas' })),
        ),
      ],
      ['chat state only', xml('message', { to, type: 'chat' }, xml('composing', { xmlns: 'http://jabber.org/protocol/chatstates' }))],
      ['subject and thread only', xml('message', { to, type: 'chat' }, xml('subject', {}, 'Betreff'), xml('thread', {}, 't1'))],
      ['unknown iq', xml('iq', { to, type: 'get', id: 'odd-1' }, xml('query', { xmlns: 'urn:example:unknown' }))],
      ['iq result nobody asked for', xml('iq', { to, type: 'result', id: 'odd-2' })],
      ['unsubscribe', xml('presence', { to, type: 'unsubscribe' })],
      ['answer command without arguments', xml('message', { to, type: 'chat' }, xml('body', {}, 'antwort'))],
      ['answer to a ticket that does not exist', xml('message', { to, type: 'chat' }, xml('body', {}, 'antwort 999999 Erledigt.'))],
      ['claim with a non-number', xml('message', { to, type: 'chat' }, xml('body', {}, 'übernehmen abc'))],
    ];
    for (const [, stanza] of cases) {
      await sabine.sendRaw(stanza);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Sabine has used up her rate limit with the flood; another colleague checks that the channel still works.
    const tobias = await world.login('tobias');
    const [reply] = await tobias.ask(to, 'Wie viele Tage darf ich mobil arbeiten?', 1, 15_000);
    await tobias.stop();
    console.log(`hostile XMPP corpus: ${cases.length} stanzas sent, channel still answering`);
    expect(reply?.body).toContain('Quellen');
  }, 120_000);
});
