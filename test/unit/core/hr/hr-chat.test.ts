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
    store,
    outbox,
    subscriptions,
    directory: loadDirectory(join(root, 'test/fixtures/hr/directory.yaml')),
    policy,
    clock: new FixedClock(new Date('2026-12-01T10:00:00Z')),
    ids: new SequentialIds(),
    messages,
    logger: silentLogger,
  });
  const chat = createHrChat({
    surveys,
    subscriptions,
    outbox,
    acknowledge: async (personId, job) => Boolean(acknowledged.push(`${personId}:${job}`)),
    policy,
    messages,
  });
  return { chat, surveys, store, outbox, subscriptions, acknowledged };
}

describe('HR chat', () => {
  it('leaves other messages to the answer pipeline', async () => {
    expect(await setup().chat.handle('a1', 'Wie beantrage ich Urlaub?')).toBeUndefined();
  });

  it('lists, subscribes and unsubscribes topics', async () => {
    const { chat, subscriptions } = setup();
    expect(await chat.handle('a1', 'Newsletter abonnieren Fortbildung')).toContain('„Fortbildung“');
    expect(await subscriptions.subscribers('fortbildung')).toEqual(['a1']);
    expect(await chat.handle('a1', 'newsletter')).toContain('✓ fortbildung');
    expect(await chat.handle('a1', 'Newsletter abbestellen fortbildung')).toContain('keine Nachrichten mehr');
    expect(await subscriptions.subscribers('fortbildung')).toEqual([]);
  });

  it('cancels a survey without storing anything, and can start again', async () => {
    const { chat, surveys, store } = setup();
    const created = await surveys.create('hr1', {
      title: 'Puls',
      audience: { kind: 'all' },
      opensAt: '2026-12-01T09:00:00Z',
      closesAt: '2026-12-08T09:00:00Z',
      questions: [
        { id: 'q1', type: 'scale', text: 'Wie geht es?', optional: false },
        { id: 'q2', type: 'scale', text: 'Und sonst?', optional: false },
      ],
    });
    if (created.kind !== 'ok') throw new Error('not created');
    await surveys.approve('pr1', created.survey.id);
    await surveys.open(created.survey.id);
    expect(await chat.handle('a1', 'Umfrage')).toContain('Frage 1 von 2');
    expect(chat.inDialog('a1')).toBe(true);
    expect(await chat.handle('a1', '4')).toContain('Frage 2 von 2');
    expect(await chat.handle('a1', 'abbrechen')).toContain('nichts gespeichert');
    expect(chat.inDialog('a1')).toBe(false);
    expect(store.writes).toEqual([]);
    expect(await chat.handle('a1', 'Umfrage')).toContain('Frage 1 von 2');
    await chat.handle('a1', '4');
    expect(await chat.handle('a1', '2')).toContain('Vielen Dank');
    expect(await surveys.openFor('a1')).toEqual([]);
  });

  it('acknowledges the newest broadcast that asks for it', async () => {
    const { chat, outbox, acknowledged } = setup();
    expect(await chat.handle('b1', 'zur Kenntnis genommen')).toContain('keine Nachricht');
    await outbox.enqueue(
      'broadcast:x',
      { kind: 'broadcast', text: 'Bitte lesen', acknowledgeJob: 'broadcast:x' },
      ['b1'],
      '2026-12-01T10:00:00Z',
    );
    for (const entry of await outbox.claim('2026-12-01T10:00:00Z', 10))
      await outbox.markSent(entry.job, entry.personId, '2026-12-01T10:00:00Z');
    expect(await chat.handle('b1', 'Zur Kenntnis genommen.')).toContain('vermerkt');
    expect(acknowledged).toEqual(['b1:broadcast:x']);
  });
});
