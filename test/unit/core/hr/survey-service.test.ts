import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import { createSurveyService } from '../../../../bot/core/hr/survey-service.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadHrPolicy } from '../../../../policies/load-broadcasts.ts';
import { loadHrMessages } from '../../../../prompts/load-hr-messages.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { InMemoryBroadcasts, InMemoryOutbox, InMemorySurveys } from '../../../fakes/in-memory-hr-stores.ts';

const root = join(import.meta.dirname, '../../../..');
const directory = loadDirectory(join(root, 'test/fixtures/hr/directory.yaml'));

async function setup() {
  const store = new InMemorySurveys();
  const outbox = new InMemoryOutbox();
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  const surveys = createSurveyService({
    store,
    outbox,
    subscriptions: new InMemoryBroadcasts(),
    directory,
    policy: loadHrPolicy(join(root, 'policies')),
    clock,
    ids: new SequentialIds(),
    messages: loadHrMessages(),
    logger: silentLogger,
  });
  const created = await surveys.create('hr1', {
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
  expect((await surveys.approve('pr1', id)).kind).toBe('ok');
  expect(await surveys.open(id)).toMatchObject({ kind: 'ok', invited: 18 });
  return { store, outbox, clock, surveys, id };
}

describe('survey service', () => {
  it('writes answers only in batches of k people, and the rest when the survey closes', async () => {
    const { store, surveys, id } = await setup();
    const people = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'b1'];
    for (const [index, person] of people.entries())
      expect((await surveys.submit(person, id, { q1: (index % 5) + 1, ...(index < 5 ? { q2: `Kommentar ${index}` } : {}) })).kind).toBe(
        'stored',
      );
    expect(store.writes.map((write) => write.people.length)).toEqual([5]);
    expect((await store.participation(id)).answered).toBe(5);
    expect(await surveys.submit('a7', id, { q1: 1 })).toMatchObject({ kind: 'ignored', reason: 'already_answered' });
    expect(await surveys.nonParticipants(id)).not.toContain('a7');
    expect((await surveys.close(id)).kind).toBe('ok');
    expect(store.writes.map((write) => write.people.length)).toEqual([5, 3]);
    expect(store.reshuffles).toBe(1);
    expect((await store.participation(id)).answered).toBe(8);
  });

  it('shows free text only after review and only with k answers', async () => {
    const { store, surveys, id } = await setup();
    for (const person of ['a1', 'a2', 'a3', 'a4', 'a5']) await surveys.submit(person, id, { q1: 3, q2: `Text von jemandem` });
    await surveys.close(id);
    const before = await surveys.results(id);
    expect(before.kind === 'ok' && before.results.questions[1]!.texts).toEqual([]);
    await store.markTextsReviewed(
      id,
      (await store.texts(id)).slice(0, 2).map((text) => text.id),
    );
    const after = await surveys.results(id);
    expect(after.kind === 'ok' && after.results.questions[1]!.texts).toHaveLength(2);
  });

  it('ignores answers before the window, after it, and from people outside the audience', async () => {
    const { surveys, clock, id } = await setup();
    expect(await surveys.submit('d1', id, { q1: 3 })).toMatchObject({ kind: 'ignored', reason: 'not_eligible' });
    clock.advance(8 * 86_400_000);
    expect(await surveys.submit('a1', id, { q1: 3 })).toMatchObject({ kind: 'ignored', reason: 'not_open' });
    expect(await surveys.openFor('a1')).toEqual([]);
  });

  it('keeps the buffer when a batch write fails, and writes it with the next response', async () => {
    const { store, surveys, id } = await setup();
    const write = store.writeBatch.bind(store);
    let failures = 1;
    store.writeBatch = async (...args) => {
      if (failures-- > 0) throw new Error('database unreachable');
      return write(...args);
    };
    for (const person of ['a1', 'a2', 'a3', 'a4', 'a5']) expect((await surveys.submit(person, id, { q1: 3 })).kind).toBe('stored');
    expect(surveys.pending()).toBe(5);
    expect((await surveys.submit('a6', id, { q1: 3 })).kind).toBe('stored');
    expect(surveys.pending()).toBe(0);
    expect(store.writes.map((entry) => entry.people.length)).toEqual([6]);
  });

  it('buffers a person once when two submissions arrive at once, and loses no response that arrives during a batch write', async () => {
    const { store, surveys, id } = await setup();
    const twice = await Promise.all([surveys.submit('a1', id, { q1: 3 }), surveys.submit('a1', id, { q1: 4 })]);
    expect(twice.map((result) => result.kind).sort()).toEqual(['ignored', 'stored']);
    const people = ['a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'b1', 'b2', 'b3', 'b4'];
    const results = await Promise.all(people.map((person) => surveys.submit(person, id, { q1: 2 })));
    expect(results.every((result) => result.kind === 'stored')).toBe(true);
    const written = store.writes.flatMap((write) => write.people);
    expect(written.every((person) => store.writes.filter((write) => write.people.includes(person)).length === 1)).toBe(true);
    expect(written.length + surveys.pending()).toBe(11);
    expect(store.writes.every((write) => write.people.length >= 5)).toBe(true);
    expect((await store.participation(id)).answered).toBe(written.length);
  });

  it('refuses edits once approved and versions instead', async () => {
    const { surveys, id } = await setup();
    const draft = {
      title: 'Puls 2',
      audience: { kind: 'all' as const },
      opensAt: '2026-12-02T09:00:00Z',
      closesAt: '2026-12-09T09:00:00Z',
      questions: [{ id: 'q1', type: 'scale' as const, text: 'Wie geht es?', optional: false }],
    };
    expect(await surveys.edit('hr1', id, draft)).toMatchObject({ kind: 'refused', reason: 'locked' });
    expect(await surveys.revise('hr1', id, draft)).toMatchObject({ kind: 'ok', survey: { version: 2, supersedes: id, state: 'draft' } });
    expect(await surveys.revise('a1', id, draft)).toMatchObject({ kind: 'refused', reason: 'not_hr' });
  });
});
