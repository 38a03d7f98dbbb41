/**
 * Two `lotse serve` processes against one PostgreSQL 15: they migrate the schema at the same time, share
 * tickets and sessions, and of two concurrent claims on different replicas exactly one wins. Reminders
 * run on three replicas (three connections) at once and each is sent exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { findPostgresBinaries, postgresSkipMessage, startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { removeReplicaDirs, startReplica, type Replica } from '../../support/replicas.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);

const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json', csrf: true });

describe.skipIf(!bin)('two replicas on one PostgreSQL', () => {
  let server: TestPostgres;
  let replicas: Replica[] = [];
  let url: string;

  beforeAll(async () => {
    server = await startTestPostgres(bin);
    url = await server.createDatabase('replicas');
    replicas = await Promise.all([startReplica({ DATABASE_URL: url }), startReplica({ DATABASE_URL: url })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    removeReplicaDirs(replicas);
    server?.destroy();
  }, 60_000);

  it('shares the dev-login session, the conversation and the ticket; exactly one of two concurrent claims wins', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const askerOnA = new HttpSession(a.url);
    await askerOnA.devLogin({ person: 'p-marek' });
    const chat = await askerOnA.request(
      'POST',
      '/api/chat',
      json({ text: 'Wie beantrage ich einen Zugang zum Fachverfahren OPEN/PROSOZ?' }),
    );
    expect(chat.status).toBe(200);
    const { conversationId } = (await chat.json()) as { conversationId: string };
    const created = await askerOnA.request('POST', '/api/tickets', json({ conversationId }));
    expect(created.status).toBe(201);
    const { ticket } = (await created.json()) as { ticket: { id: string; number: number } };

    // The same browser (same cookies) on replica B: the session and the conversation are there.
    const askerOnB = new HttpSession(b.url);
    for (const name of ['lotse_session', 'lotse_csrf']) if (askerOnA.cookie(name)) askerOnB.setCookie(name, askerOnA.cookie(name)!);
    const history = await askerOnB.request('GET', `/api/conversations/${conversationId}/messages`);
    expect(history.status).toBe(200);
    expect(((await history.json()) as { messages: { text: string }[] }).messages[0]?.text).toContain('OPEN/PROSOZ');

    const lotseOnA = new HttpSession(a.url);
    const lotseOnB = new HttpSession(b.url);
    await Promise.all([lotseOnA.devLogin({ person: 'p-aylin' }), lotseOnB.devLogin({ person: 'p-aylin' })]);
    const queue = await (await lotseOnB.request('GET', '/konsole/tickets', { accept: 'text/html' })).text();
    expect(queue).toContain('OPEN/PROSOZ');
    const claims = await Promise.all(
      [lotseOnA, lotseOnB].map((session) => session.request('POST', `/api/tickets/${ticket.id}/claim`, { csrf: true })),
    );
    expect(claims.map((response) => response.status).sort()).toEqual([200, 409]);
    const answered = await lotseOnB.request(
      'POST',
      `/api/tickets/${ticket.id}/answer`,
      json({ text: 'Den Zugang beantragt Ihre Teamleitung über das IT-Serviceportal.' }),
    );
    expect(answered.status).toBe(200);
    const after = (await (await askerOnA.request('GET', `/api/conversations/${conversationId}/messages`)).json()) as {
      messages: { text: string }[];
    };
    expect(after.messages.at(-1)?.text).toContain('IT-Serviceportal');
  }, 60_000);

  it('numbers tickets created concurrently on both replicas without gaps or duplicates', async () => {
    const sessions = await Promise.all(
      replicas.flatMap((replica) =>
        [0, 1, 2].map(async (index) => {
          const session = new HttpSession(replica.url);
          await session.devLogin({ person: index % 2 ? 'p-marek' : 'p-helga' });
          return session;
        }),
      ),
    );
    const numbers = await Promise.all(
      sessions.map(async (session, index) => {
        const chat = await session.request('POST', '/api/chat', json({ text: `Wie beantrage ich Zugang zu OPEN/PROSOZ, Fall ${index}?` }));
        const { conversationId } = (await chat.json()) as { conversationId: string };
        const created = await session.request('POST', '/api/tickets', json({ conversationId }));
        expect(created.status).toBe(201);
        return ((await created.json()) as { ticket: { number: number } }).ticket.number;
      }),
    );
    expect(numbers.sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7]);
  }, 60_000);
});
