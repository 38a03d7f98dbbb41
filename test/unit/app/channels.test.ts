import { describe, expect, it } from 'vitest';
import {
  channelDrains,
  channelGauges,
  channelPlugins,
  createChannels,
  registerQueuedChannels,
  startChannels,
  stopChannels,
  type ChannelHost,
  type ChannelPluginFactory,
} from '../../../bot/app/channels.ts';
import { createChannelRouter } from '../../../bot/app/channel-router.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import type { ChannelPlugin } from '../../../bot/ports/channel-plugin.ts';

function fakeChannel(name: string, calls: string[], options: { failStart?: boolean; failStop?: boolean } = {}): ChannelPlugin {
  return {
    name,
    start: async () => {
      calls.push(`start ${name}`);
      if (options.failStart) throw new Error(`${name} login rejected`);
    },
    gauges: () => ({ [`${name}_outbox_pending`]: async () => name.length }),
    drainTargets: () => [{ name, drain: async () => 0, remaining: () => 0 }],
    stop: async () => {
      calls.push(`stop ${name}`);
      if (options.failStop) throw new Error(`${name} stop failed`);
    },
  };
}

const unconfigured = { config: { teams: { enabled: false }, xmpp: undefined }, logger: {} } as unknown as ChannelHost;

describe('the channel registration list', () => {
  it('builds no built-in channel that is not configured; extra factories are added in order', () => {
    const calls: string[] = [];
    const extra: ChannelPluginFactory = () => fakeChannel('echo', calls);
    expect(createChannels(unconfigured)).toEqual([]);
    expect(createChannels(unconfigured, [...channelPlugins, extra, () => undefined]).map((channel) => channel.name)).toEqual(['echo']);
  });

  it('starts in order, stops in reverse order, and collects gauges and drain targets', async () => {
    const calls: string[] = [];
    const channels = [fakeChannel('xmpp', calls), fakeChannel('teams', calls)];
    await startChannels(channels);
    expect(Object.keys(channelGauges(channels))).toEqual(['xmpp_outbox_pending', 'teams_outbox_pending']);
    expect(await channelGauges(channels).teams_outbox_pending!()).toBe(5);
    expect(channelDrains(channels).map((target) => target.name)).toEqual(['xmpp', 'teams']);
    await stopChannels(channels);
    expect(calls).toEqual(['start xmpp', 'start teams', 'stop teams', 'stop xmpp']);
  });

  it('stops the channels already started when one fails to start, and rethrows', async () => {
    const calls: string[] = [];
    await expect(
      startChannels([fakeChannel('a', calls), fakeChannel('b', calls, { failStart: true }), fakeChannel('c', calls)]),
    ).rejects.toThrow('b login rejected');
    expect(calls).toEqual(['start a', 'start b', 'stop a']);
  });

  it('stops every channel even when one stop fails, then reports the failure', async () => {
    const calls: string[] = [];
    await expect(stopChannels([fakeChannel('a', calls), fakeChannel('b', calls, { failStop: true })])).rejects.toThrow('b stop failed');
    expect(calls).toEqual(['stop b', 'stop a']);
  });

  it('registers the queue-only endpoints of the list in list order for the CLI, and unregisters them', async () => {
    const channels = createChannelRouter({ send: async () => ({ kind: 'queued' }) }, silentLogger);
    const host = { ...(unconfigured as object), channels } as unknown as ChannelHost;
    const queued = (name: string): ChannelPluginFactory =>
      Object.assign(() => undefined, {
        queueOnly: async () => ({ name, endpoint: { reaches: () => true, send: async () => ({ kind: 'queued' as const }) } }),
      });
    expect(channelPlugins.every((factory) => factory.queueOnly !== undefined)).toBe(true);
    const unregister = await registerQueuedChannels(host, [queued('xmpp'), () => undefined, queued('teams')]);
    expect(channels.channels()).toEqual(['xmpp', 'teams']);
    expect(channels.channelFor('p1')).toBe('xmpp');
    unregister();
    expect(channels.channels()).toEqual([]);
  });
});
