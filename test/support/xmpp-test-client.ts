/**
 * A Jabber user for tests: logs in to the test Prosody (PLAIN over loopback, to skip the ~0.7 s SCRAM
 * cost per login), sends chat messages and waits for the bot's replies.
 */
import { client, xml, type Client } from '@xmpp/client';
import type { Element } from '@xmpp/xml';

/** A received chat message. */
export interface ReceivedMessage {
  readonly from: string;
  readonly body: string;
  readonly id?: string;
  readonly stanza: Element;
}

/** A logged-in test user. */
export interface XmppTestClient {
  readonly jid: string;
  readonly received: ReceivedMessage[];
  readonly stanzas: Element[];
  send(to: string, body: string, options?: { receipt?: boolean; id?: string }): Promise<void>;
  sendRaw(stanza: Element): Promise<void>;
  /** Resolves with the next `count` messages with a body (already received ones count first). */
  nextMessages(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  /** Sends `body` to `to` and waits for the reply (the messages with a body that follow). */
  ask(to: string, body: string, replies?: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  stop(): Promise<void>;
}

/** Logs a test user in. */
export async function connectTestClient(options: {
  service: string;
  domain: string;
  username: string;
  password: string;
  resource?: string;
  presence?: boolean;
  noDelay?: boolean;
}): Promise<XmppTestClient> {
  const xmpp: Client = client({
    service: options.service,
    domain: options.domain,
    resource: options.resource ?? 'test',
    // The default 2 s for the stream header is short when 50 clients log in at once on a loaded CI machine.
    timeout: 15_000,
    credentials: async (authenticate: (credentials: Record<string, string>, mechanism: string) => Promise<void>) => {
      await authenticate({ username: options.username, password: options.password }, 'PLAIN');
    },
  } as unknown as Parameters<typeof client>[0]);
  xmpp.reconnect.stop();
  if (options.noDelay)
    xmpp.on('connect', () => (xmpp as unknown as { socket?: { setNoDelay?: (on: boolean) => void } }).socket?.setNoDelay?.(true));
  const received: ReceivedMessage[] = [];
  const stanzas: Element[] = [];
  let consumed = 0;
  const waiters: (() => void)[] = [];
  xmpp.on('error', () => undefined);
  xmpp.on('stanza', (stanza: Element) => {
    stanzas.push(stanza);
    if (!stanza.is('message')) return;
    const body = stanza.getChildText('body');
    if (body === null) return;
    received.push({ from: String(stanza.attrs.from ?? ''), body, ...(stanza.attrs.id ? { id: String(stanza.attrs.id) } : {}), stanza });
    for (const wake of waiters.splice(0)) wake();
  });
  await xmpp.start();
  // Stream management is enabled just after 'online'; a stanza sent in between trips the library's
  // queue assertion and the presence can get lost, so that the server stores replies offline.
  const sm = xmpp.streamManagement as unknown as { enabled: boolean };
  for (let waited = 0; !sm.enabled && waited < 1000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
  if (options.presence !== false) await xmpp.send(xml('presence'));

  const nextMessages = async (count: number, timeoutMs = 10_000): Promise<ReceivedMessage[]> => {
    const deadline = Date.now() + timeoutMs;
    while (received.length - consumed < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `${options.username}: expected ${count} message(s), got ${received.length - consumed}: ${received
            .slice(consumed)
            .map((m) => m.body.slice(0, 60))
            .join(' | ')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const batch = received.slice(consumed, consumed + count);
    consumed += count;
    return batch;
  };

  const send = async (to: string, body: string, sendOptions: { receipt?: boolean; id?: string } = {}): Promise<void> => {
    const children = [xml('body', {}, body), ...(sendOptions.receipt ? [xml('request', { xmlns: 'urn:xmpp:receipts' })] : [])];
    await xmpp.send(xml('message', { to, type: 'chat', ...(sendOptions.id ? { id: sendOptions.id } : {}) }, ...children));
  };

  return {
    jid: `${options.username}@${options.domain}`,
    received,
    stanzas,
    send,
    sendRaw: (stanza) => xmpp.send(stanza),
    nextMessages,
    ask: async (to, body, replies = 1, timeoutMs) => {
      await send(to, body);
      return nextMessages(replies, timeoutMs);
    },
    stop: async () => {
      try {
        await xmpp.stop();
      } catch {
        // the server may already be gone; the socket is closed either way
      }
    },
  };
}
