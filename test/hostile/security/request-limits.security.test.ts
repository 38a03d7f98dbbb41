/**
 * Issue #18, item 13 (limits): nothing limited requests to the routes anyone can call. Per person (session or
 * web-chat cookie) and per client address, with `Retry-After`; a fake clock keeps the test deterministic.
 */
import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadConfig } from '../../../bot/config/config.ts';
import { requestLimitHook } from '../../../bot/http/request-limits.ts';
import { loadUiTexts } from '../../../bot/http/ui-texts.ts';
import { rawRequest, securityTable } from './security-table.ts';

const table = securityTable('Request limits (issue #18, item 13)');
let server: Server;
let base: string;
let now = 0;

beforeAll(async () => {
  server = restify.createServer();
  server.pre(
    requestLimitHook({
      perPersonPerMinute: 6,
      perPersonBurst: 3,
      perClientPerMinute: 60,
      perClientBurst: 8,
      message: loadUiTexts().rateLimited,
      now: () => now,
    }),
  );
  const ok = async (_request: Request, response: Response): Promise<void> => void response.send(200, { ok: true });
  server.post('/api/chat', ok);
  server.get('/healthz', ok);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function chat(cookie: string, path = '/api/chat'): Promise<{ status: number; retryAfter: string; body: string }> {
  const response = await rawRequest(`${base}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: '{}',
  });
  return { status: response.status, retryAfter: String(response.headers['retry-after'] ?? ''), body: response.body };
}

describe('request limits', () => {
  it('limits one person to the burst, then answers 429 with Retry-After in German', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await chat('lotse_uid=11111111-1111-4111-8111-111111111111')).status);
    table.record('3 chat requests of one person (burst 3)', '200,200,200', statuses.join(','));
    const fourth = await chat('lotse_uid=11111111-1111-4111-8111-111111111111');
    table.record('4th request of that person at once', '429 Retry-After 10', `${fourth.status} Retry-After ${fourth.retryAfter}`);
    table.record('429 text is German', true, /Bitte warten Sie/.test(fourth.body));
    table.record(
      'same person via a percent-encoded path /api/%63hat',
      429,
      (await chat('lotse_uid=11111111-1111-4111-8111-111111111111', '/api/%63hat')).status,
    );
    now += 10_000;
    table.record('that person 10 s later', 200, (await chat('lotse_uid=11111111-1111-4111-8111-111111111111')).status);
  });

  it('limits a client that rotates cookies by its address', async () => {
    now += 600_000;
    const statuses: number[] = [];
    for (let index = 0; index < 9; index += 1)
      statuses.push((await chat(`lotse_uid=22222222-2222-4222-8222-${String(index).padStart(12, '0')}`)).status);
    table.record('9 requests with 9 fresh cookies from one address (client burst 8)', 429, statuses.at(-1) ?? 0);
  });

  it('is on by default in serve with configurable limits', () => {
    table.record(
      'default RATE_LIMIT_PER_MINUTE / burst',
      '60/20',
      `${loadConfig({}).requestLimits.perPersonPerMinute}/${loadConfig({}).requestLimits.perPersonBurst}`,
    );
    table.record('RATE_LIMIT_PER_MINUTE=10', 10, loadConfig({ RATE_LIMIT_PER_MINUTE: '10' }).requestLimits.perPersonPerMinute);
  });
});
