/**
 * The HR API behind the login: the actor comes from the session, state-changing requests need the CSRF
 * token, and the roles come from the directory (HR may send news, staff may not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

describe('HR API with sessions', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startRealApp();
  }, 60_000);
  afterAll(async () => app?.close());

  it('takes the actor from the session and checks CSRF and roles', async () => {
    const news = JSON.stringify({ title: 'Betriebsausflug', text: 'Am 12. Juni ist Betriebsausflug.', audience: { kind: 'all' } });
    const anonymous = new HttpSession(app.url);
    expect((await anonymous.request('POST', '/api/hr/broadcasts', { body: news, type: 'application/json' })).status).toBe(401);
    const hr = new HttpSession(app.url);
    await hr.devLogin({ person: 'p-nina' });
    expect((await hr.request('POST', '/api/hr/broadcasts', { body: news, type: 'application/json' })).status).toBe(403);
    const created = await hr.request('POST', '/api/hr/broadcasts', { body: news, type: 'application/json', csrf: true });
    expect(created.status).toBeLessThan(300);
    const staff = new HttpSession(app.url);
    await staff.devLogin({ person: 'p-marek' });
    const refused = await staff.request('POST', '/api/hr/broadcasts', { body: news, type: 'application/json', csrf: true });
    expect(refused.status).toBe(403);
    expect((await staff.request('GET', '/api/hr/topics')).status).toBe(200);
  }, 60_000);
});
