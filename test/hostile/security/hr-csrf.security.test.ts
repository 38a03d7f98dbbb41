/**
 * Issue #18, item 5: the CSRF guard of `/api/hr` compared the raw URL while the router decodes it, so
 * `POST /api/%68r/...` skipped the Origin/token check. Every spelling of the path must meet the same check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';
import { rawRequest, securityTable } from './security-table.ts';

const table = securityTable('CSRF on /api/hr (issue #18, item 5)');
let app: RunningApp;
let folder: string;
let hr: HttpSession;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'lotse-sec-csrf-'));
  writeFileSync(join(folder, 'passwort.md'), '# Passwort\n\nDas Passwort gilt 90 Tage.\n');
  app = await startRealApp(folder, { AUTH_MODE: 'dev' });
  hr = new HttpSession(app.url);
  await hr.devLogin({ person: 'p-nina' });
});

afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

const news = JSON.stringify({ title: 'Betriebsausflug', text: 'Am 12. Juni ist Betriebsausflug.', audience: { kind: 'all' } });

/** Sends the request exactly as written (no URL normalisation by the client) with Nina's session cookie. */
async function asNina(method: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const cookie = ['lotse_session', 'lotse_csrf'].map((name) => `${name}=${hr.cookie(name) ?? ''}`).join('; ');
  const port = new URL(app.url).port;
  const response = await rawRequest(`${app.url}/`, {
    method,
    headers: { host: `127.0.0.1:${port}`, cookie, 'content-type': 'application/json', ...headers },
    body: news,
    path,
  });
  return response.status;
}

describe('CSRF on the HR API', () => {
  it('refuses state-changing HR requests without the token, however the path is spelled', async () => {
    for (const path of [
      '/api/hr/broadcasts',
      '/api/%68r/broadcasts',
      '/api/%68%72/broadcasts',
      '/api/%2568r/broadcasts',
      '/api//hr/broadcasts',
      '/api/x/../hr/broadcasts',
      '/api/./hr/broadcasts',
    ]) {
      table.record(`POST ${path} with session, without CSRF token`, 403, await asNina('POST', path));
    }
    table.record('PUT /api/%68r/topics/it with session, without CSRF token', 403, await asNina('PUT', '/api/%68r/topics/it'));
  });

  it('refuses a foreign Origin even with the token', async () => {
    const token = hr.cookie('lotse_csrf') ?? '';
    table.record(
      'POST /api/%68r/broadcasts Origin: https://evil.example + token',
      403,
      await asNina('POST', '/api/%68r/broadcasts', { origin: 'https://evil.example', 'x-csrf-token': token }),
    );
  });

  it('still lets the same-site request with the token through', async () => {
    table.record(
      'POST /api/hr/broadcasts with CSRF token (legitimate)',
      'accepted',
      (await asNina('POST', '/api/hr/broadcasts', { 'x-csrf-token': hr.cookie('lotse_csrf') ?? '' })) < 300 ? 'accepted' : 'refused',
    );
  });
});
