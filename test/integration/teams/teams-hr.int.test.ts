/**
 * HR in Teams (issue #10): news arrive as a card with „Zur Kenntnis genommen“, the button records the
 * acknowledgement; a pulse survey is asked on one card with all questions, answered with one submit that
 * any replica can take.
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
const submits = (value: Record<string, unknown>) =>
  fixture('message-personal', connector.serviceUrl, { id: `s-${Math.random()}`, text: undefined, value });
const lastBody = () =>
  connector.to(conversation).at(-1)?.body as {
    text?: string;
    attachments?: { content: { body: { type: string; text?: string }[]; actions?: { data?: Record<string, unknown> }[] } }[];
  };

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
    const created = await hr.broadcasts.create(
      'p-nina',
      broadcastDraftSchema.parse({
        title: 'Neue Kantinenzeiten',
        text: 'Ab Montag ab 11 Uhr.',
        acknowledge: true,
        audience: { kind: 'units', units: ['A36'] },
      }),
    );
    if (created.kind !== 'ok') throw new Error(created.message);
    expect((await hr.broadcasts.release('p-frank', created.broadcast.id)).kind).toBe('ok');
    await hr.jobs.runDue();
    await connector.waitFor((requests) => requests.some((request) => JSON.stringify(request.body).includes('Neue Kantinenzeiten')), 10_000);
    const card = connector
      .to(conversation)
      .map((request) => request.body as ReturnType<typeof lastBody>)
      .find((body) => JSON.stringify(body).includes('Neue Kantinenzeiten'))!;
    const acknowledge = card.attachments![0]!.content.actions!.find((action) => action.data?.hr === 'acknowledge')!;
    expect((await app.post(submits(acknowledge.data!))).status).toBe(200);
    expect(lastBody().text).toBe('Danke, Ihre Kenntnisnahme ist vermerkt.');
    expect(JSON.stringify(await hr.broadcasts.report(created.broadcast.id))).toMatch(/"acknowledged":1\b/);
  }, 60_000);

  it('asks a survey on one card with all questions; any replica takes the submit, as no dialog state is kept', async () => {
    const hr = app.lotse.hr;
    const survey = await hr.surveys.create('p-nina', sampleSurveyDraft());
    if (survey.kind !== 'ok') throw new Error(survey.message);
    expect((await hr.surveys.approve('p-peter', survey.survey.id)).kind).toBe('ok');
    await hr.jobs.runDue();
    expect((await app.post(says('Umfrage'))).status).toBe(200);
    const body = lastBody();
    expect(body.text).toContain('2 Fragen auf einer Karte');
    const card = body.attachments![0]!.content;
    expect(JSON.stringify(card.body)).toContain('Wie zufrieden sind Sie');
    expect(JSON.stringify(card.body)).toContain('Wo lesen Sie Neuigkeiten?');
    expect(hr.chat.inDialog('p-sabine')).toBe(false);
    const submit = card.actions![0]!.data!;
    expect((await app.post(submits({ ...submit, q_zufrieden: '4' }))).status).toBe(200);
    expect(lastBody().text).toBe(
      'Bitte prüfen Sie Ihre Antwort auf die Frage „Wo lesen Sie Neuigkeiten?“ und senden Sie die Karte erneut.',
    );
    // A second replica on the same database (another process behind the load balancer) takes the submit.
    const other = await startTeamsApp({ dataDir: app.dataDir, startOutbox: false });
    try {
      expect((await other.post(submits({ ...submit, q_zufrieden: '4', q_kanal: '2' }))).status).toBe(200);
      expect(lastBody().text).toContain('Vielen Dank');
      expect(other.lotse.hr.surveys.pending()).toBe(1);
      expect(app.lotse.hr.surveys.pending()).toBe(0);
      expect((await other.post(submits({ ...submit, q_zufrieden: '1', q_kanal: '1' }))).status).toBe(200);
      expect(lastBody().text).toContain('bereits teilgenommen');
      expect((await other.lotse.hr.surveys.close(survey.survey.id)).kind).toBe('ok');
      expect((await hr.surveyStore.participation(survey.survey.id)).answered).toBe(1);
      expect((await hr.surveyStore.answers(survey.survey.id)).map((answer) => [answer.questionId, answer.value]).sort()).toEqual([
        ['kanal', 1],
        ['zufrieden', 4],
      ]);
    } finally {
      await other.close({ keepData: true });
    }
    expect(
      (await app.post(submits({ hr: 'survey-answer', surveyId: survey.survey.id, questionId: 'zufrieden', index: 0, value: '4' }))).status,
    ).toBe(200);
    expect(lastBody().text).toContain('nicht mehr aktuell');
  }, 120_000);
});
