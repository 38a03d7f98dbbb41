/**
 * The HR store contracts (issue #10, asynchronous since issue #20), run on the in-memory fakes, SQLite and PostgreSQL
 * by `hr-stores.contract.test.ts`. `open()` gives two stores on the same data (two replicas; the fakes: one object).
 */
import { describe, expect, it } from 'vitest';
import type { BroadcastStore, Outbox, Subscriptions, SurveyStore } from '../../bot/ports/hr-store.ts';
import type { Broadcast, Survey } from '../../bot/ports/hr-types.ts';

/** Two handles on one database (another replica's pool or connection). */
export type TwoOf<T> = () => Promise<{ readonly a: T; readonly b: T }>;

const at = '2026-12-01T08:00:00.000Z';
const later = '2026-12-01T09:00:00.000Z';

/** The outbox contract: one row per job and person, claims, retries, leases, report, acknowledgement. */
export function runOutboxContract(name: string, available: boolean, open: TwoOf<Outbox>): void {
  const create = async (): Promise<Outbox> => (await open()).a;
  describe.skipIf(!available)(`Outbox contract: ${name}`, () => {
    it('creates a job once and a row per distinct person', async () => {
      const outbox = await create();
      expect(await outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p1', 'p2', 'p2'], at)).toBe(true);
      expect(await outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p3'], at)).toBe(false);
      expect(await outbox.hasJob('job-1')).toBe(true);
      expect(await outbox.report('job-1')).toMatchObject({ recipients: 2, pending: 2 });
    });

    it('claims due rows once and not again while they are in flight', async () => {
      const outbox = await create();
      await outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p1', 'p2'], at);
      expect((await outbox.claim(at, 10)).map((entry) => [entry.personId, entry.attempts, entry.message.text])).toEqual([
        ['p1', 1, 'Hallo'],
        ['p2', 1, 'Hallo'],
      ]);
      expect(await outbox.claim(later, 10)).toEqual([]);
      await outbox.markSent('job-1', 'p1', later);
      expect(await outbox.recover(at)).toBe(0);
      expect(await outbox.recover(later)).toBe(1);
      expect((await outbox.claim(later, 10)).map((entry) => [entry.personId, entry.attempts])).toEqual([['p2', 2]]);
    });

    it('keeps a retry until its time and reports failures with the reason', async () => {
      const outbox = await create();
      await outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p1', 'p2'], at);
      await outbox.claim(at, 10);
      await outbox.markRetry('job-1', 'p1', later, 'busy');
      await outbox.markFailed('job-1', 'p2', 'unbekannt');
      expect(await outbox.claim(at, 10)).toEqual([]);
      expect(await outbox.open('job-1')).toBe(true);
      expect((await outbox.claim(later, 10)).map((entry) => entry.personId)).toEqual(['p1']);
      await outbox.markSent('job-1', 'p1', later);
      expect(await outbox.open('job-1')).toBe(false);
      expect(await outbox.report('job-1')).toEqual({
        recipients: 2,
        pending: 0,
        sent: 1,
        failed: 1,
        acknowledged: 0,
        failures: [{ reason: 'unbekannt', count: 1 }],
      });
    });

    it('records acknowledgements of recipients only, once', async () => {
      const outbox = await create();
      await outbox.enqueue('job-1', { kind: 'broadcast', text: 'Hallo' }, ['p1'], at);
      expect(await outbox.acknowledge('job-1', 'p1', '2026-12-01')).toBe(true);
      expect(await outbox.acknowledge('job-1', 'p1', '2026-12-02')).toBe(true);
      expect(await outbox.acknowledge('job-1', 'p9', '2026-12-01')).toBe(false);
      expect((await outbox.report('job-1')).acknowledged).toBe(1);
    });

    it('lists delivered jobs that still wait for the acknowledgement, newest first', async () => {
      const outbox = await create();
      await outbox.enqueue('job-1', { kind: 'broadcast', text: 'A', acknowledgeJob: 'job-1' }, ['p1'], at);
      await outbox.enqueue('job-2', { kind: 'broadcast', text: 'B' }, ['p1'], at);
      await outbox.enqueue('job-3', { kind: 'broadcast', text: 'C', acknowledgeJob: 'job-3' }, ['p1'], later);
      expect(await outbox.unacknowledged('p1')).toEqual([]);
      for (const entry of await outbox.claim(later, 10)) await outbox.markSent(entry.job, entry.personId, later);
      expect(await outbox.unacknowledged('p1')).toEqual(['job-3', 'job-1']);
      await outbox.acknowledge('job-3', 'p1', '2026-12-01');
      expect(await outbox.unacknowledged('p1')).toEqual(['job-1']);
    });

    it('counts rows still to deliver', async () => {
      const outbox = await create();
      await outbox.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, ['p1', 'p2', 'p3'], at);
      const [first] = await outbox.claim(at, 1);
      await outbox.markSent(first!.job, first!.personId, at);
      expect(await outbox.pendingCount()).toBe(2);
    });

    it('gives every row to exactly one of two replicas claiming at once, and creates a job once', async () => {
      const { a, b } = await open();
      const people = Array.from({ length: 60 }, (_, index) => `p${String(index).padStart(2, '0')}`);
      const created = await Promise.all([
        a.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, people, at),
        b.enqueue('job-1', { kind: 'notice', text: 'Hallo' }, people, at),
      ]);
      expect(created.filter(Boolean)).toHaveLength(1);
      const claimed: string[] = [];
      const drain = async (outbox: Outbox): Promise<void> => {
        for (;;) {
          const entries = await outbox.claim(at, 7);
          if (entries.length === 0) return;
          claimed.push(...entries.map((entry) => entry.personId));
        }
      };
      await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
      expect([...claimed].sort()).toEqual(people);
    });
  });
}

