/**
 * Issue #19 on Jabber against a real Prosody: "lotse" hands over the latest answered question (not a "Danke!"
 * after it, item 1); a returned answer reaches the Lotsin with the asker's reason, which `tickets` shows (item 6);
 * an own personnel matter gets no "lotse" hint and "lotse" refers it to the responsible office (item 7).
 */
import { describe, expect, it } from 'vitest';
import { prosodyAvailable } from '../../support/prosody.ts';
import { useXmppWorld } from '../../support/xmpp-suite.ts';

describe.skipIf(!prosodyAvailable)('Jabber: hand-over, return with reason, referral (issue #19)', () => {
  const suite = useXmppWorld();
  const login = (username: string) => suite.login(username);

  it('hands over the answered question, delivers the answer and brings the reason of a return to the Lotsin', async () => {
    const marek = await login('marek');
    const aylin = await login('aylin');
    await marek.ask(suite.world.botJid, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    await marek.ask(suite.world.botJid, 'Danke!');
    const [created] = await marek.ask(suite.world.botJid, 'lotse');
    const number = /Anfrage Nr\. (\d+)/.exec(created!.body)?.[1];
    expect((await suite.world.app.lotse.escalation.get(number!))?.question).toBe('Wie hoch ist die Hundesteuer für einen Dackel?');
    await aylin.nextMessages(1); // the notification of the new ticket

    await aylin.ask(suite.world.botJid, `übernehmen ${number}`);
    await aylin.ask(suite.world.botJid, `antwort ${number} Die Hundesteuer erhebt die Gemeinde.`);
    const [answer] = await marek.nextMessages(1);
    expect(answer!.body).toContain('Antwort von Aylin Demir (Digitallotsin)');

    const [returned] = await marek.ask(suite.world.botJid, `zurückgeben ${number} Die Gemeinde verweist an den Kreis.`);
    expect(returned!.body).toContain(number!);
    const [notice] = await aylin.nextMessages(1);
    expect(notice!.body).toContain(`Anfrage Nr. ${number} wurde zurückgegeben`);
    expect(notice!.body).toContain('„Die Gemeinde verweist an den Kreis.“');
    const [list] = await aylin.ask(suite.world.botJid, 'tickets');
    expect(list!.body).toContain(`Nr. ${number} (zurückgegeben)`);
    expect(list!.body).toContain('Grund der Rückgabe: „Die Gemeinde verweist an den Kreis.“');
    expect((await suite.world.app.lotse.escalation.get(number!))?.returned?.note).toBe('Die Gemeinde verweist an den Kreis.');
  });

  it('refers an own personnel matter to the Sachgebiet Personal, without the "lotse" hint and without a ticket', async () => {
    const sabine = await login('sabine');
    const [reply] = await sabine.ask(suite.world.botJid, 'Wie viele Urlaubstage habe ich?');
    expect(reply!.body).toContain('Sachgebiet Personal');
    expect(reply!.body).not.toContain('„lotse“');
    const before = (await suite.world.app.lotse.escalation.allTickets()).length;
    const [referred] = await sabine.ask(suite.world.botJid, 'lotse');
    expect(referred!.body).toContain('Sachgebiet Personal');
    expect(await suite.world.app.lotse.escalation.allTickets()).toHaveLength(before);
  });
});
