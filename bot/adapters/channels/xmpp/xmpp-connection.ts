/**
 * The bot's XMPP session (`@xmpp/client`): login (TLS required unless allowed for loopback), our own
 * reconnect with exponential backoff and jitter (the library's fixed 1 s retry is switched off),
 * stream management (XEP-0198) when the server offers it, and acks/fails of sent stanzas by id.
 */
import { randomUUID } from 'node:crypto';
import { client, xml, type Client } from '@xmpp/client';
import type { Element } from '@xmpp/xml';
import type { XmppConfig } from '../../../config/xmpp-config.ts';
import type { Logger } from '../../../shared/logger.ts';
import { describeError } from '../../../shared/errors.ts';
import { reconnectDelay } from './rate-limiter.ts';
import { isUntrustedCertificate, trustCaForHosts, untrustedCertificateMessage } from './tls-trust.ts';
import { fromServer } from './xmpp-roster.ts';

/** The bot could not log in (wrong password, no TLS): an operator problem, reported at start-up. */
export class XmppLoginError extends Error {
  override readonly name = 'XmppLoginError';
}

/** The timer functions the backoff uses; injected in tests to check what is scheduled without waiting. */
export interface ReconnectTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ReconnectTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout | undefined),
};

/** What the connection tells its owner. */
export interface ConnectionHandlers {
  stanza(stanza: Element): void;
  /** Online again; `resumed` when a stream-management session was resumed (unacked stanzas resent by the library). */
  online(resumed: boolean): void;
  offline(): void;
  /** The server acknowledged (`ack`) or dropped on reconnect (`fail`) the stanza with this id. */
  acked(stanzaId: string): void;
  failed(stanzaId: string): void;
}

/** A running bot session. */
export interface XmppConnection {
  readonly jid: string;
  isOnline(): boolean;
  /** Whether stream management is active (acks confirm delivery to the server). */
  streamManagement(): boolean;
  send(stanza: Element): Promise<void>;
  /**
   * Logs in once; rejects with `XmppLoginError` on rejected credentials or a missing TLS layer. When the
   * server cannot be reached it resolves `retrying` and keeps reconnecting in the background.
   */
  start(): Promise<'online' | 'retrying'>;
  stop(): Promise<void>;
  /** Reconnects so far and the time the last one took (ms, from disconnect to online). */
  stats(): { reconnects: number; lastReconnectMs?: number };
}

type Authenticate = (credentials: Record<string, string>, mechanism: string, userAgent?: Element) => Promise<void>;

function loginMessage(config: XmppConfig, error: unknown): string {
  const condition = (error as { condition?: unknown }).condition;
  if (condition === 'not-authorized') {
    return `XMPP login as ${config.username}@${config.domain} was rejected (not-authorized): check XMPP_USERNAME and XMPP_PASSWORD`;
  }
  return `XMPP login as ${config.username}@${config.domain} at ${config.service} failed: ${describeError(error)}`;
}