const survey: Survey = {
  id: 'survey-1',
  version: 1,
  state: 'draft',
  title: 'Puls',
  audience: { kind: 'all' },
  questions: [{ id: 'q1', type: 'scale', text: 'Wie geht es?' }],
  opensAt: at,
  closesAt: '2026-12-10T00:00:00.000Z',
  author: 'hr1',
  createdAt: at,
};

/** The survey store contract: lifecycle compare-and-set, participation apart from answers, reminder rounds. */
export function runSurveyStoreContract(name: string, available: boolean, open: TwoOf<SurveyStore>): void {
  const create = async (): Promise<SurveyStore> => (await open()).a;
  describe.skipIf(!available)(`SurveyStore contract: ${name}`, () => {
    it('changes state only from the expected state', async () => {
      const store = await create();
      await store.createSurvey(survey);
      expect(await store.transition('survey-1', 'approved', { state: 'open' })).toBe(false);
      expect(await store.transition('survey-1', 'draft', { state: 'approved', approvedBy: 'pr1' })).toBe(true);
      expect(await store.survey('survey-1')).toMatchObject({ state: 'approved', approvedBy: 'pr1' });
    });

    it('marks participation and stores answers without people', async () => {
      const store = await create();
      await store.createSurvey(survey);
      await store.openParticipation('survey-1', ['p1', 'p2', 'p3'], { A: 'A' }, at);
      expect(await store.isEligible('survey-1', 'p1')).toBe(true);
      expect(await store.isEligible('survey-1', 'p9')).toBe(false);
      const outcome = await store.writeBatch(
        'survey-1',
        [
          { personId: 'p2', answers: [{ questionId: 'q1', reportingUnit: 'A', value: 4 }], texts: [{ questionId: 'q2', text: 'gut' }] },
          { personId: 'p1', answers: [{ questionId: 'q1', reportingUnit: 'A', value: 2 }], texts: [] },
        ],
        2,
      );
      expect(outcome).toEqual({ kind: 'written', people: 2, duplicates: [] });
      expect(await store.hasAnswered('survey-1', 'p1')).toBe(true);
      expect(await store.nonParticipants('survey-1')).toEqual(['p3']);
      expect(await store.participation('survey-1')).toEqual({ eligible: 3, answered: 2 });
      expect((await store.answers('survey-1')).map((answer) => answer.value).sort()).toEqual([2, 4]);
      expect(await store.reportingUnits('survey-1')).toEqual({ A: 'A' });
      const [text] = await store.texts('survey-1');
      expect(text).toMatchObject({ questionId: 'q2', text: 'gut', reviewed: false });
      expect(await store.markTextsReviewed('survey-1', [text!.id])).toBe(1);
      expect((await store.texts('survey-1'))[0]!.reviewed).toBe(true);
    });

    it('keeps every answer and text when it reshuffles, and mixes batches', async () => {
      const store = await create();
      await store.createSurvey(survey);
      const batch = (from: number) =>
        Array.from({ length: 20 }, (_, index) => ({ questionId: 'q1', reportingUnit: 'A', value: from + index }));
      await store.openParticipation('survey-1', ['p1', 'p2'], {}, at);
      await store.writeBatch('survey-1', [{ personId: 'p1', answers: batch(0), texts: [{ questionId: 'q2', text: 'a' }] }], 1);
      await store.writeBatch('survey-1', [{ personId: 'p2', answers: batch(100), texts: [{ questionId: 'q2', text: 'b' }] }], 1);
      await store.reshuffle('survey-1');
      const values = (await store.answers('survey-1')).map((answer) => Number(answer.value));
      expect([...values].sort((a, b) => a - b)).toEqual([...batch(0), ...batch(100)].map((answer) => answer.value));
      expect(values.slice(0, 20).every((value) => value < 100)).toBe(false);
      expect((await store.texts('survey-1')).map((text) => text.text).sort()).toEqual(['a', 'b']);
    });

    it('drops people already marked as answered (first response wins) and holds a batch that falls below the minimum', async () => {
      const store = await create();
      await store.createSurvey(survey);
      await store.openParticipation('survey-1', ['p1', 'p2', 'p3', 'p4'], {}, at);
      const response = (personId: string, value: number) => ({
        personId,
        answers: [{ questionId: 'q1', reportingUnit: '', value }],
        texts: [],
      });
      expect(await store.writeBatch('survey-1', [response('p1', 1), response('p2', 2)], 2)).toEqual({
        kind: 'written',
        people: 2,
        duplicates: [],
      });
      expect(await store.writeBatch('survey-1', [response('p2', 5), response('p3', 3)], 2)).toEqual({ kind: 'held', duplicates: ['p2'] });
      expect(await store.hasAnswered('survey-1', 'p3')).toBe(false);
      expect(await store.writeBatch('survey-1', [response('p3', 3), response('p4', 4), response('p1', 5)], 2)).toEqual({
        kind: 'written',
        people: 2,
        duplicates: ['p1'],
      });
      expect(await store.participation('survey-1')).toEqual({ eligible: 4, answered: 4 });
      expect((await store.answers('survey-1')).map((answer) => answer.value).sort()).toEqual([1, 2, 3, 4]);
    });

    it('records each reminder round once', async () => {
      const store = await create();
      await store.createSurvey(survey);
      expect(await store.recordReminder('survey-1', 1, at)).toBe(true);
      expect(await store.recordReminder('survey-1', 1, later)).toBe(false);
      expect(await store.remindersSent('survey-1')).toBe(1);
    });

    it('counts a person whose response two replicas write at once once', async () => {
      const { a, b } = await open();
      await a.createSurvey(survey);
      await a.openParticipation('survey-1', ['p1', 'p2', 'p3', 'p4'], {}, at);
      const response = (personId: string, value: number) => ({
        personId,
        answers: [{ questionId: 'q1', reportingUnit: '', value }],
        texts: [],
      });
      const outcomes = await Promise.all([
        a.writeBatch('survey-1', [response('p1', 1), response('p2', 1), response('p3', 1)], 1),
        b.writeBatch('survey-1', [response('p3', 5), response('p4', 5), response('p2', 5)], 1),
      ]);
      const written = outcomes.reduce((sum, outcome) => sum + (outcome.kind === 'written' ? outcome.people : 0), 0);
      expect(written).toBe(4);
      expect(await b.participation('survey-1')).toEqual({ eligible: 4, answered: 4 });
      expect(await b.answers('survey-1')).toHaveLength(4);
    });
  });
}

