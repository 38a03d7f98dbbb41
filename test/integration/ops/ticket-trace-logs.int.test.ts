/**
 * Issue #19, item 9: one ticket's life through the real HTTP server, logged by the real pino logger at info. The
 * operator can follow it (turn, hand-over, creation, every transition, every delivery with channel and result) by
 * ticket id, conversation id and pseudonyms; no question, answer, reason, name or directory id is in the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinoLogger } from '../../../bot/adapters/logging/pino-logger.ts';
import { HttpSession } from '../../support/http-session.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

const lines: string[] = [];
let app: RunningApp;
beforeAll(async () => {
  const logger = createPinoLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  app = await startRealApp(undefined, {}, { logger });
});
afterAll(async () => app?.close());

type Line = Record<string, unknown> & { event: string };
const parsed = (): Line[] =>
  lines
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);

async function postJson(session: HttpSession, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await session.request('POST', path, { body: JSON.stringify(body), type: 'application/json', csrf: true });
  expect(response.status, path).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

describe('operator logs of one ticket (issue #19, item 9)', () => {
  it('traces question, hand-over, transitions and deliveries by ids and pseudonyms, without text or personal data', async () => {
    const marek = new HttpSession(app.url);
    await marek.devLogin({ person: 'p-marek' });
    const aylin = new HttpSession(app.url);
    await aylin.devLogin({ person: 'p-aylin' });
    const start = lines.length;

    const asked = await postJson(marek, '/api/chat', { text: 'Wie hoch ist die Hundesteuer für einen Dackel namens Quokka?' });
    const created = await postJson(marek, '/api/tickets', { conversationId: asked.conversationId, messageId: asked.messageId });
    const ticket = (created.ticket as { id: string }).id;
    await postJson(aylin, `/api/tickets/${ticket}/claim`, {});
    await postJson(aylin, `/api/tickets/${ticket}/answer`, { text: 'Quokkasteuer erhebt die Gemeinde.' });
    await postJson(marek, `/api/tickets/${ticket}/return`, { note: 'Quokka wurde weggeschickt.' });

    const log = lines.slice(start).join('');
    const events = parsed().filter((line) => line.ticket === ticket || line.conversation === asked.conversationId);
    const turn = events.find((line) => line.event === 'turn');
    expect(turn).toMatchObject({
      level: 'info',
      channel: 'web',
      conversation: asked.conversationId,
      messageId: asked.messageId,
      outcome: 'no_answer',
      handover: true,
    });
    const asker = turn!.user as string;
    expect(asker).toMatch(/^[0-9a-f]{32}$/);
    const lotsin = app.lotse.pseudonymOf('p-aylin');
    const project = (line: Line): unknown[] => {
      if (line.event === 'delivery') return ['delivery', line.kind, line.channel, line.to, line.result];
      if (line.event === 'ticket-transition') return ['transition', `${String(line.from)}→${String(line.to)}`, line.actor];
      return [line.event, line.user ?? line.asker];
    };
    expect(events.map(project)).toEqual([
      ['turn', asker],
      ['ticket-created', asker],
      ['delivery', 'ticket-created', 'inbox', lotsin, 'queued'],
      ['transition', 'open→claimed', lotsin],
      ['transition', 'claimed→answered', lotsin],
      ['delivery', 'ticket-answered', 'inbox', asker, 'delivered'],
      ['transition', 'answered→returned', asker],
      ['delivery', 'ticket-returned', 'inbox', lotsin, 'queued'],
    ]);
    expect(events.every((line) => line.level === 'info')).toBe(true);

    // No text, names or directory ids: the question, answer and reason, Marek's and Aylin's names and ids.
    expect(log).not.toMatch(/Quokka|Hundesteuer|Dackel|Gemeinde|weggeschickt/);
    expect(log).not.toMatch(/p-marek|p-aylin|Marek|Aylin|Nowak|Demir|@musterland/);
  });
});
