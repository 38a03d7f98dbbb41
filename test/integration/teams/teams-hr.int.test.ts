/**
 * HR in Teams (issue #10): news arrive as a card with „Zur Kenntnis genommen“, the button records the
 * acknowledgement; a pulse survey is asked with one card per question and answered through the cards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastDraftSchema } from '../../../bot/core/hr/hr-schemas.ts';
import { sampleSurveyDraft } from '../../fakes/sample-survey.ts';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

let connector: MockBotConnector;
let app: TeamsApp;
const conversation = 'a:1personal-sabine';

const says = (text: string) => fixture('message-personal', connector.serviceUrl, { id: `m-${Math.random()}`, text });
const submits = (value: Record<string, unknown>) => fixture('message-personal', connector.serviceUrl, { id: `s-${Math.random()}`, text: undefined, value });
const lastBody = () => connector.to(conversation).at(-1)?.body as { text?: string; attachments?: { content: { body: { type: string; text?: string }[]; actions?: { data?: Record<string, unknown> }[] } }[] };

beforeAll(async () => {
  connector = await startMockBotConnector();
  app = await startTeamsApp();
  expect((await app.post(says('Hallo'))).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

describe('HR in Teams', () => {
  it('delivers news as a card and records „Zur Kenntnis genommen“', async () => {
    const hr = app.lotse.hr;
    const created = hr.broadcasts.create('p-nina', broadcastDraftSchema.parse({ title: 'Neue Kantinenzeiten', text: 'Ab Montag ab 11 Uhr.', acknowledge: true, audience: { kind: 'units', units: ['A36'] } }));
    if (created.kind !== 'ok') throw new Error(created.message);
    expect(hr.broadcasts.release('p-frank', created.broadcast.id).kind).toBe('ok');
    await hr.jobs.runDue();
    await connector.waitFor((requests) => requests.some((request) => JSON.stringify(request.body).includes('Neue Kantinenzeiten')), 10_000);
    const card = connector.to(conversation).map((request) => request.body as ReturnType<typeof lastBody>).find((body) => JSON.stringify(body).includes('Neue Kantinenzeiten'))!;
    const acknowledge = card.attachments![0]!.content.actions!.find((action) => action.data?.hr === 'acknowledge')!;
    expect((await app.post(submits(acknowledge.data!))).status).toBe(200);
    expect(lastBody().text).toBe('Danke, Ihre Kenntnisnahme ist vermerkt.');
    expect(JSON.stringify(hr.broadcasts.report(created.broadcast.id))).toMatch(/"acknowledged":1\b/);
  }, 60_000);

  it('asks a survey with one card per question and takes the answers from the cards', async () => {
    const hr = app.lotse.hr;
    const survey = hr.surveys.create('p-nina', sampleSurveyDraft());
    if (survey.kind !== 'ok') throw new Error(survey.message);
    expect(hr.surveys.approve('p-peter', survey.survey.id).kind).toBe('ok');
    await hr.jobs.runDue();
    expect((await app.post(says('Umfrage'))).status).toBe(200);
    const first = lastBody().attachments![0]!.content;
    expect(JSON.stringify(first.body)).toContain('Wie zufrieden sind Sie');
    const submit = first.actions![0]!.data!;
    expect((await app.post(submits({ ...submit, value: '4' }))).status).toBe(200);
    const second = lastBody().attachments![0]!.content;
    expect(JSON.stringify(second.body)).toContain('Wo lesen Sie Neuigkeiten?');
    expect((await app.post(submits({ ...submit, value: '1' }))).status).toBe(200);
    expect(lastBody().text).toBe('Diese Frage ist nicht mehr aktuell. Schreiben Sie „Umfrage“, um die Umfrage fortzusetzen.');
    expect((await app.post(submits({ ...second.actions![0]!.data!, value: '2' }))).status).toBe(200);
    expect(lastBody().text).toContain('Vielen Dank');
  }, 60_000);
});
