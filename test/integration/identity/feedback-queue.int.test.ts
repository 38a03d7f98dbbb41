/**
 * The owners' feedback queue through the real server (issue #22): negative feedback per document with its
 * work state (Neu → In Arbeit → Quelle geändert / Verworfen), counts and reasons only from five on, reasons
 * masked, a link to fix the source, transitions only to allowed states and only by the document's owners,
 * and new feedback after a closed state reopens the document as "Neu".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

const busy = 'faq/faq-digitales-arbeiten.md';
const quiet = 'dienstanweisungen/da-e-mail-und-messenger.md';
const email = 'jemand.privat@example.org';

describe('feedback queue of document owners', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;
  let sequence = 0;
  beforeAll(async () => {
    app = await startRealAppOnCopy();
  }, 60_000);
  afterAll(async () => app?.close());

  /** One thumbs-down on an answer citing `document` (stored as the chat would store it). */
  const thumbsDown = async (document: string, reason: string, at = new Date().toISOString()): Promise<void> => {
    const store = app.lotse.conversations;
    sequence += 1;
    await store.ensureConversation({ id: `c-queue-${sequence}`, channel: 'web', userId: `u-queue-${sequence}`, at });
    await store.appendMessage({
      id: `m-queue-${sequence}`,
      conversationId: `c-queue-${sequence}`,
      role: 'bot',
      text: 'Antwort',
      payload: JSON.stringify({ citations: [{ document }] }),
      createdAt: at,
    });
    await store.recordFeedback({ messageId: `m-queue-${sequence}`, rating: 'down', reason, at });
  };
  const as = async (person: string): Promise<HttpSession> => {
    const session = new HttpSession(app.url);
    await session.devLogin({ person });
    return session;
  };
  const setState = (session: HttpSession, document: string, state: string) =>
    session.request('POST', '/konsole/rueckmeldungen/status', {
      body: new URLSearchParams([
        ['_csrf', session.cookie('lotse_csrf')!],
        ['document', document],
        ['state', state],
      ]).toString(),
      type: 'application/x-www-form-urlencoded',
    });
  const page = async (session: HttpSession): Promise<string> =>
    (await session.request('GET', '/konsole/rueckmeldungen', { accept: 'text/html' })).text();
  const rowOf = (html: string, document: string): string => html.split('<tr>').find((row) => row.includes(`(${document})`)) ?? '';

  it('shows counts and masked reasons from five on, the state and a link to fix the source', async () => {
    for (let index = 0; index < 5; index += 1) await thumbsDown(busy, `Veraltet, Rückfragen an ${email} (${index})`);
    await thumbsDown(quiet, 'Nur zwei Rückmeldungen – Einzelmeinung');
    await thumbsDown(quiet, 'Nur zwei Rückmeldungen – Einzelmeinung');
    const html = await page(await as('p-frank'));
    const busyRow = rowOf(html, busy);
    expect(busyRow).toContain('<td>Neu</td>');
    expect(busyRow).toContain('<td>5</td>');
    expect(busyRow).toContain('Veraltet, Rückfragen an');
    expect(html).not.toContain(email);
    expect(busyRow).toMatch(/href="[^"]+"[^>]*>Quelle korrigieren</);
    const quietRow = rowOf(html, quiet);
    expect(quietRow).toContain('&lt; 5');
    expect(html).not.toContain('Einzelmeinung');
  });

  it('moves a document through the states and refuses a state that may not follow', async () => {
    const frank = await as('p-frank');
    expect((await setState(frank, busy, 'in_progress')).status).toBe(303);
    expect(rowOf(await page(frank), busy)).toContain('<td>In Arbeit</td>');
    expect((await setState(frank, busy, 'source_changed')).status).toBe(303);
    expect(rowOf(await page(frank), busy)).toContain('<td>Quelle geändert</td>');
    const refused = await setState(frank, busy, 'discarded');
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Dieser Stand ist hier nicht zulässig.');
  });

  it('lets only the owners change the state and reopens a closed document on new feedback', async () => {
    const helga = await as('p-helga');
    expect(rowOf(await page(helga), busy)).toBe('');
    expect((await setState(helga, busy, 'in_progress')).status).toBe(403);
    await thumbsDown(busy, 'Immer noch falsch', new Date(Date.now() + 60_000).toISOString());
    expect(rowOf(await page(await as('p-frank')), busy)).toContain('<td>Neu</td>');
  });
});
