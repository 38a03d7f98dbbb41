import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockBotConnector, type ConnectorRequest, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

let connector: MockBotConnector;
let app: TeamsApp;

type Card = {
  body: { text?: string; items?: { text: string }[]; facts?: { title: string; value: string }[] }[];
  actions?: { type: string; title: string; data?: Record<string, unknown>; card?: Card }[];
};

function cardOf(request: ConnectorRequest | undefined): Card {
  const attachments = request?.body.attachments as { content: Card }[] | undefined;
  if (!attachments?.[0]) throw new Error(`no card in ${JSON.stringify(request?.body)}`);
  return attachments[0].content;
}

function allActions(card: Card): { type: string; title: string; data?: Record<string, unknown> }[] {
  return (card.actions ?? []).flatMap((action) => [action, ...(action.card ? allActions(action.card) : [])]);
}

function cardText(card: Card): string {
  return JSON.stringify(card.body);
}

function invoke(from: { id: string; aadObjectId: string }, conversationId: string, data: Record<string, unknown>): Record<string, unknown> {
  return fixture('invoke-adaptive-card-action', connector.serviceUrl, {
    id: `f:${Math.random()}`,
    from,
    conversation: { conversationType: 'personal', tenantId: '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa', id: conversationId },
    value: { action: { type: 'Action.Execute', verb: String(data.lotse), data }, trigger: 'manual' },
  });
}

const sabine = { id: '29:1sabine-teams-user-id', aadObjectId: aad.sabine };
const tobias = { id: '29:1tobias-teams-user-id', aadObjectId: aad.tobias };

