/**
 * Jabber on exactly one replica: two `lotse serve` processes with the same XMPP account on one
 * PostgreSQL and a real Prosody. Only the holder of the lease `xmpp` connects; after SIGKILL of the holder
 * the other replica connects within TTL + a few seconds and answers. Notifications queued in the shared
 * Jabber outbox while no replica was connected (tickets created on the standby) are delivered once.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { HttpSession } from '../../support/http-session.ts';
import { findPostgresBinaries, postgresSkipMessage, queryRows } from '../../support/postgres.ts';
import { prosodyAvailable, startProsody, type ProsodyServer } from '../../support/prosody.ts';
import { startReplica, usePostgresReplicas, type Replica } from '../../support/replicas.ts';
import { connectTestClient, type XmppTestClient } from '../../support/xmpp-test-client.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);
const domain = 'musterland.example';
const ttlMs = 5000;
const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json', csrf: true });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const query = <R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> => queryRows<R>(url, sql);

const holderPid = async (url: string): Promise<number | undefined> => {
  const [row] = await query<{ holder: string; until: string }>(url, "SELECT holder, until FROM job_leases WHERE name = 'xmpp'");
  return row && row.until > new Date().toISOString() ? Number(row.holder.split(':')[1]) : undefined;
};

const connectedLines = (replica: Replica): number =>
  replica
    .stderr()
    .split('\n')
    .filter((line) => line.includes('"xmpp-channel-started"')).length;

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(100);
  }
}

describe.skipIf(!bin || !prosodyAvailable)('Jabber on exactly one of two replicas (lease xmpp)', () => {
  const { server, replicas } = usePostgresReplicas(bin!);

  it('connects one replica only; after kill -9 the other takes over, answers, and delivers queued notifications once', async () => {
    const prosody: ProsodyServer = await startProsody({
      domain,
      accounts: [{ username: 'lotse', password: 'pw-bot' }, ...['sabine', 'aylin'].map((username) => ({ username, password: 'pw-user' }))],
    });
    const clients: XmppTestClient[] = [];
    try {
      const url = await server().createDatabase('xmpp_leader');
      const env = {
        DATABASE_URL: url,
        LOG_LEVEL: 'info',
        XMPP_SERVICE: prosody.service,
        XMPP_DOMAIN: domain,
        XMPP_USERNAME: 'lotse',
        XMPP_PASSWORD: 'pw-bot',
        XMPP_ALLOW_PLAIN: 'true',
        XMPP_LEASE_TTL_MS: String(ttlMs),
        XMPP_LEASE_RENEW_MS: '1000',
      };
      const first = await startReplica(env);
      const second = await startReplica(env);
      replicas.push(first, second);
      const login = async (username: string) => {
        const client = await connectTestClient({ service: prosody.service, domain, username, password: 'pw-user' });
        clients.push(client);
        return client;
      };
      const sabine = await login('sabine');
      const aylin = await login('aylin');
      const bot = `lotse@${domain}`;
      expect((await sabine.ask(bot, 'hilfe'))[0]!.body.length).toBeGreaterThan(0);

      // Several renewals later, still exactly one replica has connected.
      await sleep(2500);
      const pid = await holderPid(url);
      const [holder, standby] = first.child.pid === pid ? [first, second] : [second, first];
      expect(holder!.child.pid).toBe(pid);
      expect(connectedLines(holder!)).toBe(1);
      expect(connectedLines(standby!)).toBe(0);

      // kill -9 of the holder; while nobody is connected, two tickets are created on the standby (web),
      // whose notifications for the Lotse (Aylin, A50) wait in the shared Jabber outbox.
      await holder!.kill();
      const killedAt = Date.now();
      const takeover = waitFor(
        async () => ((await holderPid(url)) === standby!.child.pid && connectedLines(standby!) === 1 ? Date.now() - killedAt : undefined),
        ttlMs + 10_000,
      );
      const marek = new HttpSession(standby!.url);
      await marek.devLogin({ person: 'p-marek' });
      for (const text of [
        'Wie beantrage ich einen Parkausweis für den Dienstwagen?',
        'Wie beantrage ich einen Parkausweis für mein Fahrrad?',
      ]) {
        const chat = await marek.request('POST', '/api/chat', json({ text }));
        const { conversationId } = (await chat.json()) as { conversationId: string };
        expect((await marek.request('POST', '/api/tickets', json({ conversationId }))).status).toBe(201);
      }
      const queued = Number(
        (await query<{ count: number }>(url, `SELECT count(*)::int AS count FROM xmpp_outbox WHERE to_jid = 'aylin@${domain}'`))[0]!.count,
      );
      expect(queued).toBe(2);

      // The notifications were queued while nobody held the connection: the standby has not taken the lease yet.
      expect(standby!.stderr()).not.toContain('"xmpp-lease-acquired"');
      const tookOver = await takeover;
      const acquired = standby!
        .stderr()
        .split('\n')
        .find((line) => line.includes('"xmpp-lease-acquired"'));
      const acquiredAfter = acquired ? Date.parse((JSON.parse(acquired) as { time: string }).time) - killedAt : Number.NaN;
      console.info(
        `xmpp lease: standby took the lease ${acquiredAfter} ms and was connected ${tookOver} ms after kill -9 (TTL ${ttlMs} ms, renewal 1 s)`,
      );
      // The standby took over after the lease expired (how fast is reported above, not asserted: no wall-clock limits).
      expect(acquired).toBeDefined();
      const [answer] = await sabine.ask(bot, 'hilfe', 1, 15_000);
      expect(answer!.body.length).toBeGreaterThan(0);

      const notifications = await aylin.nextMessages(queued, 15_000);
      await sleep(3000); // a few outbox polls: nothing is sent twice
      expect(aylin.received).toHaveLength(queued);
      expect(new Set(notifications.map((message) => message.id)).size).toBe(queued);
      expect(Number((await query<{ count: number }>(url, 'SELECT count(*)::int AS count FROM xmpp_outbox'))[0]!.count)).toBe(0);
      expect(connectedLines(standby!)).toBe(1);
    } finally {
      await Promise.all(clients.map((client) => client.stop()));
      await prosody.close();
    }
  }, 180_000);
});
