/**
 * Issue #18, item 9: survey results were viewable while a survey was open, so two snapshots taken around
 * one person's answer revealed it; `/metrics` counted the answers buffered below k (who just answered).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { queueGauges } from '../../../bot/app/queue-gauges.ts';
import { createMetrics } from '../../../bot/http/metrics.ts';
import { startHrApp, type HrApp } from '../../support/hr-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Survey anonymity (issue #18, item 9)');
const day = 86_400_000;
let app: HrApp;

beforeAll(async () => {
  app = await startHrApp();
});

afterAll(async () => {
  await app?.close();
});

describe('survey results only after close', () => {
  it('refuses results (JSON and CSV) while answers can still arrive, and shows them after close', async () => {
    const created = await app.call('hr1', 'POST', '/api/hr/surveys', {
      title: 'Pulsbefragung',
      audience: { kind: 'units', units: ['D1'], includeSubunits: true },
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * day).toISOString(),
      questions: [{ id: 'zufrieden', type: 'scale', text: 'Wie zufrieden sind Sie?' }],
    });
    const id = String(created.body.survey.id);
    await app.call('pr1', 'POST', `/api/hr/surveys/${id}/approve`);
    await app.call('hr1', 'POST', `/api/hr/surveys/${id}/open`);
    for (const [index, person] of ['a1', 'a2', 'a3', 'a4', 'a5'].entries())
      await app.call(person, 'POST', `/api/hr/surveys/${id}/answers`, { answers: { zufrieden: (index % 3) + 1 } });
    const before = await app.call('pr1', 'GET', `/api/hr/surveys/${id}/results`);
    await app.call('a6', 'POST', `/api/hr/surveys/${id}/answers`, { answers: { zufrieden: 5 } });
    const after = await app.call('pr1', 'GET', `/api/hr/surveys/${id}/results`);
    table.record('GET results while open, before a6 answers (snapshot 1)', 409, before.status);
    table.record('GET results while open, after a6 answers (snapshot 2)', 409, after.status);
    table.record(
      'GET results?format=csv while open',
      409,
      (await app.call('hr1', 'GET', `/api/hr/surveys/${id}/results?format=csv`)).status,
    );
    table.record('POST publish while open', 409, (await app.call('hr1', 'POST', `/api/hr/surveys/${id}/publish`)).status);
    await app.call('hr1', 'POST', `/api/hr/surveys/${id}/close`);
    table.record('GET results after close', 200, (await app.call('pr1', 'GET', `/api/hr/surveys/${id}/results`)).status);
  });
});

describe('metrics', () => {
  it('does not expose the count of survey answers held below k', async () => {
    const text = await createMetrics(
      queueGauges({
        tickets: { allTickets: async () => [] },
        indexChunks: () => 0,
        hr: { queues: { outboxPending: async () => 0, surveyBufferPending: () => 3 } },
      } as Parameters<typeof queueGauges>[0]),
    ).render();
    table.record('/metrics gauge of buffered survey answers', 'absent', /survey_buffer/.test(text) ? 'present' : 'absent');
  });
});
