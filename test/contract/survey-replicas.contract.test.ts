/**
 * Two replicas of the survey service on one database (SQLite, and a real PostgreSQL): each buffers
 * responses in its own memory; a person who answered on both is counted once (first written wins, the
 * other response is dropped), a batch that a dropped duplicate would shrink below k stays buffered, and
 * at close every replica writes its remaining buffer. Answers always equal participants.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../bot/adapters/directory/load-directory.ts';
import type { StoreDatabase } from '../../bot/adapters/sql/store-database.ts';
import { createChannelRouter } from '../../bot/app/channel-router.ts';
import { createHr } from '../../bot/app/create-hr.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { loadHrPolicy } from '../../policies/load-broadcasts.ts';
import { FixedClock, SequentialIds } from '../fakes/fixed-clock.ts';
import { useBackends } from './backends.ts';

const root = join(import.meta.dirname, '../..');
const directory = loadDirectory(join(root, 'test/fixtures/hr/directory.yaml'));
const policy = loadHrPolicy(join(root, 'policies'));

function replica(store: StoreDatabase, clock: FixedClock) {
  const channels = createChannelRouter({ send: async () => ({ kind: 'delivered' as const }) }, silentLogger);
  const hr = createHr({
    store,
    directory,
    channels,
    clock,
    ids: new SequentialIds(),
    logger: silentLogger,
    policiesDir: join(root, 'policies'),
  });
  return { store: hr.surveyStore, surveys: hr.surveys, jobs: hr.jobs };
}

async function twoReplicas(open: () => Promise<{ store: StoreDatabase; secondStore: () => Promise<StoreDatabase> }>) {
  const { store, secondStore } = await open();
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  const a = replica(store, clock);
  const b = replica(await secondStore(), clock);
  const created = await a.surveys.create('hr1', {
    title: 'Puls',
    audience: { kind: 'units', units: ['D1'], includeSubunits: true },
    opensAt: '2026-12-01T09:00:00Z',
    closesAt: '2026-12-08T09:00:00Z',
    questions: [
      { id: 'q1', type: 'scale', text: 'Wie geht es?', optional: false },
      { id: 'q2', type: 'text', text: 'Was noch?', optional: true },
    ],
  });
  if (created.kind !== 'ok') throw new Error('not created');
  const id = created.survey.id;
  expect((await a.surveys.approve('pr1', id)).kind).toBe('ok');
  expect(await a.surveys.open(id)).toMatchObject({ kind: 'ok' });
  return { a, b, id };
}

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`survey intake on two replicas (${backend.name})`, () => {
    it('counts a person who answered on both replicas once; first written response wins', async () => {
      const { a, b, id } = await twoReplicas(() => backend.fresh());
      expect(policy.k).toBe(5);
      for (const person of ['a1', 'a2', 'a3', 'a4'])
        expect((await b.surveys.submit(person, id, { q1: 1, q2: `nur B ${person}` })).kind).toBe('stored');
      for (const person of ['a1', 'a2', 'b1', 'b2']) expect((await a.surveys.submit(person, id, { q1: 5 })).kind).toBe('stored');
      // The fifth response on A writes A's batch (a1, a2 are still only buffered on B).
      expect((await a.surveys.submit('b3', id, { q1: 5 })).kind).toBe('stored');
      expect(await a.store.participation(id)).toEqual({ eligible: 18, answered: 5 });
      expect(a.surveys.pending()).toBe(0);
      // B's fifth response: a1 and a2 were already counted via A, so only 3 remain — below k, nothing is written.
      expect((await b.surveys.submit('a5', id, { q1: 1 })).kind).toBe('stored');
      expect((await b.store.participation(id)).answered).toBe(5);
      expect(b.surveys.pending()).toBe(3);
      expect(await b.store.nonParticipants(id)).toEqual(expect.arrayContaining(['a3', 'a4', 'a5']));
      expect(await b.surveys.submit('a1', id, { q1: 1 })).toMatchObject({ kind: 'ignored', reason: 'already_answered' });
      for (const person of ['a6', 'a7']) await b.surveys.submit(person, id, { q1: 1 });
      expect((await b.store.participation(id)).answered).toBe(10);
      const answers = (await b.store.answers(id)).map((answer) => answer.value);
      expect(answers).toHaveLength(10);
      expect(answers.filter((value) => value === 5)).toHaveLength(5);
      expect((await b.store.texts(id)).map((text) => text.text).sort()).toEqual(['nur B a3', 'nur B a4']);
    });

    it('writes every replica’s remaining buffer once its job tick sees the survey closed', async () => {
      const { a, b, id } = await twoReplicas(() => backend.fresh());
      for (const person of ['a1', 'a2']) await a.surveys.submit(person, id, { q1: 2 });
      for (const person of ['b1', 'b2', 'b3', 'a1']) await b.surveys.submit(person, id, { q1: 4 });
      expect((await a.store.participation(id)).answered).toBe(0);
      expect((await a.surveys.close(id)).kind).toBe('ok');
      expect((await a.store.participation(id)).answered).toBe(2);
      expect(await b.jobs.runDue()).toMatchObject({ kind: 'done' });
      expect(await b.jobs.runDue()).toMatchObject({ kind: 'done' });
      expect(b.surveys.pending()).toBe(0);
      expect(await b.store.participation(id)).toEqual({ eligible: 18, answered: 5 });
      expect((await b.store.answers(id)).map((answer) => answer.value).sort()).toEqual([2, 2, 4, 4, 4]);
      expect(await b.surveys.submit('c1', id, { q1: 3 })).toMatchObject({ kind: 'ignored', reason: 'not_open' });
    });
  });
}
