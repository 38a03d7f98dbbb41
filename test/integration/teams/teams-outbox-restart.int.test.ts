import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

let connector: MockBotConnector;
let app: TeamsApp | undefined;

beforeAll(async () => {
  connector = await startMockBotConnector();
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

const mentions = (text: string): number => connector.requests.filter((request) => JSON.stringify(request.body).includes(text)).length;

describe('Teams outbox across a restart and 1:1 chats for org-wide installs', () => {
  it('delivers a message queued before a restart exactly once after it', async () => {
    const first = await startTeamsApp({ startOutbox: false });
    await first.post(fixture('conversation-update', connector.serviceUrl));
    const result = await first.lotse.channels.send(
      { kind: 'person', personId: 'p-tobias' },
      { kind: 'notice', text: 'Vor dem Neustart eingereiht' },
    );
    expect(result.kind).toBe('queued');
    expect(await first.teams.outbox.pendingCount()).toBe(1);
    await first.close({ keepData: true });
    expect(mentions('Vor dem Neustart eingereiht')).toBe(0);

    app = await startTeamsApp({ dataDir: first.dataDir });
    await connector.waitFor(() => mentions('Vor dem Neustart eingereiht') === 1);
    await app.teams.outbox.idle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mentions('Vor dem Neustart eingereiht')).toBe(1);
    expect(decodeURIComponent(connector.requests.find((request) => JSON.stringify(request.body).includes('Vor dem Neustart'))!.url)).toBe(
      '/v3/conversations/a:1personal-tobias/activities',
    );
  });

  it('opens a 1:1 chat for a person with an Entra id but no conversation yet and delivers there', async () => {
    if (!app) throw new Error('app not started');
    await app.post(fixture('message-personal', connector.serviceUrl));
    expect(await app.teams.store.personalConversationOf('p-jonas')).toBeUndefined();
    expect(app.teams.endpoint.reaches('p-jonas')).toBe(true);
    await app.lotse.channels.send({ kind: 'person', personId: 'p-jonas' }, { kind: 'notice', text: 'Neuer Chat für Jonas' });
    const created = connector.requests.find((request) => request.method === 'POST' && request.url === '/v3/conversations');
    expect(created?.body).toMatchObject({
      isGroup: false,
      members: [{ id: '7d8f0a3e-1111-4c2b-9a1e-000000000003' }],
      tenantId: '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa',
    });
    const chat = await app.teams.store.personalConversationOf('p-jonas');
    expect(chat?.conversationId).toMatch(/^a:created-/);
    await connector.waitFor(() =>
      connector.to(chat!.conversationId).some((request) => JSON.stringify(request.body).includes('Neuer Chat für Jonas')),
    );
    expect(app.teams.endpoint.reaches('p-helga')).toBe(false); // no Entra id: the web inbox takes it
  });
});
