/**
 * Issue #20, item 4 ("Done when"): a toy echo channel (test/fixtures/echo-channel/) is added through the one
 * registration list `serve` uses (`createChannels` with an extra factory) and touches nothing in `bot/`. A message
 * through it reaches the core and the answer comes back; a proactive message goes out through its endpoint; the
 * graceful shutdown drains its outbox and stops it, like `serve` does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelDrains,
  channelGauges,
  channelHostOf,
  channelPlugins,
  createChannels,
  startChannels,
  stopChannels,
} from '../../../bot/app/channels.ts';
import { gracefulShutdown } from '../../../bot/app/graceful-shutdown.ts';
import type { ChannelPlugin } from '../../../bot/ports/channel-plugin.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { createEchoChannel } from '../../fixtures/echo-channel/echo-plugin.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

describe('a channel plugin added through the registration list (echo)', () => {
  let app: RunningApp;
  let closed = false;
  const echo = createEchoChannel(['p-echo']);
  let channels: readonly ChannelPlugin[];

  beforeAll(async () => {
    app = await startRealApp();
    // What serve does: the built-in list (Teams and Jabber are not configured here) plus the test's channel.
    channels = createChannels(channelHostOf(app.lotse, silentLogger), [...channelPlugins, echo.factory]);
    await startChannels(channels);
    channels.forEach((channel) => channel.registerRoutes?.({} as Parameters<NonNullable<ChannelPlugin['registerRoutes']>>[0]));
  }, 120_000);

  afterAll(async () => {
    if (!closed) await app.close();
  });

  it('runs only the configured channels, the echo channel among them, registered with the router', () => {
    expect(channels.map((channel) => channel.name)).toEqual(['echo']);
    expect(echo.calls).toEqual(['start', 'routes']);
    expect(app.lotse.channels.channels()).toContain('echo');
    expect(app.lotse.channels.channelFor('p-echo')).toBe('echo');
  });

  it('hands a message to the core and renders the answer back', async () => {
    const { reply, conversationId } = await echo.receive('echo-user-1', 'Wie hoch ist die Hundesteuer für einen Dackel?');
    // The core stored the turn under the echo user and the channel rendered the core's answer.
    const messages = await app.lotse.messagesOf('echo-user-1', conversationId);
    expect(messages.map((message) => message.role)).toEqual(['user', 'bot']);
    expect(messages[0]!.text).toBe('Wie hoch ist die Hundesteuer für einen Dackel?');
    expect(reply).toBe(`echo> ${messages[1]!.text}`);
    expect(messages[1]!.text.length).toBeGreaterThan(0);
  });

  it('delivers proactive messages through its endpoint and drains them on shutdown, then stops', async () => {
    const result = await app.lotse.channels.send(
      { kind: 'person', personId: 'p-echo' },
      { kind: 'notice', text: 'Ihr Ticket wurde beantwortet.' },
    );
    expect(result).toEqual({ kind: 'queued' });
    expect(await channelGauges(channels).echo_outbox_pending!()).toBe(1);
    // The same plan serve runs (feeders first, then the channel outboxes, then the channels stop).
    const report = await gracefulShutdown(
      {
        markNotReady: () => undefined,
        closeHttp: async () => undefined,
        stopTimers: () => undefined,
        feeders: [],
        outboxes: channelDrains(channels),
        stopChannels: () => stopChannels(channels),
        close: async () => {
          closed = true;
          await app.close();
        },
      },
      { drainMs: 5_000, now: Date.now, logger: silentLogger },
    );
    expect(report.echo).toEqual({ drained: 1, remaining: 0 });
    expect(echo.delivered).toEqual([{ to: 'p-echo', text: 'Ihr Ticket wurde beantwortet.' }]);
    expect(echo.calls).toEqual(['start', 'routes', 'drain', 'stop']);
    expect(app.lotse.channels.channels()).not.toContain('echo');
    await expect(async () => echo.receive('echo-user-1', 'Hallo')).rejects.toThrow('not started');
  });
});
