import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTeamsActivity, stripBotMention } from '../../../../../bot/adapters/channels/teams/teams-activity.ts';

const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../../fixtures/teams', `${name}.json`), 'utf8')) as Record<string, unknown>;

describe('readTeamsActivity', () => {
  it('reads a personal message as a question with the Entra object id', () => {
    const read = readTeamsActivity(load('message-personal'));
    expect(read).toMatchObject({
      ok: true,
      inbound: {
        kind: 'question',
        text: 'Wie beantrage ich mobiles Arbeiten?',
        user: { aadObjectId: '7d8f0a3e-1111-4c2b-9a1e-000000000001' },
        conversation: { kind: 'personal', tenantId: '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa' },
      },
    });
  });

  it('strips the bot mention in a channel and ignores channel messages without it', () => {
    expect(readTeamsActivity(load('message-channel-mention'))).toMatchObject({
      ok: true,
      inbound: { kind: 'question', text: 'Wie beantrage ich mobiles Arbeiten?', conversation: { kind: 'channel' } },
    });
    expect(readTeamsActivity({ ...load('message-channel-mention'), entities: [] })).toMatchObject({
      ok: true,
      inbound: { kind: 'ignored' },
    });
  });

  it('reads group chat messages (Teams delivers them to the bot only when it is mentioned)', () => {
    const group = {
      ...load('message-channel-mention'),
      conversation: { conversationType: 'groupChat', isGroup: true, id: '19:group@thread.v2' },
    };
    expect(readTeamsActivity(group)).toMatchObject({
      ok: true,
      inbound: {
        kind: 'question',
        text: 'Wie beantrage ich mobiles Arbeiten?',
        conversation: { kind: 'groupChat', id: '19:group@thread.v2' },
      },
    });
  });

  it('classifies card actions, installs, bot added and unknown types', () => {
    expect(readTeamsActivity(load('invoke-adaptive-card-action'))).toMatchObject({
      ok: true,
      inbound: { kind: 'card-action', fromInvoke: true },
    });
    expect(readTeamsActivity({ ...load('message-personal'), text: undefined, value: { lotse: 'feedback' } })).toMatchObject({
      ok: true,
      inbound: { kind: 'card-action', fromInvoke: false },
    });
    expect(readTeamsActivity(load('installation-update'))).toMatchObject({ ok: true, inbound: { kind: 'installed' } });
    expect(readTeamsActivity({ ...load('installation-update'), action: 'remove' })).toMatchObject({
      ok: true,
      inbound: { kind: 'uninstalled' },
    });
    expect(readTeamsActivity(load('conversation-update'))).toMatchObject({ ok: true, inbound: { kind: 'bot-added' } });
    expect(readTeamsActivity({ ...load('message-personal'), type: 'messageReaction' })).toMatchObject({
      ok: true,
      inbound: { kind: 'ignored', invoke: false },
    });
    expect(readTeamsActivity({ ...load('invoke-adaptive-card-action'), name: 'composeExtension/query' })).toMatchObject({
      ok: true,
      inbound: { kind: 'ignored', invoke: true },
    });
  });

  it('reports missing fields instead of throwing', () => {
    const { from: _from, ...withoutSender } = load('message-personal');
    expect(readTeamsActivity(withoutSender)).toMatchObject({ ok: false, problem: expect.stringContaining('from') });
    expect(readTeamsActivity(null)).toMatchObject({ ok: false });
  });
});

describe('stripBotMention', () => {
  it('removes mention texts and left-over <at> markup', () => {
    expect(stripBotMention('<at>lotse</at>  Frage <at>Andere</at>?', [{ text: '<at>lotse</at>' }])).toBe('Frage ?');
  });
});
