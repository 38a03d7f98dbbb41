/**
 * Issue #18, item 12 (approvals bound to the console): re-identification approvals came from the CLI with a
 * free-text `--role`/`--by`, so whoever had a shell could approve as anyone. Approvals now come only from the
 * console, as the logged-in person in a role their login holds; the CLI refuses `--approve`.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Re-identification approvals in the console (issue #18, item 12)');
let app: RunningApp;
const sessions: Record<string, HttpSession> = {};

beforeAll(async () => {
  app = await startRealApp(undefined, { AUTH_MODE: 'dev' });
  for (const person of ['p-frank', 'p-dana', 'p-peter', 'p-marek']) {
    sessions[person] = new HttpSession(app.url);
    await sessions[person].devLogin({ person });
  }
  sessions.dsbDemo = new HttpSession(app.url);
  await sessions.dsbDemo.devLogin({ role: 'dsb' }); // a role without a directory person
});

afterAll(async () => {
  await app?.close();
});

async function post(who: string, path: string, fields: Record<string, string>, csrf = true): Promise<{ status: number; text: string }> {
  const session = sessions[who]!;
  const body = new URLSearchParams({ ...(csrf ? { _csrf: session.cookie('lotse_csrf') ?? '' } : {}), ...fields }).toString();
  const response = await session.request('POST', path, { body, type: 'application/x-www-form-urlencoded' });
  return { status: response.status, text: await response.text() };
}

const requestId = (text: string): string => /Antrag Nr\. (\d+) ist gestellt/.exec(text)?.[1] ?? 'none';

describe('four-eyes re-identification in the console', () => {
  it('binds every approval to the logged-in role holder', async () => {
    const marek = sessions['p-marek']!;
    await marek.request('POST', '/api/chat', {
      body: JSON.stringify({ text: 'Wie viele Tage darf ich mobil arbeiten?' }),
      type: 'application/json',
      csrf: true,
    });
    const pseudonym = (await app.lotse.audit.entries()).at(-1)!.entry.pseudonym;

    const requested = await post('p-frank', '/konsole/reidentifizierung', {
      pseudonym,
      reason: 'Verdacht auf Missbrauch, Vorgang 12/2026',
    });
    table.record('admin Frank requests (control)', 201, requested.status);
    const id = requestId(requested.text);
    const approve = (who: string, role: string, csrf = true) => post(who, `/konsole/reidentifizierung/${id}/freigeben`, { role }, csrf);

    table.record('requester Frank (admin) approves', 403, (await approve('p-frank', 'dsb')).status);
    table.record('DSB Dana approves as Personalrat (form field)', 403, (await approve('p-dana', 'personalrat')).status);
    table.record('approval without CSRF token', 403, (await approve('p-dana', 'dsb', false)).status);
    table.record('demo DSB login without a directory person', 409, (await approve('dsbDemo', 'dsb')).status);
    table.record('staff Marek approves', 403, (await approve('p-marek', 'personalrat')).status);
    table.record('DSB Dana approves as DSB (control)', 200, (await approve('p-dana', 'dsb')).status);
    const revealed = await approve('p-peter', 'personalrat');
    table.record(
      'Personalrat Peter approves: revealed person',
      'Marek',
      /gehört zu [^.]*Marek/.test(revealed.text) ? 'Marek' : `${revealed.status} not revealed`,
    );
  });

  it('never lets the requester approve their own request', async () => {
    const requested = await post('p-dana', '/konsole/reidentifizierung', {
      pseudonym: 'a'.repeat(32),
      reason: 'Prüfung einer Beschwerde, Vorgang 13/2026',
    });
    const own = await post('p-dana', `/konsole/reidentifizierung/${requestId(requested.text)}/freigeben`, { role: 'dsb' });
    table.record(
      'DSB Dana requests, then approves as DSB',
      '409 own request',
      `${own.status} ${own.text.includes('Wer den Antrag gestellt hat') ? 'own request' : 'other'}`,
    );
  });
});
