/**
 * HR on Jabber (issues #9 and #10): news arrive as chat messages with headline and link; a pulse survey
 * is answered with numbers, one question at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastDraftSchema } from '../../../bot/core/hr/hr-schemas.ts';
import { sampleSurveyDraft } from '../../fakes/sample-survey.ts';
import { prosodyAvailable } from '../../support/prosody.ts';
import { startXmppWorld, type XmppWorld } from '../../support/xmpp-app.ts';
import type { XmppTestClient } from '../../support/xmpp-test-client.ts';

describe.skipIf(!prosodyAvailable)('HR news and surveys on Jabber', () => {
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

  it('delivers news with headline and link, and takes survey answers as numbers', async () => {
    const hr = world.app.lotse.hr;
    const news = broadcastDraftSchema.parse({
      title: 'Neue Kantinenzeiten',
      text: 'Die Kantine öffnet ab Montag um 11 Uhr.',
      link: 'https://intranet.musterland.example/kantine',
      audience: { kind: 'units', units: ['A36'] },
    });
    const created = await hr.broadcasts.create('p-nina', news);
    if (created.kind !== 'ok') throw new Error(created.message);
    expect((await hr.broadcasts.release('p-frank', created.broadcast.id)).kind).toBe('ok');
    await hr.jobs.runDue();
    const [delivered] = await sabine.nextMessages(1, 15_000);
    expect(delivered!.body).toMatch(
      /^Neue Kantinenzeiten\n\nDie Kantine öffnet ab Montag um 11 Uhr\.[\s\S]*https:\/\/intranet\.musterland\.example\/kantine/,
    );

    const survey = await hr.surveys.create('p-nina', sampleSurveyDraft());
    if (survey.kind !== 'ok') throw new Error(survey.message);
    expect((await hr.surveys.approve('p-peter', survey.survey.id)).kind).toBe('ok');
    await hr.jobs.runDue();
    const [invite] = await sabine.nextMessages(1, 15_000);
    expect(invite!.body).toContain('Kurzumfrage Arbeitsplatz');
    const [first] = await sabine.ask(world.botJid, 'Umfrage');
    expect(first!.body).toContain('Wie zufrieden sind Sie');
    const [second] = await sabine.ask(world.botJid, '4');
    expect(second!.body).toContain('Wo lesen Sie Neuigkeiten?');
    expect(second!.body).toMatch(/1\D+Teams/);
    const [done] = await sabine.ask(world.botJid, '2');
    expect(done!.body).toContain('Vielen Dank');
  }, 90_000);
});
