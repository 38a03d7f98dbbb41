/**
 * Issue #19 in Teams, against the mock Bot Connector and the real app: the card's "Digitallotse fragen" hands over
 * the question of that card (item 1), personal matters and person decisions carry no hand-over button (item 7), one
 * greeting on install, German dates and the Lotse's own form from the directory (item 5), the reason of a return
 * reaches the Lotse (item 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockBotConnector, type ConnectorRequest, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

let connector: MockBotConnector;
let app: TeamsApp;

type Action = { type: string; title: string; data?: Record<string, unknown>; card?: { actions?: Action[] } };
type Card = { body: unknown[]; actions?: Action[] };

const sabine = { id: '29:1sabine-teams-user-id', aadObjectId: aad.sabine };
const tobias = { id: '29:1tobias-teams-user-id', aadObjectId: aad.tobias };
const sabineChat = 'a:1personal-sabine';
const personal = (id: string) => ({ conversationType: 'personal', tenantId: '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa', id });

function cardOf(request: ConnectorRequest | undefined): Card {
  const attachments = request?.body.attachments as { content: Card }[] | undefined;
  if (!attachments?.[0]) throw new Error(`no card in ${JSON.stringify(request?.body)}`);
  return attachments[0].content;
}

function allActions(card: Card): Action[] {
  return (card.actions ?? []).flatMap((action) => [action, ...allActions({ body: [], actions: action.card?.actions ?? [] })]);
}

/** Sends a question as Sabine and returns the answer card (the reply to that activity). */
async function ask(text: string, id: string): Promise<Card> {
  expect((await app.post(fixture('message-personal', connector.serviceUrl, { id, text }))).status).toBe(200);
  const reply = connector
    .to(sabineChat)
    .find((request) => decodeURIComponent(request.url).endsWith(`/activities/${id}`) && request.body.attachments);
  return cardOf(reply);
}

function invoke(from: { id: string; aadObjectId: string }, conversationId: string, data: Record<string, unknown>): Record<string, unknown> {
  return fixture('invoke-adaptive-card-action', connector.serviceUrl, {
    id: `f:${Math.random()}`,
    from,
    conversation: personal(conversationId),
    value: { action: { type: 'Action.Execute', verb: String(data.lotse), data }, trigger: 'manual' },
  });
}

const escalateAction = (card: Card): Action | undefined => allActions(card).find((action) => action.data?.lotse === 'escalate');

beforeAll(async () => {
  connector = await startMockBotConnector();
  app = await startTeamsApp();
  await app.post(fixture('conversation-update', connector.serviceUrl)); // Tobias has installed lotse
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

describe('Teams: the hand-over and the texts of issue #19', () => {
  it('greets once when Teams sends installationUpdate and conversationUpdate for the same chat', async () => {
    await app.post(
      fixture('installation-update', connector.serviceUrl, {
        from: sabine,
        conversation: personal(sabineChat),
        channelData: { tenant: { id: personal('').tenantId } },
      }),
    );
    await app.post(fixture('conversation-update', connector.serviceUrl, { from: sabine, conversation: personal(sabineChat) }));
    const greetings = connector.to(sabineChat).filter((request) => String(request.body.text ?? '').includes('Ich bin lotse'));
    expect(greetings).toHaveLength(1);
  });

  it('hands over the question of the clicked card and names its ticket', async () => {
    const dackel = await ask('Wie hoch ist die Hundesteuer für einen Dackel?', 'q-dackel');
    const mobile = await ask('Wie beantrage ich mobiles Arbeiten?', 'q-mobile');
    expect(JSON.stringify(mobile.body)).toContain('Stand: 01.09.2026');
    expect(JSON.stringify(mobile.body)).not.toMatch(/Stand: \d{4}-/);

    const created = await app.post(invoke(sabine, sabineChat, escalateAction(dackel)!.data!));
    const number = Number(/Anfrage Nr\. (\d+)/.exec(String((created.body as { value: string }).value))?.[1]);
    const ticket = await app.lotse.escalation.get(String(number));
    expect(ticket?.question).toBe('Wie hoch ist die Hundesteuer für einen Dackel?');
    expect(ticket?.replyTo.channel).toBe('teams');

    // The Lotse's card shows the clicked question; the later question gets its own ticket.
    await connector.waitFor(() => connector.to('a:1personal-tobias').some((request) => JSON.stringify(request.body).includes('Dackel')));
    const second = await app.post(invoke(sabine, sabineChat, escalateAction(mobile)!.data!));
    const secondNumber = Number(/Anfrage Nr\. (\d+)/.exec(String((second.body as { value: string }).value))?.[1]);
    expect(secondNumber).not.toBe(number);
    expect((await app.lotse.escalation.get(String(secondNumber)))?.question).toBe('Wie beantrage ich mobiles Arbeiten?');

    // The answer reaches Sabine with the Lotse's own form from the directory.
    await app.post(invoke(tobias, 'a:1personal-tobias', { lotse: 'ticket', op: 'claim', ticketId: ticket!.id, version: ticket!.version }));
    const claimed = (await app.lotse.escalation.get(ticket!.id))!;
    await app.post(
      invoke(tobias, 'a:1personal-tobias', {
        lotse: 'ticket',
        op: 'answer',
        ticketId: claimed.id,
        version: claimed.version,
        answerText: 'Die Hundesteuer erhebt die Gemeinde.',
      }),
    );
    await connector.waitFor(() =>
      connector.to(sabineChat).some((request) => JSON.stringify(request.body).includes('Antwort von Tobias Lange (Digitallotse)')),
    );

    // Sabine returns the answer with a reason: Tobias gets it in Teams (item 6).
    const answerCard = cardOf(
      connector.to(sabineChat).find((request) => JSON.stringify(request.body).includes('Antwort von Tobias Lange'))!,
    );
    const giveBack = allActions(answerCard).find((action) => action.data?.op === 'return')!;
    await app.post(invoke(sabine, sabineChat, { ...giveBack.data!, note: 'Die Gemeinde verweist an den Kreis.' }));
    expect((await app.lotse.escalation.get(ticket!.id))?.state).toBe('returned');
    await connector.waitFor(() =>
      connector
        .to('a:1personal-tobias')
        .some(
          (request) =>
            JSON.stringify(request.body).includes('wurde zurückgegeben') &&
            JSON.stringify(request.body).includes('Die Gemeinde verweist an den Kreis.'),
        ),
    );
    await connector.waitFor(() =>
      connector.to('a:1personal-tobias').some((request) => JSON.stringify(request.body).includes('Grund der Rückgabe')),
    );
  });

  it('offers no hand-over for an own personnel matter or a person decision, and names the responsible office', async () => {
    const leave = await ask('Wie viele Urlaubstage habe ich?', 'q-leave');
    expect(escalateAction(leave)).toBeUndefined();
    expect(JSON.stringify(leave.body)).toContain('Sachgebiet Personal');
    const decision = await ask('Soll ich den Bewerber Müller einstellen?', 'q-decision');
    expect(escalateAction(decision)).toBeUndefined();
    expect(JSON.stringify(decision.body)).toContain('Sachgebiet Personal');
  });
});
