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

function setup() {
  const store = new InMemorySurveys();
  const outbox = new InMemoryOutbox();
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  const surveys = createSurveyService({
    store, outbox, subscriptions: new InMemoryBroadcasts(), directory, policy: loadHrPolicy(join(root, 'policies')), clock, ids: new SequentialIds(), messages: loadHrMessages(), logger: silentLogger,
  });
  const created = surveys.create('hr1', {
    title: 'Puls', audience: { kind: 'units', units: ['D1'], includeSubunits: true }, opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-08T09:00:00Z',
    questions: [{ id: 'q1', type: 'scale', text: 'Wie geht es?', optional: false }, { id: 'q2', type: 'text', text: 'Was noch?', optional: true }],
  });
  if (created.kind !== 'ok') throw new Error('not created');
  const id = created.survey.id;
  expect(surveys.approve('pr1', id).kind).toBe('ok');
  expect(surveys.open(id)).toMatchObject({ kind: 'ok', invited: 18 });
  return { store, outbox, clock, surveys, id };
}

describe('survey service', () => {
  it('writes answers only in batches of k people, and the rest when the survey closes', () => {
    const { store, surveys, id } = setup();
    const people = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'b1'];
    people.forEach((person, index) => expect(surveys.submit(person, id, { q1: (index % 5) + 1, ...(index < 5 ? { q2: `Kommentar ${index}` } : {}) }).kind).toBe('stored'));
    expect(store.writes.map((write) => write.people.length)).toEqual([5]);
    expect(store.participation(id).answered).toBe(5);
    expect(surveys.submit('a7', id, { q1: 1 })).toMatchObject({ kind: 'ignored', reason: 'already_answered' });
    expect(surveys.nonParticipants(id)).not.toContain('a7');
    expect(surveys.close(id).kind).toBe('ok');
    expect(store.writes.map((write) => write.people.length)).toEqual([5, 3]);
    expect(store.reshuffles).toBe(1);
    expect(store.participation(id).answered).toBe(8);
  });

  it('shows free text only after review and only with k answers', () => {
    const { store, surveys, id } = setup();
    ['a1', 'a2', 'a3', 'a4', 'a5'].forEach((person) => surveys.submit(person, id, { q1: 3, q2: `Text von jemandem` }));
    surveys.close(id);
    const before = surveys.results(id);
    expect(before.kind === 'ok' && before.results.questions[1]!.texts).toEqual([]);
    store.markTextsReviewed(id, store.texts(id).slice(0, 2).map((text) => text.id));
    const after = surveys.results(id);
    expect(after.kind === 'ok' && after.results.questions[1]!.texts).toHaveLength(2);
  });

  it('ignores answers before the window, after it, and from people outside the audience', () => {
    const { surveys, clock, id } = setup();
    expect(surveys.submit('d1', id, { q1: 3 })).toMatchObject({ kind: 'ignored', reason: 'not_eligible' });
    clock.advance(8 * 86_400_000);
    expect(surveys.submit('a1', id, { q1: 3 })).toMatchObject({ kind: 'ignored', reason: 'not_open' });
    expect(surveys.openFor('a1')).toEqual([]);
  });

  it('keeps the buffer when a batch write fails, and writes it with the next response', () => {
    const { store, surveys, id } = setup();
    const write = store.writeBatch.bind(store);
    let failures = 1;
    store.writeBatch = (...args) => {
      if (failures-- > 0) throw new Error('database unreachable');
      return write(...args);
    };
    for (const person of ['a1', 'a2', 'a3', 'a4', 'a5']) expect(surveys.submit(person, id, { q1: 3 }).kind).toBe('stored');
    expect(surveys.pending()).toBe(5);
    expect(surveys.submit('a6', id, { q1: 3 }).kind).toBe('stored');
    expect(surveys.pending()).toBe(0);
    expect(store.writes.map((entry) => entry.people.length)).toEqual([6]);
  });

  it('refuses edits once approved and versions instead', () => {
    const { surveys, id } = setup();
    const draft = { title: 'Puls 2', audience: { kind: 'all' as const }, opensAt: '2026-12-02T09:00:00Z', closesAt: '2026-12-09T09:00:00Z', questions: [{ id: 'q1', type: 'scale' as const, text: 'Wie geht es?', optional: false }] };
    expect(surveys.edit('hr1', id, draft)).toMatchObject({ kind: 'refused', reason: 'locked' });
    expect(surveys.revise('hr1', id, draft)).toMatchObject({ kind: 'ok', survey: { version: 2, supersedes: id, state: 'draft' } });
    expect(surveys.revise('a1', id, draft)).toMatchObject({ kind: 'refused', reason: 'not_hr' });
  });
});
