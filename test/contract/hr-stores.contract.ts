import { describe, expect, it } from 'vitest';
import type { Outbox, SurveyStore } from '../../bot/ports/hr-store.ts';
import type { Survey } from '../../bot/ports/hr-types.ts';

const at = '2026-12-01T08:00:00.000Z';
const later = '2026-12-01T09:00:00.000Z';

/** The outbox contract: one row per job and person, claims, retries, leases, report, acknowledgement. */
export function runOutboxContract(name: string, create: () => Outbox): void {
  describe(`Outbox contract: ${name}`, () => {
    it('creates a job once and a row per distinct person', () => {
      const outbox = create();
      expect(outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p1', 'p2', 'p2'], at)).toBe(true);
      expect(outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p3'], at)).toBe(false);
      expect(outbox.hasJob('job-1')).toBe(true);
      expect(outbox.report('job-1')).toMatchObject({ recipients: 2, pending: 2 });
    });

    it('claims due rows once and not again while they are in flight', () => {
      const outbox = create();
      outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p1', 'p2'], at);
      expect(outbox.claim(at, 10).map((entry) => [entry.personId, entry.attempts, entry.message.text])).toEqual([['p1', 1, 'Hallo'], ['p2', 1, 'Hallo']]);
      expect(outbox.claim(later, 10)).toEqual([]);
      outbox.markSent('job-1', 'p1', later);
      expect(outbox.recover(at)).toBe(0);
      expect(outbox.recover(later)).toBe(1);
      expect(outbox.claim(later, 10).map((entry) => [entry.personId, entry.attempts])).toEqual([['p2', 2]]);
    });

    it('keeps a retry until its time and reports failures with the reason', () => {
      const outbox = create();
      outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p1', 'p2'], at);
      outbox.claim(at, 10);
      outbox.markRetry('job-1', 'p1', later, 'busy');
      outbox.markFailed('job-1', 'p2', 'unbekannt');
      expect(outbox.claim(at, 10)).toEqual([]);
      expect(outbox.open('job-1')).toBe(true);
      expect(outbox.claim(later, 10).map((entry) => entry.personId)).toEqual(['p1']);
      outbox.markSent('job-1', 'p1', later);
      expect(outbox.open('job-1')).toBe(false);
      expect(outbox.report('job-1')).toEqual({ recipients: 2, pending: 0, sent: 1, failed: 1, acknowledged: 0, failures: [{ reason: 'unbekannt', count: 1 }] });
    });

    it('records acknowledgements of recipients only, once', () => {
      const outbox = create();
      outbox.enqueue('job-1', { kind: 'broadcast', text: 'Hallo' }, ['p1'], at);
      expect(outbox.acknowledge('job-1', 'p1', '2026-12-01')).toBe(true);
      expect(outbox.acknowledge('job-1', 'p1', '2026-12-02')).toBe(true);
      expect(outbox.acknowledge('job-1', 'p9', '2026-12-01')).toBe(false);
      expect(outbox.report('job-1').acknowledged).toBe(1);
    });

    it('lists delivered jobs that still wait for the acknowledgement, newest first', () => {
      const outbox = create();
      outbox.enqueue('job-1', { kind: 'broadcast', text: 'A', acknowledgeJob: 'job-1' }, ['p1'], at);
      outbox.enqueue('job-2', { kind: 'broadcast', text: 'B' }, ['p1'], at);
      outbox.enqueue('job-3', { kind: 'broadcast', text: 'C', acknowledgeJob: 'job-3' }, ['p1'], later);
      expect(outbox.unacknowledged('p1')).toEqual([]);
      for (const entry of outbox.claim(later, 10)) outbox.markSent(entry.job, entry.personId, later);
      expect(outbox.unacknowledged('p1')).toEqual(['job-3', 'job-1']);
      outbox.acknowledge('job-3', 'p1', '2026-12-01');
      expect(outbox.unacknowledged('p1')).toEqual(['job-1']);
    });
  });
}

const survey: Survey = {
  id: 'survey-1', version: 1, state: 'draft', title: 'Puls', audience: { kind: 'all' }, questions: [{ id: 'q1', type: 'scale', text: 'Wie geht es?' }],
  opensAt: at, closesAt: '2026-12-10T00:00:00.000Z', author: 'hr1', createdAt: at,
};

/** The survey store contract: lifecycle compare-and-set, participation apart from answers, reminder rounds. */
export function runSurveyStoreContract(name: string, create: () => SurveyStore): void {
  describe(`SurveyStore contract: ${name}`, () => {
    it('changes state only from the expected state', () => {
      const store = create();
      store.createSurvey(survey);
      expect(store.transition('survey-1', 'approved', { state: 'open' })).toBe(false);
      expect(store.transition('survey-1', 'draft', { state: 'approved', approvedBy: 'pr1' })).toBe(true);
      expect(store.survey('survey-1')).toMatchObject({ state: 'approved', approvedBy: 'pr1' });
    });

    it('marks participation and stores answers without people', () => {
      const store = create();
      store.createSurvey(survey);
      store.openParticipation('survey-1', ['p1', 'p2', 'p3'], { A: 'A' }, at);
      expect(store.isEligible('survey-1', 'p1')).toBe(true);
      expect(store.isEligible('survey-1', 'p9')).toBe(false);
      const outcome = store.writeBatch('survey-1', [
        { personId: 'p2', answers: [{ questionId: 'q1', reportingUnit: 'A', value: 4 }], texts: [{ questionId: 'q2', text: 'gut' }] },
        { personId: 'p1', answers: [{ questionId: 'q1', reportingUnit: 'A', value: 2 }], texts: [] },
      ], 2);
      expect(outcome).toEqual({ kind: 'written', people: 2, duplicates: [] });
      expect(store.hasAnswered('survey-1', 'p1')).toBe(true);
      expect(store.nonParticipants('survey-1')).toEqual(['p3']);
      expect(store.participation('survey-1')).toEqual({ eligible: 3, answered: 2 });
      expect(store.answers('survey-1').map((answer) => answer.value).sort()).toEqual([2, 4]);
      expect(store.reportingUnits('survey-1')).toEqual({ A: 'A' });
      const [text] = store.texts('survey-1');
      expect(text).toMatchObject({ questionId: 'q2', text: 'gut', reviewed: false });
      expect(store.markTextsReviewed('survey-1', [text!.id])).toBe(1);
      expect(store.texts('survey-1')[0]!.reviewed).toBe(true);
    });

    it('keeps every answer and text when it reshuffles, and mixes batches', () => {
      const store = create();
      store.createSurvey(survey);
      const batch = (from: number) => Array.from({ length: 20 }, (_, index) => ({ questionId: 'q1', reportingUnit: 'A', value: from + index }));
      store.openParticipation('survey-1', ['p1', 'p2'], {}, at);
      store.writeBatch('survey-1', [{ personId: 'p1', answers: batch(0), texts: [{ questionId: 'q2', text: 'a' }] }], 1);
      store.writeBatch('survey-1', [{ personId: 'p2', answers: batch(100), texts: [{ questionId: 'q2', text: 'b' }] }], 1);
      store.reshuffle('survey-1');
      const values = store.answers('survey-1').map((answer) => Number(answer.value));
      expect([...values].sort((a, b) => a - b)).toEqual([...batch(0), ...batch(100)].map((answer) => answer.value));
      expect(values.slice(0, 20).every((value) => value < 100)).toBe(false);
      expect(store.texts('survey-1').map((text) => text.text).sort()).toEqual(['a', 'b']);
    });

    it('drops people already marked as answered (first response wins) and holds a batch that falls below the minimum', () => {
      const store = create();
      store.createSurvey(survey);
      store.openParticipation('survey-1', ['p1', 'p2', 'p3', 'p4'], {}, at);
      const response = (personId: string, value: number) => ({ personId, answers: [{ questionId: 'q1', reportingUnit: '', value }], texts: [] });
      expect(store.writeBatch('survey-1', [response('p1', 1), response('p2', 2)], 2)).toEqual({ kind: 'written', people: 2, duplicates: [] });
      expect(store.writeBatch('survey-1', [response('p2', 5), response('p3', 3)], 2)).toEqual({ kind: 'held', duplicates: ['p2'] });
      expect(store.hasAnswered('survey-1', 'p3')).toBe(false);
      expect(store.writeBatch('survey-1', [response('p3', 3), response('p4', 4), response('p1', 5)], 2)).toEqual({ kind: 'written', people: 2, duplicates: ['p1'] });
      expect(store.participation('survey-1')).toEqual({ eligible: 4, answered: 4 });
      expect(store.answers('survey-1').map((answer) => answer.value).sort()).toEqual([1, 2, 3, 4]);
    });

    it('records each reminder round once', () => {
      const store = create();
      store.createSurvey(survey);
      expect(store.recordReminder('survey-1', 1, at)).toBe(true);
      expect(store.recordReminder('survey-1', 1, later)).toBe(false);
      expect(store.remindersSent('survey-1')).toBe(1);
    });
  });
}
