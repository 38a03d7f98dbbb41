/**
 * Reliability: PostgreSQL restarts while a replica is under chat load. Requests during the outage get a
 * clear German error within the timeout (none hangs), the process stays healthy, the next call after the
 * restart reconnects by itself, and clients that retry their failed requests all succeed.
 */
import { describe, expect, it } from 'vitest';
import { HttpSession } from '../support/http-session.ts';
import { findPostgresBinaries, postgresSkipMessage } from '../support/postgres.ts';
import { startReplica, usePostgresReplicas } from '../support/replicas.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);
const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json', csrf: true });

describe.skipIf(!bin)('PostgreSQL restart under load', () => {
  const { server, replicas } = usePostgresReplicas(bin!);

  it('answers with clear errors during the outage, reconnects, and retried requests all succeed', async () => {
    const url = await server().createDatabase('restart');
    const replica = await startReplica({ DATABASE_URL: url });
    replicas.push(replica);
    const session = new HttpSession(replica.url);
    await session.devLogin({ person: 'p-marek' });
    const statuses: number[] = [];
    let slowest = 0;
    let failedThenRetried = 0;
    let running = true;
    const ask = async (text: string): Promise<number> => {
      const started = Date.now();
      const response = await session.request('POST', '/api/chat', json({ text }));
      slowest = Math.max(slowest, Date.now() - started);
      if (response.status >= 500)
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/[äöüß]|Bitte|nicht/);
      else await response.arrayBuffer();
      statuses.push(response.status);
      return response.status;
    };
    const worker = async (id: number) => {
      for (let turn = 0; running; turn += 1) {
        const text = `Wie lange dauert die Bearbeitung eines Antrags? (${id}/${turn})`;
        if ((await ask(text)) === 200) continue;
        failedThenRetried += 1;
        // The client retries until it succeeds (at most 30 s).
        for (let attempt = 0; attempt < 60 && (await ask(text)) !== 200; attempt += 1)
          await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const load = Promise.all([1, 2, 3, 4].map(worker));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    server().stop();
    const during = statuses.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await fetch(`${replica.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${replica.url}/readyz`)).status).toBe(503);
    server().start();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    running = false;
    await load;
    const failures = statuses.filter((status) => status !== 200).length;
    console.info(
      `postgres restart: ${statuses.length} requests, ${failures} failed during the outage (${failedThenRetried} retried until answered), slowest ${slowest} ms, ${during} before the stop`,
    );
    expect(failures).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 200 && status !== 500 && status !== 503)).toEqual([]);
    expect(slowest).toBeLessThan(25_000);
    expect(statuses.at(-1)).toBe(200);
    expect(await ask('Wie lange dauert die Bearbeitung eines Antrags? (nachher)')).toBe(200);
    // /readyz answers from a probe at most 2 s old: a probe that failed while PostgreSQL was starting may still be
    // cached for up to 2 s, so the replica must report ready again within a few probe periods.
    let ready = 0;
    for (let attempt = 0; attempt < 20 && ready !== 200; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
      ready = (await fetch(`${replica.url}/readyz`)).status;
    }
    expect(ready).toBe(200);
  }, 90_000);
});
