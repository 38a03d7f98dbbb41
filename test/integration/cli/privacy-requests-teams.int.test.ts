/**
 * Issue #22, GDPR rights reach the Teams tables: after Sabine chatted with lotse in Teams (conversation reference,
 * core link), chose "einfach" (teams_preferences) and got a notice queued in the Teams outbox, `lotse privacy
 * export` reports these and `lotse privacy erase` deletes them; Tobias's Teams conversation stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

const tenantId = '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa';
const chatOf = (aadObjectId: string, id: string) => ({
  from: { id: `29:1${id}`, aadObjectId },
  conversation: { conversationType: 'personal', tenantId, id: `a:1${id}` },
});

let connector: MockBotConnector;
let app: TeamsApp;

beforeAll(async () => {
  connector = await startMockBotConnector();
  app = await startTeamsApp({ startOutbox: false });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

const say = async (who: ReturnType<typeof chatOf>, text: string) =>
  expect((await app.post(fixture('message-personal', connector.serviceUrl, { id: `m-${Math.random()}`, text, ...who }))).status).toBe(200);
const cli = (args: string[]) => runCli([...args, '--data', app.dataDir]);
const rows = (sql: string, value: string) => Number(app.lotse.local.prepare<[string], { n: number }>(sql).get(value)?.n ?? 0);

describe('lotse privacy and the Teams tables', () => {
  it('exports and erases the person’s Teams conversation references, outbox rows and preferences', async () => {
    const sabine = chatOf(aad.sabine, 'sabine-chat');
    await say(sabine, 'einfach');
    await say(sabine, 'Darf KI über Beförderungen entscheiden?');
    await say(chatOf(aad.tobias, 'tobias-chat'), 'einfach');
    expect(
      await app.teams.endpoint.send({ kind: 'person', personId: 'p-sabine' }, { kind: 'notice', text: 'Ihre Frage wurde beantwortet.' }),
    ).toEqual({ kind: 'queued' });

    const exported = await cli(['privacy', 'export', 'p-sabine', '--by', 'p-dana']);
    expect(exported.code, exported.stderr).toBe(0);
    const data = (JSON.parse(exported.stdout) as { data: Record<string, unknown> }).data;
    expect(data).toMatchObject({ teamsConversations: 1, teamsMessages: 1, teamsPlainLanguage: true });

    const erased = await cli(['privacy', 'erase', 'p-sabine', '--by', 'p-dana', '--confirm']);
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({
      kind: 'erased',
      counts: { teamsConversations: 1, teamsMessages: 1, teamsPreferences: 1 },
    });
    expect(rows('SELECT COUNT(*) AS n FROM teams_conversations WHERE aad_object_id = ?', aad.sabine)).toBe(0);
    expect(rows('SELECT COUNT(*) AS n FROM teams_outbox WHERE conversation_id = ?', 'a:1sabine-chat')).toBe(0);
    expect(rows('SELECT COUNT(*) AS n FROM teams_core_links WHERE teams_conversation_id = ?', 'a:1sabine-chat')).toBe(0);
    expect(rows('SELECT COUNT(*) AS n FROM teams_preferences WHERE user_id = ?', 'p-sabine')).toBe(0);
    expect(rows('SELECT COUNT(*) AS n FROM teams_conversations WHERE aad_object_id = ?', aad.tobias)).toBe(1);
    expect(rows('SELECT COUNT(*) AS n FROM teams_preferences WHERE user_id = ?', 'p-tobias')).toBe(1);
  }, 120_000);
});
