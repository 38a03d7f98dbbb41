/**
 * Texts that fit Jabber (issue #19, item 5, Jabber side), through a real Prosody: no web button wording,
 * the usage rules as an absolute link from LOTSE_PUBLIC_URL (a leading "/" is a command in many clients),
 * "geholfen?" once under a Lotse's answer, and no "lotse" hint under replies that say the message is not
 * handed over.
 */
import { describe, expect, it } from 'vitest';
import { prosodyAvailable } from '../../support/prosody.ts';
import { useXmppWorld } from '../../support/xmpp-suite.ts';

describe.skipIf(!prosodyAvailable)('Jabber texts', () => {
  const suite = useXmppWorld({ appEnv: { LOTSE_PUBLIC_URL: 'https://lotse.musterland.example/' } });
  const login = (username: string) => suite.login(username);

  const noWebWording = (body: string): void => {
    expect(body).not.toContain('Digitallotse fragen');
    expect(body).not.toMatch(/Wählen Sie/);
    expect(body).not.toMatch(/(^|\s)\/nutzungshinweise/m);
  };

  it('says what to write instead of a button, and links the usage rules absolutely', async () => {
    const marek = await login('marek');
    const [noAnswer] = await marek.ask(suite.world.botJid, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    noWebWording(noAnswer!.body);
    expect(noAnswer!.body).toContain('Schreiben Sie „lotse“');
    expect(noAnswer!.body).toContain('https://lotse.musterland.example/nutzungshinweise');
    const [answered] = await marek.ask(suite.world.botJid, 'Wie viele Tage darf ich mobil arbeiten?');
    noWebWording(answered!.body);
    expect(answered!.body).toContain('https://lotse.musterland.example/nutzungshinweise');
    const [whoIs] = await marek.ask(suite.world.botJid, 'Wer ist mein Digitallotse?');
    noWebWording(whoIs!.body);
    expect(whoIs!.body).toContain('Aylin Demir');
  });

  it('asks "geholfen?" once under the answer of a Lotse', async () => {
    const sabine = await login('sabine');
    const tobias = await login('tobias');
    await sabine.ask(suite.world.botJid, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    const [created] = await sabine.ask(suite.world.botJid, 'lotse');
    const number = /Nr\. (\d+)/.exec(created!.body)![1]!;
    noWebWording(created!.body);
    await tobias.nextMessages(1);
    await tobias.ask(suite.world.botJid, `antwort ${number} Die Hundesteuer erhebt die Gemeinde.`);
    const [answer] = await sabine.nextMessages(1);
    expect(answer!.body).toContain('erhebt die Gemeinde');
    expect(answer!.body.match(/geholfen\?/g)).toHaveLength(1);
    expect(answer!.body).toContain(`„erledigt ${number}“`);
    noWebWording(answer!.body);
  });

  it('does not offer "lotse" under a reply that says the message is not handed over', async () => {
    const erika = await login('erika');
    const [personal] = await erika.ask(suite.world.botJid, 'Ich werde gemobbt, was kann ich tun?');
    expect(personal!.body).toMatch(/nicht an Digitallotsen weitergegeben/);
    expect(personal!.body).not.toContain('„lotse“');
    noWebWording(personal!.body);
    const [afterwards] = await erika.ask(suite.world.botJid, 'lotse');
    expect(afterwards!.body).not.toContain('Schreiben Sie „lotse“');
  });
});
