import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await startRealApp();
});
afterAll(async () => app.close());

async function post(path: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function healthy(): Promise<void> {
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
}

describe('web chat HTTP API (real app, sample knowledge base)', () => {
  it('answers with citations, conversation id, actions and a pseudonymous cookie', async () => {
    const { status, headers, json } = await post('/api/chat', JSON.stringify({ text: 'Wie viele Tage darf ich mobil arbeiten?' }));
    expect(status).toBe(200);
    expect(headers.get('set-cookie')).toMatch(/lotse_uid=[0-9a-f-]{36}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(json.outcome).toBe('answered');
    expect(String(json.answer)).toContain('drei Tagen');
    expect(json.conversationId).toEqual(expect.any(String));
    expect((json.citations as unknown[]).length).toBeGreaterThan(0);
    expect((json.actions as { type: string }[]).map((action) => action.type)).toContain('escalate');
  });

  it('continues a conversation and records feedback for its own answers only', async () => {
    const cookie = 'lotse_uid=11111111-2222-3333-4444-555555555555';
    const headers = { 'content-type': 'application/json', cookie };
    const first = await post('/api/chat', JSON.stringify({ text: 'Wie viele Tage darf ich im Kreis Musterland mobil arbeiten?' }), headers);
    const second = await post(
      '/api/chat',
      JSON.stringify({ conversationId: first.json.conversationId, text: 'und in Nordheide?' }),
      headers,
    );
    expect(second.json.conversationId).toBe(first.json.conversationId);
    expect(String(second.json.answer)).toContain('einem Tag');
    expect(
      (await post('/api/feedback', JSON.stringify({ messageId: second.json.messageId, rating: 'down', reason: 'zu knapp' }), headers))
        .status,
    ).toBe(204);
    const foreign = await post('/api/feedback', JSON.stringify({ messageId: second.json.messageId, rating: 'up' }));
    expect(foreign.status).toBe(404);
  });

  it.each([
    ['malformed JSON', '{"text":', 400, 'kein gültiges JSON'],
    ['empty question', JSON.stringify({ text: '   ' }), 400, 'leer'],
    ['oversized question', JSON.stringify({ text: 'x'.repeat(2001) }), 400, 'zu lang'],
    ['wrong type', JSON.stringify({ text: 42 }), 400, 'Frage'],
    ['body over 1 MB', JSON.stringify({ text: 'x'.repeat(1_100_000) }), 413, 'zu groß'],
  ])('rejects %s with a German error and keeps serving', async (_name, body, status, message) => {
    const response = await post('/api/chat', body);
    expect(response.status).toBe(status);
    expect((response.json.error as { message: string }).message).toContain(message);
    await healthy();
  });

  it('rejects invalid UTF-8 and a wrong content type', async () => {
    const invalid = await post('/api/chat', Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(invalid.status).toBe(400);
    expect((invalid.json.error as { code: string }).code).toBe('invalid_encoding');
    const text = await post('/api/chat', 'Frage', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    await healthy();
  });

  it('serves the page with security headers, the usage rules, readiness and a JSON 404', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<html lang="de">');
    expect(html).not.toMatch(/https?:\/\/(?!intranet)/);
    const rules = await (await fetch(`${app.url}/nutzungshinweise`)).text();
    expect(rules).toContain('Dienstvereinbarung KI');
    expect(rules).toContain('<td>DV KI § 4 Abs. 1</td><td>Keine Personalentscheidungen</td><td>wird abgelehnt</td>');
    expect(rules).toContain('kein Sprachmodell eingebunden');
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { chunks: number }).chunks).toBeGreaterThan(50);
    const missing = await fetch(`${app.url}/gibt-es-nicht`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('Adresse');
  });

  it('survives a client that aborts mid-body', async () => {
    const url = new URL(`${app.url}/api/chat`);
    await new Promise<void>((resolve) => {
      const aborted = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '500' },
      });
      aborted.on('error', () => resolve());
      aborted.write('{"text":"Wie vie');
      setTimeout(() => {
        aborted.destroy();
        resolve();
      }, 50);
    });
    await healthy();
  });
});
