/**
 * HR and Personalrat in the console (issue #10): news composed by HR and released by a second person;
 * a survey pasted by HR, approved by the Personalrat, opened, answered by six colleagues in the web, and
 * shown as k-anonymous results with SVG charts and a CSV of aggregates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

const surveyYaml = (opens: string, closes: string) => `title: Zufriedenheit mit der IT-Ausstattung
audience: { kind: all }
opensAt: "${opens}"
closesAt: "${closes}"
questions:
  - { id: zufrieden, type: scale, text: Wie zufrieden sind Sie mit Ihrer IT-Ausstattung? }
`;

describe('HR console', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startRealApp();
  }, 60_000);
  afterAll(async () => app?.close());

  const as = async (person: string): Promise<HttpSession> => {
    const session = new HttpSession(app.url);
    await session.devLogin({ person });
    return session;
  };
  const form = (session: HttpSession, path: string, fields: Record<string, string>) =>
    session.request('POST', path, {
      body: new URLSearchParams({ _csrf: session.cookie('lotse_csrf')!, ...fields }).toString(),
      type: 'application/x-www-form-urlencoded',
    });

  it('lets HR compose news that a second person releases, with a delivery report', async () => {
    const nina = await as('p-nina');
    expect((await form(nina, '/konsole/hr/nachrichten', { title: 'x', text: '' })).status).toBe(400);
    expect(
      (
        await form(nina, '/konsole/hr/nachrichten', {
          title: 'Neue Parkregeln',
          text: 'Ab Januar gilt die neue Parkordnung.',
          units: 'A36',
        })
      ).status,
    ).toBe(303);
    const page = await (await nina.request('GET', '/konsole/hr', { accept: 'text/html' })).text();
    const id = /\/konsole\/hr\/nachrichten\/([^/]+)\/freigeben/.exec(page)?.[1];
    expect(id).toBeDefined();
    expect((await form(nina, `/konsole/hr/nachrichten/${id}/freigeben`, {})).status).toBe(409);
    const frank = await as('p-frank');
    expect((await form(frank, `/konsole/hr/nachrichten/${id}/freigeben`, {})).status).toBe(303);
    const after = await (await frank.request('GET', '/konsole/hr', { accept: 'text/html' })).text();
    expect(after).toMatch(/2\/2 zugestellt/);
  }, 60_000);

  it('runs a survey from definition to k-anonymous results', async () => {
    const nina = await as('p-nina');
    const yaml = surveyYaml(new Date(Date.now() - 60_000).toISOString(), new Date(Date.now() + 86_400_000).toISOString());
    expect((await form(nina, '/konsole/umfragen', { definition: 'title: [kaputt' })).status).toBe(400);
    expect((await form(nina, '/konsole/umfragen', { definition: yaml })).status).toBe(303);
    const id = (await app.lotse.hr.surveys.list()).at(-1)!.id;
    expect((await form(nina, `/konsole/umfragen/${id}/oeffnen`, {})).status).toBe(409);
    const peter = await as('p-peter');
    expect((await form(peter, `/konsole/umfragen/${id}/oeffnen`, {})).status).toBe(409);
    expect((await form(peter, `/konsole/umfragen/${id}/freigeben`, {})).status).toBe(303);
    expect((await form(nina, `/konsole/umfragen/${id}/oeffnen`, {})).status).toBe(303);
    for (const [index, person] of ['p-erika', 'p-jonas', 'p-aylin', 'p-marek', 'p-sabine', 'p-tobias'].entries()) {
      const colleague = await as(person);
      const answered = await colleague.request('POST', `/api/hr/surveys/${id}/answers`, {
        body: JSON.stringify({ answers: { zufrieden: (index % 5) + 1 } }),
        type: 'application/json',
        csrf: true,
      });
      expect(answered.status).toBeLessThan(300);
    }
    expect((await form(nina, `/konsole/umfragen/${id}/schliessen`, {})).status).toBe(303);
    const results = await (await peter.request('GET', `/konsole/umfragen/${id}/ergebnisse`, { accept: 'text/html' })).text();
    expect(results).toContain('<svg');
    const csv = await (await peter.request('GET', `/konsole/umfragen/${id}/ergebnisse.csv`)).text();
    expect(csv.split('\n').length).toBeGreaterThan(1);
    expect(csv).not.toMatch(/p-(erika|jonas|aylin|marek|sabine|tobias)/);
    const staff = await as('p-marek');
    expect((await staff.request('GET', `/konsole/umfragen/${id}/ergebnisse`, { accept: 'text/html' })).status).toBe(403);
  }, 90_000);
});
