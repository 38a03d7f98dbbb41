/**
 * Issue #22 console pages through the real server: a Digitallotsin enters and ends her absence, the Personalrat
 * sees the ticket statistics without any Lotse's name, and the DSB runs GDPR access and (confirmed) erasure.
 * Each page appears in the navigation only for the roles that may open it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await startRealApp(join(repoRoot, 'knowledge/sources'));
}, 60_000);
afterAll(async () => app?.close());

async function as(person: string): Promise<HttpSession> {
  const session = new HttpSession(app.url);
  await session.devLogin({ person });
  return session;
}

async function page(session: HttpSession, path: string): Promise<{ status: number; html: string }> {
  const response = await session.request('GET', path, { accept: 'text/html' });
  return { status: response.status, html: await response.text() };
}

async function submit(session: HttpSession, path: string, fields: Record<string, string>): Promise<{ status: number; html: string }> {
  const body = new URLSearchParams({ ...fields, _csrf: session.cookie('lotse_csrf') ?? '' }).toString();
  const response = await session.request('POST', path, { body, type: 'application/x-www-form-urlencoded', accept: 'text/html' });
  return { status: response.status, html: await response.text() };
}

describe('console: absence, statistics, GDPR requests', () => {
  it('lets a Digitallotsin set and end her absence', async () => {
    const aylin = await as('p-aylin');
    const shown = await page(aylin, '/konsole/abwesenheit');
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('href="/konsole/abwesenheit"');
    expect(shown.html).toContain('type="date" name="until"');
    const set = await submit(aylin, '/konsole/abwesenheit', { until: '2026-11-30' });
    expect(set.status).toBe(200);
    expect(set.html).toContain('bis einschließlich 30.11.2026');
    expect(app.lotse.availability.isPresent('p-aylin')).toBe(false);
    expect((await submit(aylin, '/konsole/abwesenheit', { until: '2020-01-01' })).status).toBe(400);
    const back = await submit(aylin, '/konsole/abwesenheit', { clear: '1' });
    expect(back.html).toContain('Willkommen zurück');
    expect(app.lotse.availability.isPresent('p-aylin')).toBe(true);
    expect((await page(await as('p-marek'), '/konsole/abwesenheit')).status).toBe(403);
  });

  it('shows the Personalrat aggregated ticket statistics without names', async () => {
    const stats = await page(await as('p-peter'), '/konsole/statistik');
    expect(stats.status).toBe(200);
    expect(stats.html).toContain('Statistik der Anfragen');
    expect(stats.html).not.toMatch(/Aylin|Erika|p-aylin|p-erika/);
  });

  it('lets the DSB export and, only when confirmed, erase a person’s data', async () => {
    const marek = await as('p-marek');
    await marek.request('POST', '/api/chat', {
      csrf: true,
      body: JSON.stringify({ text: 'Wie viele Tage darf ich mobil arbeiten?' }),
      type: 'application/json',
    });
    const dana = await as('p-dana');
    const form = await page(dana, '/konsole/datenschutz');
    expect(form.status).toBe(200);
    expect(form.html).toContain('href="/konsole/datenschutz"');
    const exported = await submit(dana, '/konsole/datenschutz', { person: 'p-marek', action: 'export' });
    expect(exported.status).toBe(200);
    expect(exported.html).toContain('Wie viele Tage darf ich mobil arbeiten?');
    expect((await submit(dana, '/konsole/datenschutz', { person: 'p-marek', action: 'erase' })).status).toBe(400);
    const erased = await submit(dana, '/konsole/datenschutz', { person: 'p-marek', action: 'erase', confirm: '1' });
    expect(erased.status).toBe(200);
    expect(erased.html).toContain('&quot;conversations&quot;: 1');
    expect((await page(await as('p-frank'), '/konsole/datenschutz')).status).toBe(403);
  });
});
