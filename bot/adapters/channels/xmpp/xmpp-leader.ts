/**
 * Jabber on exactly one replica: an XMPP account should have one bot session, so with several replicas
 * only the holder of the lease `xmpp` connects. Every replica tries to take (or renew) the lease every
 * `renewMs`; the holder connects, the others stay on standby and keep trying. A holder that cannot renew
 * disconnects before its lease runs out, so a second replica never connects while the first still might
 * be; graceful shutdown disconnects and releases the lease at once. On SQLite (one process per data dir)
 * no lease is used: the channel connects at start as before, also right after a crash.
 *
 * Every replica registers an `xmpp` endpoint for proactive messages: on standby it only writes to the
 * shared Jabber outbox, which the holder sends (polled every `outboxPollMs`).
 */
import type { XmppConfig } from '../../../config/xmpp-config.ts';
import type { ChannelHost } from '../channel-host.ts';
import type { ChannelEndpoint } from '../../../ports/channel-router.ts';
import type { JobLeases } from '../../../ports/job-lease.ts';
import { describeError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import { createHostedXmppChannel } from './start-xmpp-channel.ts';
import type { XmppChannel } from './xmpp-channel.ts';

/** The lease name. */
export const xmppLease = 'xmpp';

/** Whether this replica holds the connection. */
export type LeaderState = 'leading' | 'standby';

/** Dependencies of the lease loop. */
export interface XmppLeaderDeps {
  readonly leases: JobLeases;
  readonly holder: string;
  readonly now: () => Date;
  readonly ttlMs: number;
  readonly renewMs: number;
  readonly logger: Logger;
  /** Connects the channel; throws when the login is rejected. */
  readonly connect: () => Promise<void>;
  readonly disconnect: () => Promise<void>;
  /** Runs `tick` every `ms` and returns a cancel function (an unref'd interval by default). */
  readonly every?: (tick: () => void, ms: number) => () => void;
}

const defaultEvery = (tick: () => void, ms: number): (() => void) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** Creates the lease loop; `start` runs the first attempt (a rejected login throws) and schedules the rest. */
export function createXmppLeader(deps: XmppLeaderDeps) {
  let leading = false;
  let until = 0;
  let stopped = false;
  let running: Promise<LeaderState> = Promise.resolve('standby');
  let cancel: (() => void) | undefined;

  const resign = async (reason: string): Promise<void> => {
    leading = false;
    deps.logger.warn('xmpp-lease-lost', { reason });
    await deps.disconnect();
  };

  const lead = async (): Promise<void> => {
    leading = true;
    deps.logger.info('xmpp-lease-acquired', { holder: deps.holder });
    try {
      await deps.connect();
    } catch (error) {
      leading = false;
      await deps.disconnect().catch(() => undefined);
      await releaseQuietly();
      throw error;
    }
  };

  const releaseQuietly = async (): Promise<void> => {
    try {
      await deps.leases.release(xmppLease, deps.holder);
    } catch (error) {
      deps.logger.warn('xmpp-lease-release-failed', { error: describeError(error) });
    }
  };

  const step = async (): Promise<LeaderState> => {
    if (stopped) return 'standby';
    const now = deps.now();
    try {
      const result = await deps.leases.acquire(xmppLease, deps.holder, now, deps.ttlMs);
      if (result.kind === 'taken') {
        if (leading) await resign('taken');
        return 'standby';
      }
      until = Date.parse(result.until);
    } catch (error) {
      deps.logger.warn('xmpp-lease-renew-failed', { error: describeError(error) });
      // The next attempt would come too late: give the connection up while the lease is still ours.
      if (leading && until - now.getTime() <= deps.renewMs) await resign('renew-failed');
      return leading ? 'leading' : 'standby';
    }
    if (!leading) await lead();
    return 'leading';
  };

  /** One attempt to take or renew the lease, never two at once. */
  const tick = (): Promise<LeaderState> => {
    running = running.catch(() => 'standby' as const).then(step);
    return running;
  };

  return {
    tick,
    isLeading: (): boolean => leading,
    async start(): Promise<LeaderState> {
      const state = await tick();
      cancel = (deps.every ?? defaultEvery)(() => {
        tick().catch((error: unknown) => deps.logger.error('xmpp-lease-tick-failed', { error: describeError(error) }));
      }, deps.renewMs);
      return state;
    },
    /** Stops trying; the holder disconnects and releases the lease (graceful shutdown). */
    async stop(): Promise<void> {
      stopped = true;
      cancel?.();
      await running.catch(() => undefined);
      if (!leading) return;
      leading = false;
      await deps.disconnect();
      await releaseQuietly();
    },
  };
}

/** The lease loop's interface. */
export type XmppLeader = ReturnType<typeof createXmppLeader>;

/** The Jabber channel of one replica. */
export interface RunningXmppReplica {
  readonly leader: XmppLeader;
  /** The state after the first attempt. */
  readonly state: LeaderState;
  /** The connected channel on the lease holder, else the never-connected standby (shared outbox size, offline). */
  readonly channel: XmppChannel;
  stop(): Promise<void>;
}

/** Leases for a single process (SQLite): always granted, so a restart after a crash need not wait for expiry. */
export const soleProcessLeases: JobLeases = {
  acquire: async (_name, _holder, now, ttlMs) => ({ kind: 'held', until: new Date(now.getTime() + ttlMs).toISOString() }),
  release: async () => undefined,
  holderOf: async () => undefined,
};

/** Starts Jabber for `serve`: the `xmpp` endpoint on every replica, the connection only on the lease holder. */
export async function startXmppReplica(
  host: ChannelHost,
  config: XmppConfig,
  options: { now?: () => Date; outboxPollMs?: number } = {},
): Promise<RunningXmppReplica> {
  const logger = host.logger;
  const now = options.now ?? (() => new Date());
  // Never connected: its endpoint only writes to the shared outbox, which the holder's channel sends.
  const standby = createHostedXmppChannel(host, config, { now });
  let active: XmppChannel | undefined;
  const endpoint: ChannelEndpoint = {
    reaches: (personId) => standby.endpoint.reaches(personId),
    send: (recipient, message) => (active ?? standby).endpoint.send(recipient, message),
  };
  const unregister = host.channels.register('xmpp', endpoint);
  const poll = setInterval(() => void active?.flush(), options.outboxPollMs ?? 2000);
  poll.unref();
  const leader = createXmppLeader({
    leases: host.config.databaseUrl ? host.leases : soleProcessLeases,
    holder: host.replicaId,
    now,
    ttlMs: config.leaseTtlMs,
    renewMs: config.leaseRenewMs,
    logger,
    connect: async () => {
      active = createHostedXmppChannel(host, config, { now });
      const state = await active.start();
      logger.info('xmpp-channel-started', { jid: active.connection.jid, state });
    },
    disconnect: async () => {
      const channel = active;
      active = undefined;
      await channel?.stop();
    },
  });
  let state: LeaderState;
  try {
    state = await leader.start();
  } catch (error) {
    clearInterval(poll);
    unregister();
    throw error;
  }
  if (state === 'standby')
    logger.info('xmpp-standby', { holder: (await host.leases.holderOf(xmppLease, now()).catch(() => undefined)) ?? null });
  return {
    leader,
    state,
    get channel() {
      return active ?? standby;
    },
    async stop() {
      clearInterval(poll);
      await leader.stop();
      unregister();
      await standby.stop();
    },
  };
}
