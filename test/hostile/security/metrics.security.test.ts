/**
 * Issue #18, item 13 (parts): `/metrics` was open to anyone and read every ticket on each request. Now it
 * answers a bearer token (`METRICS_TOKEN`) or, without one, direct loopback requests only; gauges are cached.
 */
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createMetrics, registerMetrics } from '../../../bot/http/metrics.ts';
import { rawRequest, securityTable } from './security-table.ts';

const table = securityTable('/metrics (issue #18, item 13)');
const token = 'scrape-token-0123456789';
const servers: Server[] = [];

async function serve(options: { token?: string }): Promise<string> {
  const server = restify.createServer();
  registerMetrics(server, { tickets_waiting: () => 3 }, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let open: string;
let withToken: string;

beforeAll(async () => {
  open = await serve({});
  withToken = await serve({ token });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

const status = async (base: string, headers: Record<string, string> = {}): Promise<number> =>
  (await rawRequest(`${base}/metrics`, { headers: { host: new URL(base).host, ...headers } })).status;

describe('/metrics access', () => {
  it('without METRICS_TOKEN answers direct loopback requests only', async () => {
    table.record('GET /metrics direct on 127.0.0.1 (no token configured)', 200, await status(open));
    table.record('GET /metrics Host: lotse.kreis.example', 403, await status(open, { host: 'lotse.kreis.example' }));
    table.record('GET /metrics X-Forwarded-For: 10.1.2.3 (through the proxy)', 403, await status(open, { 'x-forwarded-for': '10.1.2.3' }));
  });

  it('with METRICS_TOKEN requires the bearer token', async () => {
    table.record('GET /metrics without Authorization (token configured)', 401, await status(withToken));
    table.record('GET /metrics with a wrong token', 401, await status(withToken, { authorization: 'Bearer wrong-token-0123456789' }));
    table.record(
      'GET /metrics with the token, through the proxy',
      200,
      await status(withToken, { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.1.2.3' }),
    );
  });
});

describe('gauge reads', () => {
  it('reads the gauges at most once per cache period, whatever the scrape rate', async () => {
    let reads = 0;
    let now = 0;
    const metrics = createMetrics({ tickets_waiting: () => ++reads }, { gaugeCacheMs: 15_000, now: () => now });
    for (let scrape = 0; scrape < 100; scrape += 1) await metrics.render();
    table.record('100 scrapes within 15 s → ticket loads', 1, reads);
    now = 15_000;
    await metrics.render();
    table.record('next scrape after 15 s → ticket loads', 2, reads);
  });
});
