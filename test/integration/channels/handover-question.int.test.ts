/**
 * Issue #19, items 1 and 7 through the real HTTP server: "Digitallotse fragen" hands over the question whose
 * answer carried the button (`messageId`), the confirmation names that ticket, and personal matters and refusals
 * of person decisions offer no hand-over and are referred to the office named in policies/escalation.yaml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await startRealApp(join(repoRoot, 'knowledge/sources'), { LOTSE_TODAY: '2026-11-22' });
});
afterAll(async () => app.close());

const cookie = 'lotse_uid=33333333-4444-4555-8666-777777777777';
interface Answer {
  conversationId: string;
  messageId: string;
  outcome: string;
  answer: string;
  actions: { type: string }[];
}

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function ask(text: string, conversationId?: string): Promise<Answer> {
  const { json } = await post('/api/chat', { text, ...(conversationId ? { conversationId } : {}) });
  return json as unknown as Answer;
}

const offersHandover = (answer: Answer): boolean => answer.actions.some((action) => action.type === 'escalate');

describe('Digitallotse fragen hands over the question of the answer that carried the button (web)', () => {
  it('creates the ticket for the clicked answer, not for the last question, and names its number', async () => {
    const dackel = await ask('Wie hoch ist die Hundesteuer für einen Dackel?');
    const mobile = await ask('Wie viele Tage darf ich mobil arbeiten?', dackel.conversationId);
    expect(dackel.messageId).toMatch(/\S/);
    expect(mobile.outcome).toBe('answered');
    expect(offersHandover(dackel)).toBe(true);

    const first = await post('/api/tickets', { conversationId: dackel.conversationId, messageId: dackel.messageId, reason: 'no_answer' });
    expect(first.status).toBe(201);
    const firstTicket = first.json.ticket as { id: string; number: number };
    expect((await app.lotse.escalation.get(firstTicket.id))?.question).toBe('Wie hoch ist die Hundesteuer für einen Dackel?');
    expect(String(first.json.message)).toContain(`Anfrage Nr. ${firstTicket.number} `);
    // The excerpt ends with the clicked answer; the later question is not part of it.
    expect(JSON.stringify((await app.lotse.escalation.get(firstTicket.id))?.excerpt)).not.toContain('mobil');

    const second = await post('/api/tickets', { conversationId: mobile.conversationId, messageId: mobile.messageId });
    const secondTicket = second.json.ticket as { id: string; number: number };
    expect(second.status).toBe(201);
    expect(secondTicket.number).not.toBe(firstTicket.number);
    expect((await app.lotse.escalation.get(secondTicket.id))?.question).toBe('Wie viele Tage darf ich mobil arbeiten?');
    expect(String(second.json.message)).toContain(`Anfrage Nr. ${secondTicket.number} `);

    // Clicking the first answer again returns its own ticket, not the newest one.
    const again = await post('/api/tickets', { conversationId: dackel.conversationId, messageId: dackel.messageId });
    expect((again.json.ticket as { number: number }).number).toBe(firstTicket.number);
  });

  it('refuses a message id that is not an answer of this conversation', async () => {
    const asked = await ask('Wie hoch ist die Hundesteuer für einen Pudel?');
    const other = await ask('Wie hoch ist die Hundesteuer für einen Mops?');
    expect((await post('/api/tickets', { conversationId: asked.conversationId, messageId: other.messageId })).status).toBe(404);
    expect((await post('/api/tickets', { conversationId: asked.conversationId, messageId: 'msg-unbekannt' })).status).toBe(404);
  });

  it('hands over the refused answer as a referral, never the later question of the conversation', async () => {
    const decision = await ask('Soll ich Frau Weber befördern?');
    const later = await ask('Wie hoch ist die Hundesteuer für einen Dackel?', decision.conversationId);
    expect(offersHandover(decision)).toBe(false);
    const before = (await app.lotse.escalation.allTickets()).length;
    const clicked = await post('/api/tickets', { conversationId: later.conversationId, messageId: decision.messageId });
    expect(clicked.json).toMatchObject({ kind: 'referred' });
    expect(await app.lotse.escalation.allTickets()).toHaveLength(before);
  });
});

describe('personal matters and person decisions are referred to the responsible office (item 7)', () => {
  it('refers "Wie viele Urlaubstage habe ich?" to the Sachgebiet Personal without a hand-over offer', async () => {
    const leave = await ask('Wie viele Urlaubstage habe ich?');
    expect(leave.outcome).toBe('no_answer');
    expect(leave.answer).toContain('Sachgebiet Personal');
    expect(leave.answer).not.toMatch(/weitergeben\?/);
    expect(offersHandover(leave)).toBe(false);
    const before = (await app.lotse.escalation.allTickets()).length;
    const clicked = await post('/api/tickets', { conversationId: leave.conversationId, messageId: leave.messageId });
    expect(clicked.status).toBe(200);
    expect(clicked.json).toMatchObject({ kind: 'referred' });
    expect(String(clicked.json.message)).toContain('Sachgebiet Personal');
    expect(await app.lotse.escalation.allTickets()).toHaveLength(before);
  });

  it('names the responsible office after refusing a person decision (DV KI § 4), without a hand-over offer', async () => {
    const decision = await ask('Soll ich den Bewerber Müller einstellen?');
    expect(decision.outcome).toBe('refused');
    expect(decision.answer).toContain('Sachgebiet Personal');
    expect(offersHandover(decision)).toBe(false);
  });

  it('keeps the hand-over for a general question about leave that is not about the asker', async () => {
    const general = await ask('Wie viele Urlaubstage haben Beschäftigte nach dem TVöD?');
    expect(general.answer).not.toContain('Sachgebiet Personal');
    expect(offersHandover(general)).toBe(true);
  });
});
