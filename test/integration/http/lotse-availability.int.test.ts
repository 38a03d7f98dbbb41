/**
 * Issue #22, Lotse availability, through the real server and CLI: a Digitallotse sets "abwesend bis" over the
 * web API; a question of her unit then goes to her deputy, not to her; `lotse absence clear` ends it and the
 * next question reaches her again. Staff without tickets cannot set an absence; the ticket statistics are
 * aggregated and name no Lotse. "Today" is fixed by LOTSE_TODAY (2026-11-22), never the wall clock.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { runCli } from '../../support/cli-harness.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await startRealApp(join(repoRoot, 'knowledge/sources'));
}, 60_000);
afterAll(async () => app?.close());

async function json(
  session: HttpSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await session.request(method, path, {
    csrf: true,
    accept: 'application/json',
    ...(body === undefined ? {} : { body: JSON.stringify(body), type: 'application/json' }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** p-marek (unit A50: Lotsin p-aylin, deputy p-erika) asks an unanswerable question and hands it over. */
async function handOver(marek: HttpSession, question: string): Promise<readonly string[]> {
  const asked = await json(marek, 'POST', '/api/chat', { text: question });
  const ticket = await json(marek, 'POST', '/api/tickets', { conversationId: asked.body.conversationId, reason: 'user_request' });
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  return (await app.lotse.escalation.get(String((ticket.body.ticket as { id: string }).id)))?.candidates ?? [];
}

describe('Lotse availability ("abwesend bis")', () => {
  it('routes around an absent Lotsin and back to her once she is back', async () => {
    const aylin = new HttpSession(app.url);
    await aylin.devLogin({ person: 'p-aylin' });
    const marek = new HttpSession(app.url);
    await marek.devLogin({ person: 'p-marek' });

    expect(await handOver(marek, 'Wie hoch ist die Hundesteuer für einen Dackel?')).toEqual(['p-aylin']);

    const set = await json(aylin, 'PUT', '/api/availability', { until: '30.11.2026' });
    expect(set).toMatchObject({ status: 200, body: { kind: 'set', until: '2026-11-30' } });
    expect(String(set.body.message)).toContain('bis einschließlich 30.11.2026');
    expect((await json(aylin, 'GET', '/api/availability')).body).toMatchObject({ kind: 'status', until: '2026-11-30' });
    expect((await json(aylin, 'PUT', '/api/availability', { until: '01.11.2026' })).status).toBe(400);
    expect((await json(marek, 'PUT', '/api/availability', { until: '30.11.2026' })).status).toBe(403);

    expect(await handOver(marek, 'Wie beantrage ich einen Zuschuss für ein Lastenfahrrad?')).toEqual(['p-erika']);
    const shown = await runCli(['absence', 'show', '--as', 'p-aylin', '--data', app.lotse.config.dataDir]);
    expect(shown.stdout).toContain('30.11.2026');

    const cleared = await runCli(['absence', 'clear', '--as', 'p-aylin', '--data', app.lotse.config.dataDir]);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stdout).toContain('wieder neue Anfragen');
    // The CLI is another process: routing reads the server's cached absences, refreshed every minute (issue #20).
    await app.lotse.availability.refresh();
    expect(await handOver(marek, 'Gibt es im Kreishaus eine Ladestation für Elektroautos?')).toEqual(['p-aylin']);

    const refused = await runCli(['absence', 'set', '2026-11-01', '--as', 'p-aylin', '--data', app.lotse.config.dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Vergangenheit');
  }, 120_000);

  it('shows ticket statistics only aggregated, to Lotsen, admins and the Personalrat', async () => {
    const aylin = new HttpSession(app.url);
    await aylin.devLogin({ person: 'p-aylin' });
    const stats = await json(aylin, 'GET', '/api/ticket-stats');
    expect(stats.status).toBe(200);
    expect(stats.body.k).toBe(5);
    expect(JSON.stringify(stats.body)).not.toMatch(/p-aylin|p-erika|Aylin|Erika/);
    // Unit A50 is served by two people (Lotsin and deputy): its tickets count only in the week's total.
    expect((stats.body.rows as { pool: string }[]).map((row) => row.pool)).toEqual(['alle']);
    const marek = new HttpSession(app.url);
    await marek.devLogin({ person: 'p-marek' });
    expect((await json(marek, 'GET', '/api/ticket-stats')).status).toBe(403);
  });
});
