import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChannelEndpoint } from '../../fakes/fake-channel-endpoint.ts';
import { startHrAppWithTeams, type HrApp } from '../../support/hr-app.ts';

let app: HrApp;
let teams: FakeChannelEndpoint;
let surveyId: string;
const day = 86_400_000;

const definition = () => ({
  title: 'Digitalisierung im Dezernat I',
  intro: 'Fünf Minuten, anonym.',
  audience: { kind: 'units', units: ['D1'], includeSubunits: true },
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + 7 * day).toISOString(),
  questions: [
    { id: 'zufrieden', type: 'scale', text: 'Wie zufrieden sind Sie mit der Ausstattung?' },
    { id: 'kanal', type: 'single', text: 'Wo lesen Sie Neuigkeiten?', options: ['Teams', 'Jabber', 'Intranet'] },
    { id: 'themen', type: 'multiple', text: 'Welche Themen interessieren Sie?', options: ['KI', 'E-Akte', 'Telefonie'], optional: true },
    { id: 'kommentar', type: 'text', text: 'Was sollen wir noch wissen?' },
  ],
});

// Each person answers differently, so that a successful join would be visible.
const chatAnswers: Record<string, string[]> = {
  a1: ['1', '1', '1', 'weiter'],
  a2: ['2', '1', '2', 'weiter'],
  a3: ['3', '2', '3', 'weiter'],
  a4: ['4', '2', '1,2', 'weiter'],
  a5: ['5', '3', '2,3', 'weiter'],
  b1: ['1', '3', '1,3', 'Mehr Schulungen'],
  b2: ['2', '3', 'weiter', 'weiter'],
  b3: ['3', '1', '1,2,3', 'weiter'],
  b4: ['4', '2', '3', 'weiter'],
  c1: ['5', '1', '2', 'weiter'],
  c2: ['4', '3', '1', 'weiter'],
};

beforeAll(async () => {
  ({ app, teams } = await startHrAppWithTeams());
});

afterAll(async () => {
  await app?.close();
});