beforeAll(async () => {
  connector = await startMockBotConnector();
  app = await startTeamsApp();
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

describe('Teams channel against a mock Bot Connector (real app)', () => {
  it('stores references on installationUpdate and conversationUpdate and greets in the personal chat', async () => {
    expect((await app.post(fixture('installation-update', connector.serviceUrl))).status).toBe(200);
    expect((await app.post(fixture('conversation-update', connector.serviceUrl))).status).toBe(200);
    expect((await app.teams.store.personalConversationOf('p-jonas'))?.conversationId).toBe('a:1personal-jonas');
    expect((await app.teams.store.personalConversationOf('p-tobias'))?.conversationId).toBe('a:1personal-tobias');
    const greeting = connector.to('a:1personal-jonas')[0];
    expect(decodeURIComponent(greeting?.url ?? '')).toBe('/v3/conversations/a:1personal-jonas/activities/f:installation-update-1');
    expect(String(greeting?.body.text)).toContain('Ich bin lotse');
  });

  it('answers a personal question with an answer card: text, numbered citations, AI label, feedback and Digitallotse', async () => {
    const response = await app.post(fixture('message-personal', connector.serviceUrl));
    expect(response.status).toBe(200);
    const reply = connector.to('a:1personal-sabine').at(-1);
    expect(decodeURIComponent(reply?.url ?? '')).toBe('/v3/conversations/a:1personal-sabine/activities/1732266902123');
    const card = cardOf(reply);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const text = cardText(card);
    expect(text).toContain('Mitarbeiterportal');
    expect(text).toMatch(/\[1\] \*\*Häufige Fragen zum digitalen Arbeiten\*\* · Abschnitt: .+ · Stand: 01.09.2026/);
    expect(text).toContain('Automatisch erstellt');
    expect(allActions(card).map((action) => action.title)).toEqual(
      expect.arrayContaining(['👍 Hilfreich', '👎 Nicht hilfreich', 'Digitallotse fragen']),
    );
    expect((await app.teams.store.personalConversationOf('p-sabine'))?.conversationId).toBe('a:1personal-sabine');
  });

  it('strips the bot mention in a channel and ignores channel messages that do not mention the bot', async () => {
    const before = connector.requests.length;
    const channelId = '19:abc123channel@thread.tacv2;messageid=1732267200000';
    expect((await app.post(fixture('message-channel-mention', connector.serviceUrl))).status).toBe(200);
    expect(cardText(cardOf(connector.to(channelId).at(-1)))).toContain('Mitarbeiterportal');
    const unmentioned = fixture('message-channel-mention', connector.serviceUrl, { text: 'Kaffee?', entities: [], id: 'x-2' });
    expect((await app.post(unmentioned)).status).toBe(200);
    expect(connector.requests.length).toBe(before + 1);
  });

  it('records feedback once and refuses the same card submitted twice', async () => {
    const card = cardOf(connector.to('a:1personal-sabine').at(-1));
    const up = allActions(card).find((action) => action.title === '👍 Hilfreich')!;
    const first = await app.post(invoke(sabine, 'a:1personal-sabine', up.data!));
    expect(first.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Danke für Ihre Rückmeldung.',
    });
    const second = await app.post(invoke(sabine, 'a:1personal-sabine', up.data!));
    expect(second.body).toMatchObject({ value: 'Diese Aktion wurde bereits ausgeführt.' });
  });

  it('accepts Action.Submit values (a message with value) and answers with a text', async () => {
    const channelId = '19:abc123channel@thread.tacv2;messageid=1732267200000';
    const card = cardOf(
      connector
        .to(channelId)
        .filter((request) => request.body.attachments)
        .at(-1),
    );
    const down = allActions(card).find((action) => action.data?.rating === 'down')!;
    const submit = fixture('message-channel-mention', connector.serviceUrl, {
      id: 'submit-1',
      text: undefined,
      entities: [],
      value: { ...down.data!, reason: 'veraltete Quelle' },
    });
    expect((await app.post(submit)).status).toBe(200);
    expect(connector.to(channelId).at(-1)?.body.text).toBe('Danke für Ihre Rückmeldung.');
  });

  it('escalates, sends the ticket card to the Lotse, lets the Lotse claim and answer, and delivers the answer card to the asker', async () => {
    const answerCard = cardOf(connector.to('a:1personal-sabine').find((request) => request.body.attachments));
    const escalate = allActions(answerCard).find((action) => action.title === 'Digitallotse fragen')!;
    const created = await app.post(invoke(sabine, 'a:1personal-sabine', escalate.data!));
    expect(String((created.body as { value: string }).value)).toMatch(/Nr\. \d+/);
    await connector.waitFor(() =>
      connector.to('a:1personal-tobias').some((request) => request.method === 'POST' && request.body.attachments),
    );
    const ticketRequest = connector.to('a:1personal-tobias').find((request) => request.body.attachments)!;
    expect(decodeURIComponent(ticketRequest.url)).toBe('/v3/conversations/a:1personal-tobias/activities');
    const ticketCard = cardOf(ticketRequest);
    expect(cardText(ticketCard)).toContain('Wie beantrage ich mobiles Arbeiten?');
    const claim = allActions(ticketCard).find((action) => action.title === 'Übernehmen')!;
    const claimed = await app.post(invoke(tobias, 'a:1personal-tobias', claim.data!));
    expect(JSON.stringify(claimed.body)).toContain('in Bearbeitung');

    // the same card again: a replay; the old card's answer button: stale
    expect(JSON.stringify((await app.post(invoke(tobias, 'a:1personal-tobias', claim.data!))).body)).toContain('in Bearbeitung');
    await connector.waitFor(() =>
      connector.to('a:1personal-tobias').some((request) => String(request.body.text).includes('Diese Aktion wurde bereits ausgeführt.')),
    );
    const staleAnswer = allActions(ticketCard).find((action) => action.data?.op === 'answer')!;
    await app.post(invoke(tobias, 'a:1personal-tobias', { ...staleAnswer.data!, answerText: 'Zu früh' }));
    await connector.waitFor(() =>
      connector.to('a:1personal-tobias').some((request) => String(request.body.text).includes('nicht mehr aktuell')),
    );

    const current = (claimed.body as { value: Card }).value;
    const answer = allActions(current).find((action) => action.data?.op === 'answer')!;
    const answered = await app.post(
      invoke(tobias, 'a:1personal-tobias', { ...answer.data!, answerText: 'Im Mitarbeiterportal, die Amtsleitung entscheidet.' }),
    );
    expect(JSON.stringify(answered.body)).toContain('beantwortet');
    await connector.waitFor(() =>
      connector
        .to('a:1personal-sabine')
        .some((request) => JSON.stringify(request.body).includes('Antwort von Tobias Lange (Digitallotse)')),
    );
    // the Lotse's ticket card is updated in place (PUT on the stored activity id)
    await connector.waitFor(() =>
      connector
        .to('a:1personal-tobias')
        .some((request) => request.method === 'PUT' && JSON.stringify(request.body).includes('beantwortet')),
    );

    const askerCard = cardOf(
      connector.to('a:1personal-sabine').find((request) => JSON.stringify(request.body).includes('Antwort von Tobias Lange'))!,
    );
    const helpful = allActions(askerCard).find((action) => action.title === 'Das hat geholfen')!;
    const closed = await app.post(invoke(sabine, 'a:1personal-sabine', helpful.data!));
    expect(JSON.stringify(closed.body)).toContain('Antwort von Tobias Lange');
    expect((await app.lotse.escalation.get(String(helpful.data!.ticketId)))?.state).toBe('closed');
  });
});

describe('Teams channel with bad input', () => {
  it('ignores unknown activity types and rejects activities with missing fields or broken JSON', async () => {
    await app.teams.outbox.idle();
    const before = connector.to('a:1personal-sabine').length;
    expect(
      (await app.post(fixture('message-personal', connector.serviceUrl, { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] })))
        .status,
    ).toBe(200);
    const { conversation: _dropped, ...noConversation } = fixture('message-personal', connector.serviceUrl);
    expect((await app.post(noConversation)).status).toBe(400);
    const broken = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(broken.status).toBe(400);
    expect(connector.to('a:1personal-sabine').length).toBe(before);
  });

  it('answers invalid card data and people missing from the directory politely', async () => {
    const invalid = await app.post(invoke(tobias, 'a:1personal-tobias', { lotse: 'ticket', op: 'delete', ticketId: 'x', version: 1 }));
    expect(invalid.body).toMatchObject({
      value: 'Diese Aktion konnte nicht gelesen werden. Bitte verwenden Sie die Schaltflächen der aktuellen Karte.',
    });
    const stranger = { id: '29:1removed', aadObjectId: '7d8f0a3e-1111-4c2b-9a1e-0000000000ff' };
    const ticket = (await app.lotse.escalation.allTickets())[0]!;
    const removed = await app.post(
      invoke(stranger, 'a:1personal-removed', { lotse: 'ticket', op: 'claim', ticketId: ticket.id, version: ticket.version }),
    );
    expect(JSON.stringify(removed.body)).toContain('nicht (mehr) eingetragen');
  });

  it('marks a conversation undeliverable on 403, does not retry it and falls back to the web inbox', async () => {
    await app.post(fixture('installation-update', connector.serviceUrl));
    connector.respondWith((request) =>
      decodeURIComponent(request.url).startsWith('/v3/conversations/a:1personal-jonas/')
        ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } }
        : undefined,
    );
    const result = await app.lotse.channels.send(
      { kind: 'person', personId: 'p-jonas' },
      { kind: 'notice', text: 'Neue Dienstanweisung veröffentlicht.' },
    );
    expect(result.kind).toBe('queued');
    await app.teams.outbox.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const attempts = connector.to('a:1personal-jonas').filter((request) => JSON.stringify(request.body).includes('Neue Dienstanweisung'));
    expect(attempts).toHaveLength(1);
    expect((await app.teams.store.conversation('a:1personal-jonas'))?.undeliverable).toBe('HTTP 403');
    expect((await app.lotse.inbox.unread('p-jonas')).map((entry) => entry.text)).toContain('Neue Dienstanweisung veröffentlicht.');
    expect(app.teams.endpoint.reaches('p-jonas')).toBe(true); // an Entra id is known: a new 1:1 chat can be opened
    connector.respondWith(undefined);
  });

  it('honours 429 Retry-After and delivers the message afterwards', async () => {
    await app.post(fixture('conversation-update', connector.serviceUrl));
    let throttled = 0;
    connector.respondWith((request) => {
      if (!JSON.stringify(request.body).includes('Gedrosselte Mitteilung') || throttled > 0) return undefined;
      throttled += 1;
      return { status: 429, headers: { 'retry-after': '1' }, body: {} };
    });
    await app.lotse.channels.send({ kind: 'person', personId: 'p-tobias' }, { kind: 'notice', text: 'Gedrosselte Mitteilung' });
    await connector.waitFor(
      () =>
        connector.to('a:1personal-tobias').filter((request) => JSON.stringify(request.body).includes('Gedrosselte Mitteilung')).length ===
        2,
      5000,
    );
    const [first, second] = connector
      .to('a:1personal-tobias')
      .filter((request) => JSON.stringify(request.body).includes('Gedrosselte Mitteilung'));
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(app.teams.outbox.stats.throttled).toBeGreaterThanOrEqual(1);
    connector.respondWith(undefined);
  });
});
