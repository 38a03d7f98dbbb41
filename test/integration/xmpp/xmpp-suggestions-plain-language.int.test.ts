/**
 * Issue #22 in Jabber, through a real Prosody: an answer lists its suggested next questions numbered, and "2" as
 * the reply asks the second one; "einfach" turns Leichte Sprache on for the person's next answers (short
 * sentences, terms explained, the source is still named) and "normal" turns it off again.
 */
import { describe, expect, it } from 'vitest';
import { prosodyAvailable } from '../../support/prosody.ts';
import { useXmppWorld } from '../../support/xmpp-suite.ts';

describe.skipIf(!prosodyAvailable)('Jabber: suggestions and Leichte Sprache', () => {
  const suite = useXmppWorld({ xmppEnv: { XMPP_MAX_MESSAGE_CHARS: '6000' } });
  const login = (username: string) => suite.login(username);

  it('numbers the suggestions; the number as reply asks that suggestion', async () => {
    const marek = await login('marek');
    const [answer] = await marek.ask(suite.world.botJid, 'Darf KI über Beförderungen entscheiden?');
    expect(answer!.body).toContain(
      'Weiterfragen – antworten Sie mit der Nummer:\n1 – Mehr zu: § 3 Der Mensch entscheidet (DV KI)\n2 – Mehr zu: § 5 Schutz personenbezogener Daten (DV KI)\n3 – Mehr zu: § 2 Begriffe (DV KI)',
    );
    const [next] = await marek.ask(suite.world.botJid, '2');
    expect(next!.body).toContain('§ 5 Schutz personenbezogener Daten');
    expect(next!.body).toContain(
      '[1] Dienstvereinbarung über den Einsatz von Künstlicher Intelligenz (DV KI) – § 5 Schutz personenbezogener Daten',
    );
    const [none] = await marek.ask(suite.world.botJid, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    expect(none!.body).not.toContain('Weiterfragen');
  });

  it('answers in Leichte Sprache after "einfach" and normally again after "normal"', async () => {
    const sabine = await login('sabine');
    const question = 'Was kann ich gegen eine Ablehnung des mobilen Arbeitens tun?';
    const [on] = await sabine.ask(suite.world.botJid, 'einfach');
    expect(on!.body).toContain('Leichter Sprache');
    const [plain] = await sabine.ask(suite.world.botJid, question);
    expect(plain!.body).toMatch(/^In einfacher Sprache:/);
    expect(plain!.body).toContain('um Vermittlung bitten.\nDer Personalrat kann hinzugezogen werden.');
    expect(plain!.body).toContain('• Personalrat: die gewählte Vertretung der Beschäftigten.');
    expect(plain!.body).toContain('[1] Dienstanweisung Telearbeit und mobiles Arbeiten – 4 Antrag und Genehmigung');
    const [again] = await sabine.ask(suite.world.botJid, 'Wie viele Tage darf ich mobil arbeiten?');
    expect(again!.body).toMatch(/^In einfacher Sprache:/);
    const [off] = await sabine.ask(suite.world.botJid, 'normal');
    expect(off!.body).toContain('normaler Sprache');
    const [normal] = await sabine.ask(suite.world.botJid, question);
    expect(normal!.body).not.toContain('In einfacher Sprache');
    expect(normal!.body).toContain('um Vermittlung bitten; der Personalrat kann hinzugezogen werden.');
  });
});
