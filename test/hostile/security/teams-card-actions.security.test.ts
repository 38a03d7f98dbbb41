/**
 * Issue #18, item 6: a refused, stale or replayed Teams card action returned the current ticket card to
 * whoever sent it, and the short ticket number was accepted as an id. Only people involved in a ticket
 * (asker; assignee, candidates, answerer) may get its card.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Ticket } from '../../../bot/ports/tickets.ts';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Teams card actions (issue #18, item 6)');
const question = 'Wie beantrage ich mobiles Arbeiten?';
const sabine = { id: '29:1sabine-teams-user-id', aadObjectId: aad.sabine };
const tobias = { id: '29:1tobias-teams-user-id', aadObjectId: aad.tobias };
const jonas = { id: '29:1jonas-teams-user-id', aadObjectId: aad.jonas };
let connector: MockBotConnector;
let app: TeamsApp;
let ticket: Ticket;

/** Every `data` object of the Action.Execute buttons in a sent activity (cards nest in ShowCard actions). */
function actionData(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(actionData);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own =
    record.type === 'Action.Execute' && typeof record.data === 'object' && record.data !== null
      ? [record.data as Record<string, unknown>]
      : [];
  return [...own, ...Object.values(record).flatMap(actionData)];
}

function invoke(from: { id: string; aadObjectId: string }, conversationId: string, data: Record<string, unknown>): Record<string, unknown> {
  return fixture('invoke-adaptive-card-action', connector.serviceUrl, {
    id: `f:${conversationId}:${JSON.stringify(data).length}:${String(data.version)}:${String(data.op)}`,
    from,
    conversation: { conversationType: 'personal', tenantId: '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa', id: conversationId },
    value: { action: { type: 'Action.Execute', verb: String(data.lotse), data }, trigger: 'manual' },
  });
}

beforeAll(async () => {
  connector = await startMockBotConnector();
  app = await startTeamsApp({ startOutbox: false });
  await app.post(fixture('message-personal', connector.serviceUrl));
  const escalate = actionData(connector.to('a:1personal-sabine').map((request) => request.body)).find((data) => data.lotse === 'escalate');
  if (!escalate) throw new Error('no escalate action on the answer card');
  await app.post(invoke(sabine, 'a:1personal-sabine', escalate));
  const created = (await app.lotse.escalation.allTickets())[0];
  if (!created) throw new Error('no ticket');
  ticket = created;
});

afterAll(async () => {
  await app?.close();
  await connector?.close();
});

async function leaks(from: { id: string; aadObjectId: string }, conversationId: string, data: Record<string, unknown>): Promise<string> {
  const response = await app.post(invoke(from, conversationId, data));
  return JSON.stringify(response.body).includes(question) ? 'ticket card' : 'no card';
}

describe('ticket cards only for people involved', () => {
  it('gives a candidate Lotse the current card on a stale action (control)', async () => {
    table.record(
      `candidate Tobias (${ticket.candidates.join(',')}), stale version`,
      'ticket card',
      await leaks(tobias, 'a:1personal-tobias', { lotse: 'ticket', op: 'claim', ticketId: ticket.id, version: ticket.version + 50 }),
    );
  });

  it('gives other Lotsen and other people nothing', async () => {
    table.record(
      'Lotse Jonas (not involved), stale version',
      'no card',
      await leaks(jonas, 'a:1personal-jonas', { lotse: 'ticket', op: 'claim', ticketId: ticket.id, version: ticket.version + 60 }),
    );
    table.record(
      'Lotse Jonas (not involved), answer on the current version (refused)',
      'no card',
      await leaks(jonas, 'a:1personal-jonas', {
        lotse: 'ticket',
        op: 'answer',
        ticketId: ticket.id,
        version: ticket.version,
        answerText: 'x',
      }),
    );
    table.record(
      "Jonas as 'asker' of Sabine's ticket (refused close)",
      'no card',
      await leaks(jonas, 'a:1personal-jonas', { lotse: 'asker', op: 'close', ticketId: ticket.id, version: ticket.version }),
    );
  });

  it('does not accept the short ticket number as an id', async () => {
    table.record(
      `candidate Tobias, ticketId "${ticket.number}" (the number), stale version`,
      'no card',
      await leaks(tobias, 'a:1personal-tobias', {
        lotse: 'ticket',
        op: 'claim',
        ticketId: String(ticket.number),
        version: ticket.version + 70,
      }),
    );
  });
});
