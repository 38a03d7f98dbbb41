/**
 * Console over HTTP with the development login: a Lotse answers a ticket from the queue, the asker sees
 * the answer; uploads are checked (type, size, name) before anything is stored; cross-site posts fail.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

describe('console flow (development login)', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;
  let folder: string;

  beforeAll(async () => {
    app = await startRealAppOnCopy();
    folder = app.folder;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('routes a question to the Lotse queue; the Lotse answers in the console; the asker receives it', async () => {
    const asker = new HttpSession(app.url);
    await asker.devLogin({ person: 'p-marek' });
    const chat = await asker.request('POST', '/api/chat', {
      body: JSON.stringify({ text: 'Wie beantrage ich einen Zugang zum Fachverfahren OPEN/PROSOZ?' }),
      type: 'application/json',
      csrf: true,
    });
    const { conversationId } = (await chat.json()) as { conversationId: string };
    const created = await asker.request('POST', '/api/tickets', {
      body: JSON.stringify({ conversationId }),
      type: 'application/json',
      csrf: true,
    });
    expect(created.status).toBe(201);
    const { ticket } = (await created.json()) as { ticket: { id: string; number: number } };

    const lotse = new HttpSession(app.url);
    await lotse.devLogin({ person: 'p-aylin' });
    const queue = await (await lotse.request('GET', '/konsole/tickets', { accept: 'text/html' })).text();
    expect(queue).toContain('OPEN/PROSOZ');
    const csrf = lotse.cookie('lotse_csrf')!;
    const form = (fields: Record<string, string>) => new URLSearchParams({ _csrf: csrf, ...fields }).toString();
    expect(
      (await lotse.request('POST', `/konsole/tickets/${ticket.id}/claim`, { body: form({}), type: 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(303);
    const forged = await lotse.request('POST', `/konsole/tickets/${ticket.id}/answer`, {
      body: new URLSearchParams({ _csrf: 'falsch'.repeat(8), text: 'x' }).toString(),
      type: 'application/x-www-form-urlencoded',
    });
    expect(forged.status).toBe(403);
    const answered = await lotse.request('POST', `/konsole/tickets/${ticket.id}/answer`, {
      body: form({ text: 'Den Zugang beantragt Ihre Teamleitung über das IT-Serviceportal.' }),
      type: 'application/x-www-form-urlencoded',
    });
    expect(answered.status).toBe(303);

    const messages = (await (await asker.request('GET', `/api/conversations/${conversationId}/messages`)).json()) as {
      messages: { text: string; kind: string }[];
    };
    expect(messages.messages.at(-1)?.text).toContain('IT-Serviceportal');
    expect(messages.messages.at(-1)?.text).toContain('Aylin Demir');
    const closed = await asker.request('POST', `/api/tickets/${ticket.number}/close`, { csrf: true });
    expect(closed.status).toBe(200);
  }, 60_000);

  it('rejects cross-site posts even with a valid token', async () => {
    const lotse = new HttpSession(app.url);
    await lotse.devLogin({ person: 'p-aylin' });
    const response = await lotse.request('POST', '/api/tickets/1/claim', { csrf: true, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('foreign_origin');
  });

  it('checks uploads before storing anything and indexes an accepted file', async () => {
    const owner = new HttpSession(app.url);
    await owner.devLogin({ person: 'p-helga' });
    const upload = (name: string, body: Uint8Array<ArrayBuffer> | string) =>
      owner.request('POST', `/api/sources?name=${encodeURIComponent(name)}`, { body, type: 'application/octet-stream', csrf: true });
    expect((await upload('../../boese.md', '# x')).status).toBe(400);
    expect((await upload('programm.exe', 'MZ')).status).toBe(400);
    expect((await upload('falsch.pdf', 'kein pdf')).status).toBe(415);
    expect((await upload('gross.md', new Uint8Array(21 * 1024 * 1024))).status).toBe(413);
    expect(existsSync(join(folder, 'uploads')) ? readdirSync(join(folder, 'uploads')) : []).toEqual([]);
    const accepted = await upload(
      'Hinweis Druckerwartung.md',
      '---\ntitle: Hinweis Druckerwartung\nstand: 2026-12-01\n---\n# Druckerwartung\n\nDie Drucker im Kreishaus werden jeden ersten Montag im Monat gewartet.\n',
    );
    expect(accepted.status).toBe(201);
    const sources = await (await owner.request('GET', '/konsole/quellen', { accept: 'text/html' })).text();
    expect(sources).toContain('Hinweis Druckerwartung');
  }, 60_000);

  it('lets the owning unit set validity and successor of a document, and nobody else', async () => {
    const form = (session: HttpSession, fields: Record<string, string>) =>
      session.request('POST', '/konsole/quellen/gueltigkeit', {
        body: new URLSearchParams({ _csrf: session.cookie('lotse_csrf')!, ...fields }).toString(),
        type: 'application/x-www-form-urlencoded',
      });
    const foreignOwner = new HttpSession(app.url);
    await foreignOwner.devLogin({ person: 'p-helga' });
    expect((await form(foreignOwner, { document: 'faq/faq-digitales-arbeiten.md', valid_to: '2027-06-30' })).status).toBe(403);
    const itOwner = new HttpSession(app.url);
    await itOwner.devLogin({ person: 'p-frank' });
    expect((await form(itOwner, { document: 'faq/faq-digitales-arbeiten.md', valid_to: '30.06.2027' })).status).toBe(400);
    expect((await form(itOwner, { document: 'faq/faq-digitales-arbeiten.md', supersedes: 'gibt/es-nicht.md' })).status).toBe(400);
    expect((await form(itOwner, { document: '../../etc/passwd', valid_to: '2027-06-30' })).status).toBe(404);
    expect((await form(itOwner, { document: 'faq/faq-digitales-arbeiten.md', valid_to: '2027-06-30' })).status).toBe(303);
    const sources = await (await itOwner.request('GET', '/konsole/quellen', { accept: 'text/html' })).text();
    expect(sources).toMatch(/Häufige Fragen zum digitalen Arbeiten(<\/a>)?<\/td>(<td>[^<]*<\/td>){3}<td>30\.06\.2027<\/td>/);
  }, 60_000);
});
