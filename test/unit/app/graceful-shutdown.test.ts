import { afterEach, describe, expect, it, vi } from 'vitest';
import { gracefulShutdown, type DrainTarget, type ShutdownPlan } from '../../../bot/app/graceful-shutdown.ts';
import { polledDrain } from '../../../bot/adapters/channels/polled-drain.ts';
import { xmppDrain } from '../../../bot/adapters/channels/xmpp/xmpp-plugin.ts';
import { readinessGate } from '../../../bot/app/drain-targets.ts';
import { FakeChatService } from '../../fakes/fake-chat-service.ts';
import type { Logger } from '../../../bot/shared/logger.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recordingLogger(steps: string[]): Logger & { flush(): void; events: { event: string; data?: Record<string, unknown> }[] } {
  const events: { event: string; data?: Record<string, unknown> }[] = [];
  const log = (event: string, data?: Record<string, unknown>) => void events.push({ event, ...(data ? { data } : {}) });
  return { debug: log, info: log, warn: log, error: log, flush: () => void steps.push('flush'), events };
}

/** A queue that delivers one item every `everyMs` while drained. */
function slowQueue(name: string, items: number, everyMs: number, steps: string[]): DrainTarget {
  let left = items;
  return {
    name,
    async drain(until) {
      steps.push(`drain-${name}`);
      let sent = 0;
      while (left > 0 && Date.now() + everyMs <= until) {
        await sleep(everyMs);
        left -= 1;
        sent += 1;
      }
      return sent;
    },
    remaining: () => left,
  };
}

function plan(steps: string[], overrides: Partial<ShutdownPlan> = {}): ShutdownPlan {
  return {
    markNotReady: () => void steps.push('not-ready'),
    closeHttp: async () => void steps.push('http-closed'),
    stopTimers: () => void steps.push('timers'),
    feeders: [slowQueue('hr', 2, 5, steps)],
    outboxes: [slowQueue('teams', 3, 5, steps), slowQueue('xmpp', 0, 5, steps)],
    stopChannels: async () => void steps.push('channels'),
    close: () => void steps.push('close'),
    ...overrides,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('graceful shutdown', () => {
  it('runs readiness, HTTP, timers, HR, outboxes, channels, close and log flush in this order', async () => {
    const steps: string[] = [];
    const logger = recordingLogger(steps);
    const report = await gracefulShutdown(plan(steps), { drainMs: 2000, now: Date.now, logger });
    expect(steps).toEqual(['not-ready', 'http-closed', 'timers', 'drain-hr', 'drain-teams', 'drain-xmpp', 'channels', 'close', 'flush']);
    expect(report).toEqual({ hr: { drained: 2, remaining: 0 }, teams: { drained: 3, remaining: 0 }, xmpp: { drained: 0, remaining: 0 } });
    expect(logger.events.find((entry) => entry.event === 'shutdown-drained')?.data).toMatchObject({ targets: report, overDeadline: false });
  });

  it('stops draining at the deadline and reports what remains', async () => {
    vi.useFakeTimers();
    const steps: string[] = [];
    const started = Date.now();
    const shutdown = gracefulShutdown(plan(steps, { feeders: [], outboxes: [slowQueue('teams', 100, 20, steps)] }), {
      drainMs: 150,
      now: Date.now,
      logger: recordingLogger(steps),
    });
    await vi.runAllTimersAsync();
    // deadline: 150 ms minus a fifth kept for closing = 120 ms; an item of 20 ms starts only if it ends by then
    expect(await shutdown).toMatchObject({ teams: { drained: 6, remaining: 94 } });
    expect(Date.now() - started).toBe(120);
  });

  it('does not wait for a hanging HTTP close beyond the deadline and forces it', async () => {
    vi.useFakeTimers();
    const steps: string[] = [];
    const started = Date.now();
    const shutdown = gracefulShutdown(
      plan(steps, { closeHttp: () => new Promise(() => undefined), forceCloseHttp: () => void steps.push('http-forced') }),
      { drainMs: 100, now: Date.now, logger: recordingLogger(steps) },
    );
    await vi.runAllTimersAsync();
    await shutdown;
    expect(Date.now() - started).toBe(80); // forced at the deadline (100 ms minus 20 ms for closing)
    expect(steps.slice(0, 3)).toEqual(['not-ready', 'http-forced', 'timers']);
    expect(steps).toContain('close');
  });

  it('keeps going when a step throws and logs it', async () => {
    const steps: string[] = [];
    const logger = recordingLogger(steps);
    const failing: DrainTarget = {
      name: 'hr',
      drain: async () => {
        throw new Error('db down');
      },
      remaining: () => {
        throw new Error('db down');
      },
    };
    const report = await gracefulShutdown(
      plan(steps, {
        feeders: [failing],
        stopChannels: async () => {
          throw new Error('socket');
        },
      }),
      { drainMs: 500, now: Date.now, logger },
    );
    expect(report.hr).toEqual({ drained: 0, remaining: null });
    expect(steps).toContain('close');
    expect(logger.events.filter((entry) => entry.event === 'shutdown-step-failed').map((entry) => entry.data?.step)).toEqual([
      'drain-hr',
      'channels',
    ]);
  });
});

describe('drain targets', () => {
  it('readiness gate turns /readyz status false without touching the chat', async () => {
    const gate = readinessGate(new FakeChatService());
    expect((await gate.chat.status()).ready).toBe(true);
    gate.markNotReady();
    expect((await gate.chat.status()).ready).toBe(false);
  });

  it('a polled queue waits until nothing is due, counting deliveries', async () => {
    let pending = 5;
    const timer = setInterval(() => {
      if (pending > 0) pending -= 1;
    }, 10);
    try {
      const target = polledDrain({ name: 'teams', due: () => pending, remaining: () => pending }, { pollMs: 5 });
      expect(await target.drain(Date.now() + 2000)).toBe(5);
      expect(target.remaining()).toBe(0);
    } finally {
      clearInterval(timer);
    }
  });

  it('a polled queue gives up at the deadline when items stay due', async () => {
    vi.useFakeTimers();
    const target = polledDrain({ name: 'xmpp', due: () => 3, remaining: () => 3 }, { pollMs: 5 });
    const started = Date.now();
    const drained = target.drain(started + 60);
    await vi.runAllTimersAsync();
    expect(await drained).toBe(0);
    expect(Date.now() - started).toBe(60);
  });

  it('does not wait for the Jabber outbox while the connection is offline', async () => {
    vi.useFakeTimers();
    const target = xmppDrain({ pending: async () => 4, connection: { isOnline: () => false } });
    const started = Date.now();
    const drained = target.drain(started + 5000);
    await vi.runAllTimersAsync();
    expect(await drained).toBe(0);
    expect(Date.now() - started).toBe(0);
    expect(await target.remaining()).toBe(4);
  });
});
