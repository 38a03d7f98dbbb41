/**
 * Issue #11: the hostile-input corpus over HTTP. Every case gets a clear German error and the service
 * stays healthy (health check and a normal question afterwards). Prints the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealApp, type RunningApp } from '../support/real-app.ts';
import { hostileRequests } from './http-cases.ts';

const germanHint = /[äöüßÄÖÜ]|Bitte|nicht|ungültig|Anfrage|Adresse|Methode|melden/;

describe('hostile HTTP input', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startRealApp();
  }, 60_000);
  afterAll(async () => app?.close());

  it('refuses every hostile request clearly and stays healthy', async () => {
    const failures: string[] = [];
    for (const hostile of hostileRequests) {
      const response = await fetch(`${app.url}${hostile.path}`, {
        method: hostile.method,
        redirect: 'manual',
        headers: hostile.contentType ? { 'content-type': hostile.contentType } : {},
        ...(hostile.body !== undefined ? { body: typeof hostile.body === 'string' ? hostile.body : new Blob([hostile.body]) } : {}),
      });
      const text = await response.text();
      if (!hostile.expect.includes(response.status)) failures.push(`${hostile.name}: status ${response.status}`);
      if (response.status >= 400 && response.status !== 404 && !germanHint.test(text))
        failures.push(`${hostile.name}: no German message (${text.slice(0, 80)})`);
      if (
        hostile.name === 'open redirect after login' &&
        !/^\/dev-login\?returnTo=%2Fkonsole$/.test(response.headers.get('location') ?? '')
      )
        failures.push(`${hostile.name}: redirected to ${response.headers.get('location')}`);
      const health = await fetch(`${app.url}/healthz`);
      if (health.status !== 200) failures.push(`${hostile.name}: unhealthy afterwards`);
    }
    const normal = await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Wie viele Tage darf ich mobil arbeiten?' }),
    });
    expect(normal.status).toBe(200);
    console.log(
      `hostile HTTP corpus: ${hostileRequests.length} cases, ${hostileRequests.length - new Set(failures.map((line) => line.split(':')[0])).size} handled cleanly`,
    );
    expect(failures).toEqual([]);
    // The refusals are counted in the aggregated metrics (route family and status class only).
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/lotse_http_requests_total\{route="\/api\/chat",status="4xx"\} \d+/);
    expect(metrics).not.toContain('passwd');
  }, 120_000);
});
