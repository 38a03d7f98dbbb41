/**
 * Issue #19, item 6 through the real HTTP server: an asker returns a Lotsin's answer with a reason over the API;
 * the Lotsin gets a message with the reason (web inbox: she has no chat channel here), and the reason is shown in
 * `GET /api/tickets?mine` and in the console queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await startRealApp();
});
afterAll(async () => app.close());

async function postJson(session: HttpSession, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await session.request('POST', path, { body: JSON.stringify(body), type: 'application/json', csrf: true });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

describe('a returned ticket reaches its Lotsin with the reason (issue #19, item 6)', () => {
  it('notifies the assignee and shows the reason in the API and the console', async () => {
    const marek = new HttpSession(app.url);
    await marek.devLogin({ person: 'p-marek' });
    const aylin = new HttpSession(app.url);
    await aylin.devLogin({ person: 'p-aylin' });

    const asked = await postJson(marek, '/api/chat', { text: 'Wie hoch ist die Hundesteuer für einen Dackel?' });
    const created = await postJson(marek, '/api/tickets', { conversationId: asked.json.conversationId, messageId: asked.json.messageId });
    expect(created.status).toBe(201);
    const ticket = created.json.ticket as { id: string; number: number };
    expect((await postJson(aylin, `/api/tickets/${ticket.id}/claim`, {})).status).toBe(200);
    expect((await postJson(aylin, `/api/tickets/${ticket.id}/answer`, { text: 'Die Hundesteuer erhebt die Gemeinde.' })).status).toBe(200);
    const returned = await postJson(marek, `/api/tickets/${ticket.id}/return`, { note: 'Die Gemeinde verweist an den Kreis.' });
    expect(returned.status).toBe(200);

    const inbox = (await app.lotse.inbox.unread('p-aylin')).map((entry) => entry.text).join('\n');
    expect(inbox).toContain(`Anfrage Nr. ${ticket.number} wurde zurückgegeben`);
    expect(inbox).toContain('„Die Gemeinde verweist an den Kreis.“');

    const queue = (await (await aylin.request('GET', '/api/tickets?mine')).json()) as {
      tickets: { id: string; state: string; returned?: { note?: string } }[];
    };
    expect(queue.tickets.find((entry) => entry.id === ticket.id)).toMatchObject({
      state: 'returned',
      returned: { note: 'Die Gemeinde verweist an den Kreis.' },
    });
    const page = await (await aylin.request('GET', '/konsole/tickets')).text();
    expect(page).toContain('Die Gemeinde verweist an den Kreis.');
  });
});
