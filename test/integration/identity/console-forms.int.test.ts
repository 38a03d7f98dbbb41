/**
 * Console forms over HTTP (issue #19, item 8): refusals come back as German pages that keep what was typed,
 * times are read as Berlin time, several successors can be picked at once, unknown actions and addresses get
 * German 404 pages, and the JSON API keeps its JSON answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

describe('console forms', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;
  beforeAll(async () => {
    app = await startRealAppOnCopy();
  }, 60_000);
  afterAll(async () => app?.close());

  const as = (person: string): Promise<HttpSession> => HttpSession.loggedIn(app.url, person);
  const post = (session: HttpSession, path: string, fields: [string, string][]) => session.postForm(path, fields);

  it('refuses a survey without an end time in German and keeps the entered values', async () => {
    const nina = await as('p-nina');
    const refused = await post(nina, '/konsole/umfragen', [
      ['title', 'Kantine im Kreishaus'],
      ['opensAt', '2026-12-01T08:00'],
      ['closesAt', ''],
      ['q1-text', 'Wie schmeckt das Essen?'],
    ]);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('text/html');
    const page = await refused.text();
    expect(page).toContain('Bitte geben Sie Datum und Uhrzeit vollständig an: Ende');
    expect(page).toContain('value="Kantine im Kreishaus"');
    expect(page).toContain('value="Wie schmeckt das Essen?"');
    const noQuestion = await post(nina, '/konsole/umfragen', [
      ['title', 'Kantine im Kreishaus'],
      ['opensAt', '2026-12-01T08:00'],
      ['closesAt', '2026-12-08T08:00'],
    ]);
    expect(await noQuestion.text()).toContain('Bitte geben Sie mindestens eine Frage ein.');
  });

  it('reads the send time of news as Berlin time and sends to several picked units', async () => {
    const nina = await as('p-nina');
    expect(
      (
        await post(nina, '/konsole/hr/nachrichten', [
          ['title', 'Betriebsausflug'],
          ['text', 'Der Betriebsausflug ist am 3. Juli.'],
          ['sendAt', '2026-07-01 9 Uhr'],
        ])
      ).status,
    ).toBe(400);
    const created = await post(nina, '/konsole/hr/nachrichten', [
      ['title', 'Betriebsausflug'],
      ['text', 'Der Betriebsausflug ist am 3. Juli.'],
      ['units', 'A50'],
      ['units', 'A53'],
      ['sendAt', '2026-07-01T09:00'],
    ]);
    expect(created.status).toBe(303);
    expect((await app.lotse.hr.broadcasts.list()).at(-1)).toMatchObject({
      sendAt: '2026-07-01T07:00:00.000Z',
      audience: { kind: 'units', units: ['A50', 'A53'] },
    });
  });

  it('stores several successors picked in the list', async () => {
    const frank = await as('p-frank');
    const saved = await post(frank, '/konsole/quellen/gueltigkeit', [
      ['document', 'dienstanweisungen/da-mobiles-arbeiten-2025.md'],
      ['valid_to', ''],
      ['supersedes', 'dienstanweisungen/da-mobiles-arbeiten-2023.md'],
      ['supersedes', 'andere-kreise/nordheide-mobiles-arbeiten.md'],
    ]);
    expect(saved.status).toBe(303);
    expect(app.lotse.knowledge.store.getDocument('dienstanweisungen/da-mobiles-arbeiten-2025.md')?.supersedes).toEqual(
      expect.arrayContaining(['dienstanweisungen/da-mobiles-arbeiten-2023.md', 'andere-kreise/nordheide-mobiles-arbeiten.md']),
    );
    const badDate = await post(frank, '/konsole/quellen/gueltigkeit', [
      ['document', 'faq/faq-digitales-arbeiten.md'],
      ['valid_to', '2027-02-30x'],
    ]);
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain('Bitte geben Sie ein gültiges Datum an.');
  }, 60_000);

  it('answers unknown console actions and addresses with German pages, and the API with JSON', async () => {
    const aylin = await as('p-aylin');
    const action = await post(aylin, '/konsole/tickets/1/loeschen', []);
    expect(action.status).toBe(404);
    expect(await action.text()).toContain('<h1>Nicht gefunden</h1>');
    const address = await aylin.request('GET', '/konsole/tickets/1', { accept: 'text/html' });
    expect(address.status).toBe(404);
    expect(await address.text()).toContain('Diese Seite gibt es nicht.');
    const marek = await as('p-marek');
    const api = await marek.request('GET', '/api/reports/audit');
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: 'forbidden' } });
    const page = await marek.request('GET', '/konsole/quellen', { accept: 'text/html' });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('<h1>Keine Berechtigung</h1>');
  });
});
