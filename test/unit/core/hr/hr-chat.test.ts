import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import { createHrChat } from '../../../../bot/core/hr/hr-chat.ts';
import { createSurveyService } from '../../../../bot/core/hr/survey-service.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadHrPolicy } from '../../../../policies/load-broadcasts.ts';
import { loadHrMessages } from '../../../../prompts/load-hr-messages.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { InMemoryBroadcasts, InMemoryOutbox, InMemorySurveys } from '../../../fakes/in-memory-hr-stores.ts';

const root = join(import.meta.dirname, '../../../..');

function setup() {
  const policy = loadHrPolicy(join(root, 'policies'));
  const messages = loadHrMessages();
  const subscriptions = new InMemoryBroadcasts();
  const outbox = new InMemoryOutbox();
  const store = new InMemorySurveys();
  const acknowledged: string[] = [];
  const surveys = createSurveyService({
    store, outbox, subscriptions, directory: loadDirectory(join(root, 'test/fixtures/hr/directory.yaml')), policy,
    clock: new FixedClock(new Date('2026-12-01T10:00:00Z')), ids: new SequentialIds(), messages, logger: silentLogger,
  });
  const chat = createHrChat({ surveys, subscriptions, outbox, acknowledge: (personId, job) => Boolean(acknowledged.push(`${personId}:${job}`)), policy, messages });
  return { chat, surveys, store, outbox, subscriptions, acknowledged };
}

describe('HR chat', () => {
  it('leaves other messages to the answer pipeline', () => {
    expect(setup().chat.handle('a1', 'Wie beantrage ich Urlaub?')).toBeUndefined();
  });

  it('lists, subscribes and unsubscribes topics', () => {
    const { chat, subscriptions } = setup();
    expect(chat.handle('a1', 'Newsletter abonnieren Fortbildung')).toContain('„Fortbildung“');
    expect(subscriptions.subscribers('fortbildung')).toEqual(['a1']);
    expect(chat.handle('a1', 'newsletter')).toContain('✓ fortbildung');
    expect(chat.handle('a1', 'Newsletter abbestellen fortbildung')).toContain('keine Nachrichten mehr');
    expect(subscriptions.subscribers('fortbildung')).toEqual([]);
  });

  it('cancels a survey without storing anything, and can start again', () => {
    const { chat, surveys, store } = setup();
    const created = surveys.create('hr1', { title: 'Puls', audience: { kind: 'all' }, opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-08T09:00:00Z', questions: [{ id: 'q1', type: 'scale', text: 'Wie geht es?', optional: false }, { id: 'q2', type: 'scale', text: 'Und sonst?', optional: false }] });
    if (created.kind !== 'ok') throw new Error('not created');
    surveys.approve('pr1', created.survey.id);
    surveys.open(created.survey.id);
    expect(chat.handle('a1', 'Umfrage')).toContain('Frage 1 von 2');
    expect(chat.inDialog('a1')).toBe(true);
    expect(chat.handle('a1', '4')).toContain('Frage 2 von 2');
    expect(chat.handle('a1', 'abbrechen')).toContain('nichts gespeichert');
    expect(chat.inDialog('a1')).toBe(false);
    expect(store.writes).toEqual([]);
    expect(chat.handle('a1', 'Umfrage')).toContain('Frage 1 von 2');
    chat.handle('a1', '4');
    expect(chat.handle('a1', '2')).toContain('Vielen Dank');
    expect(surveys.openFor('a1')).toEqual([]);
  });

  it('acknowledges the newest broadcast that asks for it', () => {
    const { chat, outbox, acknowledged } = setup();
    expect(chat.handle('b1', 'zur Kenntnis genommen')).toContain('keine Nachricht');
    outbox.enqueue('broadcast:x', { kind: 'broadcast', text: 'Bitte lesen', acknowledgeJob: 'broadcast:x' }, ['b1'], '2026-12-01T10:00:00Z');
    for (const entry of outbox.claim('2026-12-01T10:00:00Z', 10)) outbox.markSent(entry.job, entry.personId, '2026-12-01T10:00:00Z');
    expect(chat.handle('b1', 'Zur Kenntnis genommen.')).toContain('vermerkt');
    expect(acknowledged).toEqual(['b1:broadcast:x']);
  });
});
