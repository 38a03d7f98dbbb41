/**
 * Issue #11: hostile Teams activities (missing or wrong-typed fields, odd values, huge text) against
 * `POST /api/messages` in dev mode. None may cause a 5xx or take the service down. Prints the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockBotConnector, type MockBotConnector } from '../support/mock-bot-connector.ts';
import { fixture, startTeamsApp, type TeamsApp } from '../support/teams-app.ts';

describe('hostile Teams activities', () => {
  let app: TeamsApp;
  let connector: MockBotConnector;
  beforeAll(async () => {
    connector = await startMockBotConnector();
    app = await startTeamsApp();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  it('answers every malformed activity without a server error and stays healthy', async () => {
    const valid = fixture('message-personal', connector.serviceUrl);
    const cases: [string, unknown][] = [
      ['empty object', {}],
      ['array', [valid]],
      ['string', 'hallo'],
      ['type missing', { ...valid, type: undefined }],
      ['type is a number', { ...valid, type: 123 }],
      ['unknown type', { ...valid, type: 'unbekannt' }],
      ['from missing', { ...valid, from: undefined }],
      ['from.id null', { ...valid, from: { id: null } }],
      ['conversation missing', { ...valid, conversation: undefined }],
      ['conversation.id empty', { ...valid, conversation: { id: '' } }],
      ['text is an object', { ...valid, text: { $ne: 1 } }],
      ['text of 1 MB', { ...valid, text: 'a'.repeat(1024 * 1024) }],
      ['text with control characters', { ...valid, text: 'Hallo\u0000\u0007' }],
      ['card value of the wrong shape', { ...valid, text: undefined, value: { action: 42, ticket: ['x'] } }],
      ['deeply nested value', { ...valid, text: undefined, value: JSON.parse('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)) }],
      ['channelData is a string', { ...valid, channelData: 'x' }],
      ['attachments of the wrong type', { ...valid, attachments: 'kein array' }],
      ['serviceUrl not a URL', { ...valid, serviceUrl: 'javascript:alert(1)' }],
      ['invoke without value', { ...fixture('invoke-adaptive-card-action', connector.serviceUrl), value: undefined }],
    ];
    const failures: string[] = [];
    for (const [name, activity] of cases) {
      const { status } = await app.post(activity);
      if (status >= 500) failures.push(`${name}: ${status}`);
      const health = await fetch(`${app.url}/healthz`);
      if (health.status !== 200) failures.push(`${name}: unhealthy afterwards`);
    }
    const broken = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    if (broken.status >= 500) failures.push(`broken JSON: ${broken.status}`);
    expect((await app.post(valid)).status).toBeLessThan(300);
    console.log(`hostile Teams corpus: ${cases.length + 1} cases, ${cases.length + 1 - failures.length} handled without a server error`);
    expect(failures).toEqual([]);
  }, 120_000);
});