describe('pulse survey end to end', () => {
  it('starts only after the Personalrat approved it', async () => {
    const created = await app.call('hr1', 'POST', '/api/hr/surveys', definition());
    expect(created.status).toBe(201);
    surveyId = created.body.survey.id;
    expect((await app.call('hr1', 'POST', `/api/hr/surveys/${surveyId}/open`)).body.error.code).toBe('not_approved');
    expect((await app.call('hr1', 'POST', `/api/hr/surveys/${surveyId}/approve`)).body.error.code).toBe('not_personalrat');
    const approved = await app.call('pr1', 'POST', `/api/hr/surveys/${surveyId}/approve`);
    expect(approved.body.survey).toMatchObject({ state: 'approved', approvedBy: 'pr1' });
    await app.lotse.hr.jobs.runDue();
    expect((await app.lotse.hr.surveys.get(surveyId))!.state).toBe('open');
    expect(teams.recipients('survey-invite')).toEqual(['a2', 'a4', 'a6', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    expect((await app.lotse.inbox.unread('c1'))[0]!.text).toContain('Digitalisierung im Dezernat I');
    expect(await app.lotse.inbox.unread('d1')).toEqual([]);
  });

  it('refuses edits after approval; a new version is a new draft', async () => {
    const edit = await app.call('hr1', 'PUT', `/api/hr/surveys/${surveyId}`, definition());
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('neue Version');
    const revised = await app.call('hr1', 'POST', `/api/hr/surveys/${surveyId}/versions`, { ...definition(), audience: { kind: 'all' } });
    expect(revised.status).toBe(201);
    expect(revised.body.survey).toMatchObject({ version: 2, state: 'draft', supersedes: surveyId });
  });

  it('takes answers from 12 people in 3 units over chat and web, ignoring duplicates and outsiders', async () => {
    for (const [person, replies] of Object.entries(chatAnswers)) {
      expect((await app.call(person, 'POST', '/api/hr/chat', { text: 'Umfrage' })).body.reply).toContain('Frage 1 von 4');
      expect(app.lotse.hr.chat.position(person)).toEqual({ surveyId, index: 0 });
      let last = '';
      for (const text of replies) last = (await app.call(person, 'POST', '/api/hr/chat', { text })).body.reply;
      expect(last).toContain('Vielen Dank');
    }
    const form = await app.call('a6', 'GET', '/api/hr/surveys');
    expect(form.body.surveys.map((survey: { id: string }) => survey.id)).toEqual([surveyId]);
    const web = await app.call('a6', 'POST', `/api/hr/surveys/${surveyId}/answers`, {
      answers: { zufrieden: 3, kanal: 2, kommentar: 'Gute Idee, fragen Sie mich: a6.privat@example.org oder Person b3' },
    });
    expect(web.status).toBe(201);
    const again = await app.call('a1', 'POST', `/api/hr/surveys/${surveyId}/answers`, { answers: { zufrieden: 5, kanal: 0 } });
    expect(again.body).toMatchObject({ kind: 'ignored', reason: 'already_answered' });
    expect((await app.call('a1', 'POST', '/api/hr/chat', { text: 'Umfrage' })).body.reply).toContain('keine offene Umfrage');
    const outsider = await app.call('d1', 'POST', `/api/hr/surveys/${surveyId}/answers`, { answers: { zufrieden: 5, kanal: 0 } });
    expect(outsider.body).toMatchObject({ kind: 'ignored', reason: 'not_eligible' });
    const invalid = await app.call('b5', 'POST', `/api/hr/surveys/${surveyId}/answers`, { answers: { zufrieden: 9, kanal: 0 } });
    expect(invalid.status).toBe(400);
    expect(await app.lotse.hr.surveyStore.participation(surveyId)).toEqual({ eligible: 18, answered: 10 });
  });

  it('closes, writes the last buffered answers, and shows only groups of at least k', async () => {
    expect((await app.call('hr1', 'POST', `/api/hr/surveys/${surveyId}/close`)).status).toBe(200);
    const late = await app.call('b5', 'POST', `/api/hr/surveys/${surveyId}/answers`, { answers: { zufrieden: 5, kanal: 0 } });
    expect(late.body).toMatchObject({ kind: 'ignored', reason: 'not_open' });
    expect((await app.call('a1', 'GET', `/api/hr/surveys/${surveyId}/results`)).status).toBe(403);
    const results = (await app.call('pr1', 'GET', `/api/hr/surveys/${surveyId}/results`)).body;
    expect(results.respondents).toBe(12);
    const scale = results.questions[0];
    expect(scale.total).toMatchObject({ n: 12, counts: [2, 2, 3, 3, 2] });
    expect(scale.groups.map((group: { group: string; n: number | null }) => [group.group, group.n])).toEqual([
      ['A10', 6],
      ['A11', null],
      ['D1', null],
    ]);
    expect(results.questions[3].texts).toEqual([]);
    const csvResponse = await app.call('hr1', 'GET', `/api/hr/surveys/${surveyId}/results?format=csv`);
    const csv = csvResponse.body as string;
    expect(csv.split('\r\n')[0]).toBe('frage;gruppe;n;antwort;anzahl');
    expect(csv).toContain('zufrieden;IT-Amt;<5;;');
    for (const person of [...Object.keys(chatAnswers), 'a6']) expect(csv).not.toContain(person);
    const svg = (await app.call('hr1', 'GET', `/api/hr/surveys/${surveyId}/results?format=svg&question=zufrieden`)).body as string;
    expect(svg).toMatch(/^<svg[^>]+role="img"/);
    expect(svg).toContain('<title id="q-zufrieden-title">Wie zufrieden sind Sie mit der Ausstattung?</title>');
  });

  it('publishes the results to all staff through the outbox („Digitalisierung in Zahlen“)', async () => {
    const published = await app.call('hr1', 'POST', `/api/hr/surveys/${surveyId}/publish`);
    expect(published.status).toBe(201);
    const text = published.body.broadcast.content.text as string;
    expect(published.body.broadcast.content.title).toBe('Digitalisierung in Zahlen: Digitalisierung im Dezernat I');
    expect(text).toContain('Ø 3,08 von 5 (n = 12)');
    expect(text).not.toContain('IT-Amt');
    await app.call('hr2', 'POST', `/api/hr/broadcasts/${published.body.broadcast.id}/release`);
    await app.lotse.hr.jobs.runDue();
    const report = await app.call('hr1', 'GET', `/api/hr/broadcasts/${published.body.broadcast.id}/report`);
    expect(report.body.report).toMatchObject({ recipients: 20, sent: 20, failed: 0 });
  });

  it('stores no field that links an answer to a person: a join attempt over the database fails', async () => {
    const database = app.lotse.local;
    const columns = (table: string): string[] =>
      database
        .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
        .all()
        .map((column) => column.name);
    expect(columns('hr_survey_answers')).toEqual(['survey_id', 'reporting_unit', 'question_id', 'value']);
    // `id` numbers the texts for review; it is assigned in the shuffled write order (and anew at close), never shared with participation.
    expect(columns('hr_survey_texts')).toEqual(['id', 'survey_id', 'question_id', 'text', 'reviewed']);
    // Personal data in free text is masked before it is stored.
    const texts = database
      .prepare<[string], { text: string }>('SELECT text FROM hr_survey_texts WHERE survey_id = ?')
      .all(surveyId)
      .map((row) => row.text);
    expect(texts.join(' ')).not.toMatch(/example\.org|Person b3/);
    expect(texts.join(' ')).toContain('[E-MAIL]');
    expect(columns('hr_survey_participation')).toEqual(['survey_id', 'person_id', 'invited_on', 'answered']);
    // 1. No person id, unit of one person, or time appears in any answer row.
    const people = new Set(app.lotse.directory.people().map((person) => person.id));
    const answerRows = database
      .prepare<[string], { reporting_unit: string; question_id: string; value: string }>(
        'SELECT reporting_unit, question_id, value FROM hr_survey_answers WHERE survey_id = ?',
      )
      .all(surveyId);
    for (const row of answerRows) for (const value of Object.values(row)) expect(people.has(String(value).replace(/"/g, ''))).toBe(false);
    const units = await app.lotse.hr.surveyStore.reportingUnits(surveyId);
    for (const group of new Set(answerRows.map((row) => row.reporting_unit))) {
      const members = app.lotse.directory.people().filter((person) => units[person.unit] === group);
      expect(members.length, `reporting unit ${group}`).toBeGreaterThanOrEqual(5);
    }
    // 2. Participation carries no time finer than a day and no order of answering (it is ordered by person).
    const participation = database
      .prepare<[string], { person_id: string; invited_on: string }>(
        'SELECT person_id, invited_on FROM hr_survey_participation WHERE survey_id = ? AND answered = 1',
      )
      .all(surveyId);
    for (const row of participation) expect(row.invited_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(participation.map((row) => row.person_id)).toEqual([...participation.map((row) => row.person_id)].sort());
    // 3. Join by position: answering order against answer row order does not recover who answered what.
    const answeringOrder = [...Object.keys(chatAnswers), 'a6'];
    const scaleRows = database
      .prepare<[string], { value: string }>(
        "SELECT value FROM hr_survey_answers WHERE survey_id = ? AND question_id = 'zufrieden' ORDER BY rowid",
      )
      .all(surveyId)
      .map((row) => Number(row.value));
    const truth = answeringOrder.map((person) => (person === 'a6' ? 3 : Number(chatAnswers[person]![0])));
    expect(scaleRows).toHaveLength(12);
    expect([...scaleRows].sort()).toEqual([...truth].sort());
    expect(scaleRows).not.toEqual(truth);
  });
});