/** Creates the session; nothing connects before `start()`. */
export function createXmppConnection(
  config: XmppConfig,
  handlers: ConnectionHandlers,
  deps: { logger: Logger; random?: () => number; timers?: ReconnectTimers },
): XmppConnection {
  const { logger } = deps;
  const timers = deps.timers ?? realTimers;
  const userAgent = xml('user-agent', { id: randomUUID() }, xml('software', {}, 'lotse'));
  let lastMechanism: unknown;
  let scramCache: { mechanism: string; keys: Record<string, unknown> } | undefined;
  const credentials = async (
    authenticate: Authenticate,
    mechanisms: string[],
    _fast: unknown,
    entity: { isSecure(): boolean },
  ): Promise<void> => {
    if (!entity.isSecure() && !config.allowPlain) {
      throw new XmppLoginError(
        `XMPP server ${config.service} offers no TLS; refusing to log in unencrypted (XMPP_ALLOW_PLAIN=true is allowed for loopback only)`,
      );
    }
    const mechanism = entity.isSecure() ? mechanisms[0] : mechanisms.find((name) => name !== 'PLAIN');
    if (!mechanism) throw new XmppLoginError(`XMPP server ${config.service} offers no usable SASL mechanism (${mechanisms.join(', ')})`);
    const cached = mechanism === scramCache?.mechanism ? scramCache.keys : {};
    await authenticate({ username: config.username, password: config.password, ...cached }, mechanism, userAgent);
    // sasl-scram-sha-1 leaves the salt and keys it derived in `mech.cache`; with them the next login (a reconnect)
    // skips the thousands of HMAC rounds it computes in JavaScript (0.5–2.7 s measured, issue #19 item 4). A changed
    // salt (new password) makes the library derive the keys from the password again.
    const keys = (lastMechanism as { cache?: Record<string, unknown> } | undefined)?.cache;
    if (keys?.salt && (keys.clientKey || keys.saltedPassword)) scramCache = { mechanism, keys };
  };

  // `timeout`: stream open/close wait 2 s by default, short for a busy server (many clients reconnecting after a restart).
  const xmpp: Client = client({
    service: config.service,
    domain: config.domain,
    resource: config.resource,
    credentials,
    timeout: 10_000,
  } as unknown as Parameters<typeof client>[0]);
  xmpp.reconnect.stop();
  // Remember the SASL mechanism object of the login in progress (its SCRAM cache, see `credentials`).
  const saslFactory = (xmpp as unknown as { saslFactory: { create(names: string[]): unknown } }).saslFactory;
  const createMechanism = saslFactory.create.bind(saslFactory);
  saslFactory.create = (names) => (lastMechanism = createMechanism(names));
  // Roster pushes of our server must be acknowledged (others get an error); the channel reads them from the
  // `stanza` event (xmpp-roster.ts).
  const ownBare = `${config.username}@${config.domain}`.toLowerCase();
  xmpp.iqCallee.set('jabber:iq:roster', 'query', (context: { stanza: Element }) =>
    fromServer(context.stanza, ownBare) ? true : undefined,
  );
  if (config.ca)
    trustCaForHosts(
      (xmpp as unknown as { transports: unknown[] }).transports,
      [config.domain, new URL(config.service).hostname],
      config.ca.pem,
    );
  // The typings omit that the stream-management object is an event emitter (ack, fail, resumed).
  const sm = xmpp.streamManagement as unknown as {
    enabled: boolean;
    on(event: 'ack' | 'fail' | 'resumed', listener: (stanza: Element) => void): void;
  };
  let stopping = false;
  let started = false;
  let attempt = 0;
  /** The pending reconnect attempt; at most one at a time (issue #19: a failed attempt was scheduled twice). */
  let retryTimer: unknown;
  let loginWatchdog: unknown;
  let offlineSince: number | undefined;
  let reconnects = 0;
  let lastReconnectMs: number | undefined;

  const clearTimers = (): void => {
    if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
    if (loginWatchdog !== undefined) timers.clearTimeout(loginWatchdog);
    retryTimer = undefined;
    loginWatchdog = undefined;
  };

  // A failed attempt is reported twice (the socket's `disconnect` and the rejected `reconnect()`); only the
  // first schedules, so the backoff grows once per failed attempt.
  const schedule = (): void => {
    if (stopping || retryTimer !== undefined) return;
    const delay = reconnectDelay(attempt, { baseMs: 250, maxMs: config.reconnectMaxMs, random: deps.random ?? Math.random });
    attempt += 1;
    logger.info('xmpp-reconnect-scheduled', { attempt, delayMs: delay });
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      void tryReconnect();
    }, delay);
  };

  const tryReconnect = async (): Promise<void> => {
    if (stopping || xmpp.status === 'online') return;
    try {
      await xmpp.reconnect.reconnect();
      // Stream open; if login does not complete (e.g. the password changed meanwhile), try again later.
      loginWatchdog = timers.setTimeout(() => {
        loginWatchdog = undefined;
        if (!stopping && xmpp.status !== 'online')
          void xmpp
            .disconnect()
            .catch(() => undefined)
            .finally(schedule);
      }, 20_000);
    } catch (error) {
      logger.warn('xmpp-reconnect-failed', { attempt, error: describeError(error) });
      // The server's certificate changed to one of an untrusted CA while lotse runs: say what to configure.
      if (isUntrustedCertificate(error))
        logger.error('xmpp-untrusted-certificate', { message: untrustedCertificateMessage(config.service, error, config.ca?.file) });
      schedule();
    }
  };

  xmpp.on('error', (error: unknown) => {
    // Rejected with cached SCRAM keys (e.g. the server's keys changed): derive them from the password next time.
    if ((error as { condition?: unknown }).condition === 'not-authorized') scramCache = undefined;
    logger.debug('xmpp-error', { error: describeError(error) });
  });
  // Replies are small writes right after a chat-state write: without TCP_NODELAY, Nagle's algorithm and
  // delayed ACKs hold them back by ~40 ms (measured with bench:xmpp).
  xmpp.on('connect', () => {
    const socket = (xmpp as unknown as { socket?: { setNoDelay?: (on: boolean) => void; socket?: { setNoDelay?: (on: boolean) => void } } })
      .socket;
    (socket?.setNoDelay ? socket : socket?.socket)?.setNoDelay?.(true);
  });
  xmpp.on('stanza', (stanza: Element) => handlers.stanza(stanza));
  xmpp.on('online', () => {
    clearTimers();
    attempt = 0;
    if (offlineSince !== undefined) {
      reconnects += 1;
      lastReconnectMs = Date.now() - offlineSince;
      logger.info('xmpp-reconnected', { ms: lastReconnectMs });
      offlineSince = undefined;
    }
    handlers.online(false);
  });
  sm.on('resumed', () => {
    clearTimers();
    attempt = 0;
    offlineSince = undefined;
    handlers.online(true);
  });
  sm.on('ack', (stanza: Element) => {
    if (stanza.attrs.id) handlers.acked(String(stanza.attrs.id));
  });
  sm.on('fail', (stanza: Element) => {
    if (stanza.attrs.id) handlers.failed(String(stanza.attrs.id));
  });
  xmpp.on('disconnect', () => {
    if (stopping || !started) return;
    if (offlineSince === undefined) {
      offlineSince = Date.now();
      logger.warn('xmpp-disconnected', {});
      handlers.offline();
    }
    schedule();
  });

  return {
    jid: `${config.username}@${config.domain}`.toLowerCase(),
    isOnline: () => xmpp.status === 'online',
    streamManagement: () => Boolean(sm.enabled),
    send: (stanza) => xmpp.send(stanza),
    async start() {
      try {
        await xmpp.start();
        started = true;
        return 'online';
      } catch (error) {
        const rejected = error instanceof XmppLoginError || typeof (error as { condition?: unknown }).condition === 'string';
        // A private or self-signed CA is a configuration problem, like a wrong password: retrying cannot help.
        if (isUntrustedCertificate(error)) {
          await xmpp.stop().catch(() => undefined);
          throw new XmppLoginError(untrustedCertificateMessage(config.service, error, config.ca?.file), { cause: error });
        }
        if (!rejected) {
          logger.error('xmpp-unreachable', { service: config.service, error: describeError(error) });
          started = true;
          offlineSince = Date.now();
          schedule();
          return 'retrying';
        }
        await xmpp.stop().catch(() => undefined);
        throw error instanceof XmppLoginError ? error : new XmppLoginError(loginMessage(config, error), { cause: error });
      }
    },
    async stop() {
      stopping = true;
      clearTimers();
      try {
        await xmpp.stop();
      } catch (error) {
        logger.debug('xmpp-stop', { error: describeError(error) });
      }
    },
    stats: () => ({ reconnects, ...(lastReconnectMs !== undefined ? { lastReconnectMs } : {}) }),
  };
}
