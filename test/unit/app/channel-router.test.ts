import { describe, expect, it } from 'vitest';
import { createChannelRouter, type ChannelEndpoint } from '../../../bot/app/channel-router.ts';
import type { DeliveryResult, OutboundMessage, Recipient } from '../../../bot/ports/channel-sender.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';

function recorder(result: DeliveryResult | Error, reaches: readonly string[] = []) {
  const sent: Recipient[] = [];
  const endpoint: ChannelEndpoint = {
    reaches: (personId) => reaches.includes(personId),
    send: async (recipient) => {
      sent.push(recipient);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { endpoint, sent };
}

const message: OutboundMessage = { kind: 'notice', text: 'Hallo' };
const conversation = (channel: 'web' | 'xmpp'): Recipient => ({
  kind: 'conversation',
  userId: 'u1',
  reference: { channel, conversationId: 'c1' },
});

describe('channel router', () => {
  it('sends a conversation message back to the channel it came from', async () => {
    const inbox = recorder({ kind: 'delivered' });
    const xmpp = recorder({ kind: 'delivered' });
    const router = createChannelRouter(inbox.endpoint, silentLogger);
    router.register('xmpp', xmpp.endpoint);
    expect(await router.send(conversation('xmpp'), message)).toEqual({ kind: 'delivered' });
    expect(xmpp.sent).toHaveLength(1);
    expect(inbox.sent).toHaveLength(0);
  });

  it('falls back to the inbox when the channel is not registered or fails', async () => {
    const inbox = recorder({ kind: 'delivered' });
    const broken = recorder(new Error('offline'));
    const router = createChannelRouter(inbox.endpoint, silentLogger);
    expect((await router.send(conversation('xmpp'), message)).kind).toBe('delivered');
    const unregister = router.register('xmpp', broken.endpoint);
    expect((await router.send(conversation('xmpp'), message)).kind).toBe('delivered');
    expect(broken.sent).toHaveLength(1);
    expect(inbox.sent).toHaveLength(2);
    unregister();
    expect(router.channels()).toEqual([]);
  });

  it('reaches a person on the first channel that knows them, else the inbox', async () => {
    const inbox = recorder({ kind: 'queued' });
    const teams = recorder({ kind: 'undeliverable', reason: 'no reference' }, ['p1']);
    const xmpp = recorder({ kind: 'delivered' }, ['p1', 'p2']);
    const router = createChannelRouter(inbox.endpoint, silentLogger);
    router.register('teams', teams.endpoint);
    router.register('xmpp', xmpp.endpoint);
    expect(await router.send({ kind: 'person', personId: 'p1' }, message)).toEqual({ kind: 'delivered' });
    expect(teams.sent).toHaveLength(1);
    expect(await router.send({ kind: 'person', personId: 'p3' }, message)).toEqual({ kind: 'queued' });
    expect(xmpp.sent).toHaveLength(1);
    expect(inbox.sent).toHaveLength(1);
  });
});
