/**
 * Issue #18, item 12 (PII in free text): the reason of a negative feedback and the note of a returned ticket
 * were stored as typed, with e-mail addresses, IBANs and colleagues' names, and shown in the console. Both are
 * now masked like questions before they are stored.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Free text with personal data (issue #18, item 12)');
const email = 'max.muster@privat-example.org';
const iban = 'DE89 3704 0044 0532 0130 00';
let app: RunningApp;

beforeAll(async () => {
  app = await startRealApp();
});

afterAll(async () => {
  await app?.close();
});

const contains = (text: string, value: string): string => (text.includes(value) ? 'present' : 'absent');

async function post(path: string, body: unknown, cookie: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: app.url },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('feedback reason', () => {
  it('is stored without e-mail, IBAN or a colleague name', async () => {
    const cookie = 'lotse_uid=aaaaaaaa-2222-3333-4444-555555555555';
    const answer = await post('/api/chat', { text: 'Wie viele Tage darf ich im Kreis Musterland mobil arbeiten?' }, cookie);
    const feedback = await post(
      '/api/feedback',
      {
        messageId: answer.json.messageId,
        rating: 'down',
        reason: `Falsch, fragen Sie Erika Mustermann (${email}), Erstattung auf ${iban}`,
      },
      cookie,
    );
    table.record('POST /api/feedback with a reason (control)', 204, feedback.status);
    const stored = (await app.lotse.conversations.negativeFeedback(50)).map((entry) => entry.reason ?? '').join('\n');
    table.record('e-mail address in the stored reason', 'absent', contains(stored, email));
    table.record('IBAN in the stored reason', 'absent', contains(stored, iban));
    table.record('colleague name in the stored reason', 'absent', contains(stored, 'Erika Mustermann'));
  });
});

describe('return note of a ticket', () => {
  it('is stored without e-mail or a colleague name', async () => {
    const lotse = app.lotse;
    const userId = 'web-asker-return-1';
    const conversationId = 'c-return-mask-1';
    const at = new Date().toISOString();
    await lotse.conversations.ensureConversation({ id: conversationId, channel: 'web', userId, at });
    await lotse.conversations.appendMessage({
      id: 'return-mask-m1',
      conversationId,
      role: 'user',
      text: 'Wie beantrage ich einen Schreibtisch im Kreishaus Nord?',
      createdAt: at,
    });
    const escalated = await lotse.escalation.escalate({ userId, conversationId, channel: 'web', reason: 'user_request' });
    if (escalated.kind !== 'created') throw new Error(`no ticket: ${JSON.stringify(escalated)}`);
    const by = escalated.ticket.candidates[0]!;
    await lotse.escalation.act(escalated.ticket.id, { type: 'claim', by });
    await lotse.escalation.act(escalated.ticket.id, { type: 'answer', by, text: 'Über das Raumbuchungssystem.' });
    const returned = await lotse.escalation.act(escalated.ticket.id, {
      type: 'return',
      by: userId,
      note: `Geht nicht, bitte an Erika Mustermann oder ${email} weitergeben`,
    });
    table.record('asker returns the answered ticket with a note (control)', 'ok', returned.kind);
    const notes = lotse.local
      .prepare<[string], { note: string | null }>('SELECT note FROM ticket_events WHERE ticket_id = ?')
      .all(escalated.ticket.id)
      .map((row) => row.note ?? '')
      .join('\n');
    table.record('e-mail address in the stored return note', 'absent', contains(notes, email));
    table.record('colleague name in the stored return note', 'absent', contains(notes, 'Erika Mustermann'));
    table.record('the note itself is kept', 'present', contains(notes, 'Geht nicht'));
  });
});

describe('feedback reason stored in clear before the masking', () => {
  it('is masked when the console shows it', async () => {
    const store = app.lotse.conversations;
    const at = new Date().toISOString();
    // Reasons are shown from five feedback entries on (issue #22: no single person's text).
    for (const index of [1, 2, 3, 4, 5]) {
      await store.ensureConversation({ id: `c-legacy-feedback-${index}`, channel: 'web', userId: `u-legacy-${index}`, at });
      await store.appendMessage({
        id: `legacy-answer-${index}`,
        conversationId: `c-legacy-feedback-${index}`,
        role: 'bot',
        text: 'Antwort',
        createdAt: at,
      });
      await store.recordFeedback({
        messageId: `legacy-answer-${index}`,
        rating: 'down',
        reason: `Altbestand: bitte an ${email} schreiben`,
        at,
      });
    }
    const frank = new HttpSession(app.url);
    await frank.devLogin({ person: 'p-frank' });
    const page = await (await frank.request('GET', '/konsole/rueckmeldungen', { accept: 'text/html' })).text();
    table.record('legacy reason on the feedback page (control)', 'present', contains(page, 'Altbestand'));
    table.record('e-mail address of the legacy reason on the page', 'absent', contains(page, email));
  });
});
