/**
 * Two replicas of the survey service on one database (SQLite, and a real PostgreSQL): each buffers
 * responses in its own memory; a person who answered on both is counted once (first written wins, the
 * other response is dropped), a batch that a dropped duplicate would shrink below k stays buffered, and
 * at close every replica writes its remaining buffer. Answers always equal participants.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../bot/adapters/directory/load-directory.ts';
import type { SqlDatabase } from '../../bot/adapters/storage/sql-database.ts';
import { createChannelRouter } from '../../bot/app/channel-router.ts';
import { createHr } from '../../bot/app/create-hr.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { loadHrPolicy } from '../../policies/load-broadcasts.ts';
import { FixedClock, SequentialIds } from '../fakes/fixed-clock.ts';
import { useBackends } from './backends.ts';

const root = join(import.meta.dirname, '../..');
const directory = loadDirectory(join(root, 'test/fixtures/hr/directory.yaml'));
const policy = loadHrPolicy(join(root, 'policies'));

function replica(database: SqlDatabase, clock: FixedClock) {
  const channels = createChannelRouter({ send: async () => ({ kind: 'delivered' as const }) }, silentLogger);
  const hr = createHr({ database, directory, channels, clock, ids: new SequentialIds(), logger: silentLogger, policiesDir: join(root, 'policies') });
  return { store: hr.surveyStore, surveys: hr.surveys, jobs: hr.jobs };
}

async function twoReplicas(open: () => Promise<{ database: SqlDatabase; second: () => SqlDatabase }>) {
  const { database, second } = await open();
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  const a = replica(database, clock);
  const b = replica(second(), clock);
  const created = a.surveys.create('hr1', {
    title: 'Puls', audience: { kind: 'units', units: ['D1'], includeSubunits: true }, opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-08T09:00:00Z',
    questions: [{ id: 'q1', type: 'scale', text: 'Wie geht es?', optional: false }, { id: 'q2', type: 'text', text: 'Was noch?', optional: true }],
  });
  if (created.kind !== 'ok') throw new Error('not created');
  const id = created.survey.id;
  expect(a.surveys.approve('pr1', id).kind).toBe('ok');
  expect(a.surveys.open(id)).toMatchObject({ kind: 'ok' });
  return { a, b, id };
}

for (const backend of useBackends()) {
  describe.skipIf(!backend.available)(`survey intake on two replicas (${backend.name})`, () => {
    it('counts a person who answered on both replicas once; first written response wins', async () => {
      const { a, b, id } = await twoReplicas(() => backend.fresh());
      expect(policy.k).toBe(5);
      for (const person of ['a1', 'a2', 'a3', 'a4']) expect(b.surveys.submit(person, id, { q1: 1, q2: `nur B ${person}` }).kind).toBe('stored');
      for (const person of ['a1', 'a2', 'b1', 'b2']) expect(a.surveys.submit(person, id, { q1: 5 }).kind).toBe('stored');
      // The fifth response on A writes A's batch (a1, a2 are still only buffered on B).
      expect(a.surveys.submit('b3', id, { q1: 5 }).kind).toBe('stored');
      expect(a.store.participation(id)).toEqual({ eligible: 18, answered: 5 });
      expect(a.surveys.pending()).toBe(0);
      // B's fifth response: a1 and a2 were already counted via A, so only 3 remain — below k, nothing is written.
      expect(b.surveys.submit('a5', id, { q1: 1 }).kind).toBe('stored');
      expect(b.store.participation(id).answered).toBe(5);
      expect(b.surveys.pending()).toBe(3);
      expect(b.store.nonParticipants(id)).toEqual(expect.arrayContaining(['a3', 'a4', 'a5']));
      expect(b.surveys.submit('a1', id, { q1: 1 })).toMatchObject({ kind: 'ignored', reason: 'already_answered' });
      for (const person of ['a6', 'a7']) b.surveys.submit(person, id, { q1: 1 });
      expect(b.store.participation(id).answered).toBe(10);
      const answers = b.store.answers(id).map((answer) => answer.value);
      expect(answers).toHaveLength(10);
      expect(answers.filter((value) => value === 5)).toHaveLength(5);
      expect(b.store.texts(id).map((text) => text.text).sort()).toEqual(['nur B a3', 'nur B a4']);
    });

    it('writes every replica’s remaining buffer once its job tick sees the survey closed', async () => {
      const { a, b, id } = await twoReplicas(() => backend.fresh());
      for (const person of ['a1', 'a2']) a.surveys.submit(person, id, { q1: 2 });
      for (const person of ['b1', 'b2', 'b3', 'a1']) b.surveys.submit(person, id, { q1: 4 });
      expect(a.store.participation(id).answered).toBe(0);
      expect(a.surveys.close(id).kind).toBe('ok');
      expect(a.store.participation(id).answered).toBe(2);
      expect(await b.jobs.runDue()).toMatchObject({ kind: 'done' });
      expect(await b.jobs.runDue()).toMatchObject({ kind: 'done' });
      expect(b.surveys.pending()).toBe(0);
      expect(b.store.participation(id)).toEqual({ eligible: 18, answered: 5 });
      expect(b.store.answers(id).map((answer) => answer.value).sort()).toEqual([2, 2, 4, 4, 4]);
      expect(b.surveys.submit('c1', id, { q1: 3 })).toMatchObject({ kind: 'ignored', reason: 'not_open' });
    });
  });
}
