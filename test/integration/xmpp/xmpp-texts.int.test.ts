/**
 * Texts that fit Jabber (issue #19, item 5, Jabber side), through a real Prosody: no web button wording,
 * the usage rules as an absolute link from LOTSE_PUBLIC_URL (a leading "/" is a command in many clients),
 * "geholfen?" once under a Lotse's answer, and no "lotse" hint under replies that say the message is not
 * handed over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prosodyAvailable } from '../../support/prosody.ts';
import { startXmppWorld, type XmppWorld } from '../../support/xmpp-app.ts';
import type { XmppTestClient } from '../../support/xmpp-test-client.ts';

describe.skipIf(!prosodyAvailable)('Jabber texts', () => {
  let world: XmppWorld;
  const clients: XmppTestClient[] = [];
  const login = async (username: string): Promise<XmppTestClient> => {
    const client = await world.login(username);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    world = await startXmppWorld({ appEnv: { LOTSE_PUBLIC_URL: 'https://lotse.musterland.example/' } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await world?.close();
  });

  const noWebWording = (body: string): void => {
    expect(body).not.toContain('Digitallotse fragen');
    expect(body).not.toMatch(/Wählen Sie/);
    expect(body).not.toMatch(/(^|\s)\/nutzungshinweise/m);
  };

  it('says what to write instead of a button, and links the usage rules absolutely', async () => {
    const marek = await login('marek');
    const [noAnswer] = await marek.ask(world.botJid, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    noWebWording(noAnswer!.body);
    expect(noAnswer!.body).toContain('Schreiben Sie „lotse“');
    expect(noAnswer!.body).toContain('https://lotse.musterland.example/nutzungshinweise');
    const [answered] = await marek.ask(world.botJid, 'Wie viele Tage darf ich mobil arbeiten?');
    noWebWording(answered!.body);
    expect(answered!.body).toContain('https://lotse.musterland.example/nutzungshinweise');
    const [whoIs] = await marek.ask(world.botJid, 'Wer ist mein Digitallotse?');
    noWebWording(whoIs!.body);
    expect(whoIs!.body).toContain('Aylin Demir');
  });

  it('asks "geholfen?" once under the answer of a Lotse', async () => {
    const sabine = await login('sabine');
    const tobias = await login('tobias');
    await sabine.ask(world.botJid, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    const [created] = await sabine.ask(world.botJid, 'lotse');
    const number = /Nr\. (\d+)/.exec(created!.body)![1]!;
    noWebWording(created!.body);
    await tobias.nextMessages(1);
    await tobias.ask(world.botJid, `antwort ${number} Die Hundesteuer erhebt die Gemeinde.`);
    const [answer] = await sabine.nextMessages(1);
    expect(answer!.body).toContain('erhebt die Gemeinde');
    expect(answer!.body.match(/geholfen\?/g)).toHaveLength(1);
    expect(answer!.body).toContain(`„erledigt ${number}“`);
    noWebWording(answer!.body);
  });

  it('does not offer "lotse" under a reply that says the message is not handed over', async () => {
    const erika = await login('erika');
    const [personal] = await erika.ask(world.botJid, 'Ich werde gemobbt, was kann ich tun?');
    expect(personal!.body).toMatch(/nicht an Digitallotsen weitergegeben/);
    expect(personal!.body).not.toContain('„lotse“');
    noWebWording(personal!.body);
    const [afterwards] = await erika.ask(world.botJid, 'lotse');
    expect(afterwards!.body).not.toContain('Schreiben Sie „lotse“');
  });
});