const broadcast: Broadcast = {
  id: 'broadcast-1',
  state: 'draft',
  author: 'hr1',
  content: { title: 'Neu', text: 'Hallo', acknowledge: false },
  audience: { kind: 'all' },
  sendAt: at,
  createdAt: at,
};

/** The broadcast store contract: lifecycle compare-and-set (one winner across replicas) and topic subscriptions. */
export function runBroadcastStoreContract(name: string, available: boolean, open: TwoOf<BroadcastStore & Subscriptions>): void {
  describe.skipIf(!available)(`BroadcastStore contract: ${name}`, () => {
    it('changes state only from the expected state, once across two replicas', async () => {
      const { a, b } = await open();
      await a.createBroadcast(broadcast);
      await a.createBroadcast({ ...broadcast, id: 'broadcast-0', sendAt: '2026-11-30T08:00:00.000Z' });
      expect((await b.broadcasts()).map((entry) => entry.id)).toEqual(['broadcast-0', 'broadcast-1']);
      expect(await a.transition('broadcast-1', 'released', { state: 'sending' })).toBe(false);
      expect(await a.transition('broadcast-1', 'draft', { state: 'released', releasedBy: 'pr1', releasedAt: later })).toBe(true);
      const moves = await Promise.all([
        a.transition('broadcast-1', 'released', { state: 'sending' }),
        b.transition('broadcast-1', 'released', { state: 'sending' }),
      ]);
      expect(moves.filter(Boolean)).toHaveLength(1);
      expect(await b.broadcast('broadcast-1')).toMatchObject({ state: 'sending', releasedBy: 'pr1' });
      expect(await b.broadcast('nope')).toBeUndefined();
    });

    it('keeps one subscription per person and topic', async () => {
      const { a, b } = await open();
      await a.subscribe('p2', 'fortbildung');
      await b.subscribe('p1', 'fortbildung');
      await a.subscribe('p1', 'fortbildung');
      await a.subscribe('p1', 'gesundheit');
      expect(await b.subscribers('fortbildung')).toEqual(['p1', 'p2']);
      expect(await b.topicsOf('p1')).toEqual(['fortbildung', 'gesundheit']);
      await b.unsubscribe('p1', 'fortbildung');
      expect(await a.subscribers('fortbildung')).toEqual(['p2']);
    });
  });
}

/** The sample documents, for the stored-JSON cases of `hr-stores.contract.test.ts`. */
export { broadcast as sampleBroadcast, survey as sampleSurvey };
