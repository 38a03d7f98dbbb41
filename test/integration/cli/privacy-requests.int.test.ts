/**
 * Issue #22, GDPR rights, through the real server and CLI: a person chats, rates an answer, hands a question to
 * a Digitallotse and subscribes to HR news on the web; the DSB exports it (Art. 15) and erases it (Art. 17)
 * with `lotse privacy`; nobody else may; both requests are audited under the person's pseudonym and the audit
 * chain stays intact. Another person's data is untouched.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';
import { HttpSession } from '../../support/http-session.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await startRealApp(join(repoRoot, 'knowledge/sources'));
}, 60_000);
afterAll(async () => app?.close());

async function call(session: HttpSession, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await session.request(method, path, {
    csrf: true,
    accept: 'application/json',
    ...(body === undefined ? {} : { body: JSON.stringify(body), type: 'application/json' }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
}

/** A person's footprint: a rated answer, a ticket and a subscription. */
async function useLotse(person: string, question: string): Promise<void> {
  const session = new HttpSession(app.url);
  await session.devLogin({ person });
  const asked = await call(session, 'POST', '/api/chat', { text: question });
  await call(session, 'POST', '/api/feedback', { messageId: asked.messageId, rating: 'down', reason: 'Mir fehlt die Frist' });
  await call(session, 'POST', '/api/tickets', { conversationId: asked.conversationId, reason: 'unhelpful_answer' });
  await call(session, 'PUT', '/api/hr/topics/fortbildung');
}

const cli = (args: string[]) => runCli([...args, '--data', app.lotse.config.dataDir]);

describe('lotse privacy export | erase', () => {
  it('exports and erases one person’s data for the DSB only, audited, leaving others untouched', async () => {
    await useLotse('p-marek', 'Wie hoch ist die Hundesteuer für einen Dackel?');
    await useLotse('p-sabine', 'Gibt es im Kreishaus eine Ladestation für Elektroautos?');

    const refused = await cli(['privacy', 'export', 'p-marek', '--by', 'p-frank']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Datenschutzbeauftragte');

    const exported = await cli(['privacy', 'export', 'p-marek', '--by', 'p-dana']);
    expect(exported.code, exported.stderr).toBe(0);
    const data = JSON.parse(exported.stdout) as {
      kind: string;
      data: {
        conversations: { messages: { text: string; feedback?: { reason?: string } }[] }[];
        ticketsAsAsker: { question: string }[];
        subscriptions: string[];
      };
      notes: string[];
    };
    expect(data.kind).toBe('exported');
    const messages = data.data.conversations.flatMap((conversation) => conversation.messages);
    expect(messages.map((message) => message.text)).toContain('Wie hoch ist die Hundesteuer für einen Dackel?');
    expect(messages.find((message) => message.feedback)?.feedback?.reason).toBe('Mir fehlt die Frist');
    expect(data.data.ticketsAsAsker.map((ticket) => ticket.question)).toEqual(['Wie hoch ist die Hundesteuer für einen Dackel?']);
    expect(data.data.subscriptions).toEqual(['fortbildung']);
    expect(exported.stdout).not.toContain('Ladestation');
    expect(data.notes.join(' ')).toContain('pseudonyme Einträge');

    expect((await cli(['privacy', 'erase', 'p-marek', '--by', 'p-dana'])).code).toBe(2); // needs --confirm
    const erased = await cli(['privacy', 'erase', 'p-marek', '--by', 'p-dana', '--confirm']);
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({
      kind: 'erased',
      counts: { conversations: 1, tickets: 1, feedback: 1, subscriptions: 1 },
    });

    const after = JSON.parse((await cli(['privacy', 'export', 'p-marek', '--by', 'p-dana'])).stdout) as { data: Record<string, unknown> };
    expect(after.data).toMatchObject({ conversations: [], ticketsAsAsker: [], subscriptions: [], inbox: [] });
    const other = JSON.parse((await cli(['privacy', 'export', 'p-sabine', '--by', 'p-dana'])).stdout) as {
      data: { ticketsAsAsker: unknown[]; subscriptions: string[] };
    };
    expect(other.data.ticketsAsAsker).toHaveLength(1);
    expect(other.data.subscriptions).toEqual(['fortbildung']);

    const rules = (await app.lotse.audit.entries()).flatMap((row) => row.entry.rules.map((rule) => rule.id));
    expect(rules.filter((id) => id === 'gdpr-access')).toHaveLength(3);
    expect(rules.filter((id) => id === 'gdpr-erasure')).toHaveLength(1);
    expect(
      JSON.stringify((await app.lotse.audit.entries()).filter((row) => row.entry.rules.some((rule) => rule.id.startsWith('gdpr')))),
    ).not.toContain('p-marek');
    expect((await cli(['audit', 'verify'])).stdout).toContain('intact');
  }, 120_000);

  it('serves the same requests to the DSB over the web API, confirmed erasure only', async () => {
    await useLotse('p-tobias', 'Wie hoch ist die Hundesteuer für zwei Hunde?');
    const admin = new HttpSession(app.url);
    await admin.devLogin({ person: 'p-frank' });
    expect((await admin.request('GET', '/api/privacy/p-tobias', { accept: 'application/json' })).status).toBe(403);
    const dsb = new HttpSession(app.url);
    await dsb.devLogin({ person: 'p-dana' });
    const exported = (await call(dsb, 'GET', '/api/privacy/p-tobias')) as { kind: string; data: { ticketsAsAsker: unknown[] } };
    expect(exported.kind).toBe('exported');
    expect(exported.data.ticketsAsAsker).toHaveLength(1);
    const unconfirmed = await dsb.request('DELETE', '/api/privacy/p-tobias', { csrf: true, body: '{}', type: 'application/json' });
    expect(unconfirmed.status).toBe(400);
    expect(await call(dsb, 'DELETE', '/api/privacy/p-tobias', { confirm: true })).toMatchObject({ kind: 'erased', counts: { tickets: 1 } });
    expect(((await call(dsb, 'GET', '/api/privacy/p-tobias')) as { data: { conversations: unknown[] } }).data.conversations).toEqual([]);
  }, 60_000);
});
