/**
 * Issue #22, transparency: every answer's footer links the usage rules with an absolute address from
 * LOTSE_PUBLIC_URL — in the web chat page (its script links `texts.usageRulesUrl`) and on the Teams answer card
 * (an `Action.OpenUrl`), not on the reply to small talk; without the address the web chat links `/nutzungshinweise`
 * on its own origin. Jabber's plain URL line is tested in test/integration/xmpp/xmpp-texts.int.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

const publicUrl = 'https://lotse.kreis-musterland.example/';
const tenantId = '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa';
const sabine = {
  from: { id: '29:1sabine-teams-user-id', aadObjectId: aad.sabine },
  conversation: { conversationType: 'personal', tenantId, id: 'a:1personal-sabine' },
};
const sources = join(import.meta.dirname, '../../../knowledge/sources');

let web: RunningApp;
let plainWeb: RunningApp;
let connector: MockBotConnector;
let teams: TeamsApp;

beforeAll(async () => {
  web = await startRealApp(sources, { LOTSE_PUBLIC_URL: publicUrl });
  plainWeb = await startRealApp(sources);
  connector = await startMockBotConnector();
  teams = await startTeamsApp({ env: { LOTSE_PUBLIC_URL: publicUrl } });
}, 120_000);
afterAll(async () => {
  await Promise.all([web?.close(), plainWeb?.close(), teams?.close()]);
  await connector?.close();
});

async function chatTexts(app: RunningApp): Promise<{ usageRulesUrl?: string }> {
  const html = await (await fetch(`${app.url}/`)).text();
  const json = /<script type="application\/json" id="ui-texts">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
  return JSON.parse(json) as { usageRulesUrl?: string };
}

type CardAction = { type: string; title: string; url?: string };

async function cardActions(text: string): Promise<CardAction[]> {
  const id = `m-${Math.random()}`;
  expect((await teams.post(fixture('message-personal', connector.serviceUrl, { id, text, ...sabine }))).status).toBe(200);
  const reply = connector.to('a:1personal-sabine').find((request) => decodeURIComponent(request.url).endsWith(`/activities/${id}`));
  const attachments = reply?.body.attachments as { content: { actions?: CardAction[] } }[] | undefined;
  return attachments?.[0]?.content.actions ?? [];
}

describe('usage rules in the answer footer', () => {
  it('web chat: absolute with LOTSE_PUBLIC_URL, relative on the same origin without it', async () => {
    expect((await chatTexts(web)).usageRulesUrl).toBe(`${publicUrl}nutzungshinweise`);
    expect((await chatTexts(plainWeb)).usageRulesUrl).toBe('/nutzungshinweise');
  });

  it('Teams: the answer card links the usage rules absolutely; the reply to small talk does not', async () => {
    const answer = await cardActions('Darf KI über Beförderungen entscheiden?');
    expect(answer).toContainEqual({ type: 'Action.OpenUrl', title: 'Nutzungshinweise', url: `${publicUrl}nutzungshinweise` });
    const smallTalk = await cardActions('Hallo');
    expect(smallTalk.filter((action) => action.type === 'Action.OpenUrl')).toEqual([]);
  }, 60_000);
});
