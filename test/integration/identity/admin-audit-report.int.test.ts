/**
 * Admin actions in the audit trail through the real server (issue #22, DV KI § 10): an upload, a validity
 * change, a re-index, a broadcast release and a survey approval are each one hash-chained `admin` record with
 * the actor's pseudonym and the clause; the Personalrat sees them only counted per week and action, never who.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

describe('admin actions in the audit trail and the staff-council report', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;
  beforeAll(async () => {
    app = await startRealAppOnCopy();
  }, 60_000);
  afterAll(async () => app?.close());

  const as = (person: string): Promise<HttpSession> => HttpSession.loggedIn(app.url, person);
  const post = (session: HttpSession, path: string, fields: [string, string][]) => session.postForm(path, fields);

  it('records each admin action with pseudonym and clause, and reports them per week without persons', async () => {
    const frank = await as('p-frank');
    expect(
      (
        await frank.request('POST', '/api/sources?name=kantine.md', {
          body: '# Kantine\n\nDie Kantine öffnet um 11:30 Uhr.',
          type: 'application/octet-stream',
          csrf: true,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(frank, '/konsole/quellen/gueltigkeit', [
          ['document', 'faq/faq-digitales-arbeiten.md'],
          ['valid_to', '2027-12-31'],
        ])
      ).status,
    ).toBe(303);
    expect((await post(frank, '/konsole/quellen/neu-indizieren', [])).status).toBe(303);
    const nina = await as('p-nina');
    expect(
      (
        await post(nina, '/konsole/hr/nachrichten', [
          ['title', 'Neue Parkregeln'],
          ['text', 'Ab Januar gilt die neue Parkordnung.'],
          ['units', 'A36'],
        ])
      ).status,
    ).toBe(303);
    const broadcast = (await app.lotse.hr.broadcasts.list()).at(-1)!;
    expect((await post(frank, `/konsole/hr/nachrichten/${broadcast.id}/freigeben`, [])).status).toBe(303);
    expect(
      (
        await post(nina, '/konsole/umfragen', [
          ['title', 'Kantine im Kreishaus'],
          ['opensAt', '2030-12-01T08:00'],
          ['closesAt', '2030-12-08T08:00'],
          ['q1-text', 'Wie schmeckt das Essen?'],
        ])
      ).status,
    ).toBe(303);
    const peter = await as('p-peter');
    expect((await post(peter, `/konsole/umfragen/${(await app.lotse.hr.surveys.list()).at(-1)!.id}/freigeben`, [])).status).toBe(303);

    const records = (await app.lotse.audit.entries()).map((row) => row.entry).filter((entry) => entry.type === 'admin');
    expect(records.map((entry) => entry.adminAction).sort()).toEqual([
      'broadcast_release',
      'reindex',
      'survey_approve',
      'upload',
      'validity_change',
    ]);
    expect(
      records
        .filter((entry) => entry.adminAction !== 'survey_approve')
        .every((entry) => entry.pseudonym === app.lotse.pseudonymOf('p-frank')),
    ).toBe(true);
    expect(records.find((entry) => entry.adminAction === 'survey_approve')?.pseudonym).toBe(app.lotse.pseudonymOf('p-peter'));
    expect(records.every((entry) => entry.rules[0]?.clause === 'DV KI § 10')).toBe(true);
    expect(await app.lotse.audit.verify()).toMatchObject({ kind: 'intact' });

    const report = (await (await peter.request('GET', '/api/reports/audit')).json()) as {
      weeks: unknown[];
      adminActions: { week: string; actions: { action: string; count: number }[] }[];
    };
    expect(report.weeks).toEqual([]);
    expect(report.adminActions).toHaveLength(1);
    expect(report.adminActions[0]!.actions).toEqual(
      expect.arrayContaining([
        { action: 'upload', count: 1 },
        { action: 'reindex', count: 1 },
        { action: 'broadcast_release', count: 1 },
        { action: 'survey_approve', count: 1 },
      ]),
    );
    const page = await (await peter.request('GET', '/konsole/berichte', { accept: 'text/html' })).text();
    expect(page).toContain('Administrative Aktionen je Woche');
    expect(page).toContain('<td>Datei hochgeladen</td><td>1</td>');
    expect(page).toContain('<td>Umfrage freigegeben</td><td>1</td>');
    expect(page).not.toContain('Frank');
    expect(page).not.toContain(app.lotse.pseudonymOf('p-frank'));
    expect(JSON.stringify(report)).not.toContain(app.lotse.pseudonymOf('p-frank'));
  }, 60_000);
});
