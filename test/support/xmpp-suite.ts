/**
 * One XMPP world (Prosody + lotse) per describe block: started before its tests, closed after them together with
 * every test client that logged in.
 */
import { afterAll, beforeAll } from 'vitest';
import { startXmppWorld, type XmppWorld } from './xmpp-app.ts';
import type { XmppTestClient } from './xmpp-test-client.ts';

/** The running world of the block and a login that stops its clients afterwards. */
export interface XmppSuite {
  readonly world: XmppWorld;
  login(username: string): Promise<XmppTestClient>;
}

/** Registers beforeAll/afterAll for the surrounding describe block. */
export function useXmppWorld(options: Parameters<typeof startXmppWorld>[0] = {}): XmppSuite {
  let world: XmppWorld | undefined;
  const clients: XmppTestClient[] = [];
  beforeAll(async () => {
    world = await startXmppWorld(options);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await world?.close();
  });
  return {
    get world(): XmppWorld {
      if (!world) throw new Error('the XMPP world is not started yet');
      return world;
    },
    async login(username: string): Promise<XmppTestClient> {
      const client = await this.world.login(username);
      clients.push(client);
      return client;
    },
  };
}
