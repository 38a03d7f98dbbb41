/**
 * Issue #22 in Teams: a Digitallotse writes „abwesend bis 30.11.2026“ and „wieder da“ in the personal chat
 * and gets the German confirmation; staff who receive no tickets are told so. Through the real Teams
 * endpoint and a mock Bot Connector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

let connector: MockBotConnector;
let app: TeamsApp;
const tenantId = '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa';
const tobias = {
  from: { id: '29:1tobias-teams-user-id', aadObjectId: aad.tobias },
  conversation: { conversationType: 'personal', tenantId, id: 'a:1personal-tobias' },
};

beforeAll(async () => {
  connector = await startMockBotConnector();
  app = await startTeamsApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

async function say(text: string, who: Record<string, unknown>, conversation: string): Promise<string> {
  const id = `m-${Math.random()}`;
  expect((await app.post(fixture('message-personal', connector.serviceUrl, { id, text, ...who }))).status).toBe(200);
  const reply = connector.to(conversation).find((request) => decodeURIComponent(request.url).endsWith(`/activities/${id}`));
  return String(reply?.body.text ?? '');
}

describe('Teams: abwesend bis / wieder da', () => {
  it('records and ends a Lotse’s absence from the personal chat', async () => {
    expect(await say('abwesend bis 30.11.2026', tobias, 'a:1personal-tobias')).toContain('bis einschließlich 30.11.2026');
    expect(app.lotse.availability.isPresent('p-tobias')).toBe(false);
    expect(await say('Wieder da!', tobias, 'a:1personal-tobias')).toContain('Willkommen zurück');
    expect(app.lotse.availability.isPresent('p-tobias')).toBe(true);
  }, 60_000);

  it('tells staff without tickets that absences are for Digitallotsen', async () => {
    expect(await say('abwesend bis 30.11.', {}, 'a:1personal-sabine')).toContain('nur Digitallotsinnen und Digitallotsen');
  }, 60_000);
});
