/**
 * Issue #22, Leichte Sprache as a directory preference: a person with `plainLanguage: true` in the directory gets
 * Leichte Sprache by default in every channel; an explicit choice in the channel ("normal" in Teams, the web toggle
 * off, i.e. `plainLanguage: false` in /api/chat) wins. Through the real web server (development login) and the real
 * Teams endpoint with a mock Bot Connector; the CSV directory format reads the same column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeopleCsv } from '../../../bot/adapters/directory/people-csv.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

const repoRoot = join(import.meta.dirname, '../../..');
const question = 'Was kann ich gegen eine Ablehnung des mobilen Arbeitens tun?';
const tenantId = '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa';
const sabine = {
  from: { id: '29:1sabine-teams-user-id', aadObjectId: aad.sabine },
  conversation: { conversationType: 'personal', tenantId, id: 'a:1personal-sabine' },
};

let web: RunningApp;
let connector: MockBotConnector;
let teams: TeamsApp;

beforeAll(async () => {
  const directory = join(mkdtempSync(join(tmpdir(), 'lotse-plain-')), 'directory.yaml');
  const source = readFileSync(join(repoRoot, 'knowledge/directory/musterland.yaml'), 'utf8');
  writeFileSync(
    directory,
    source.replace(
      'aadObjectId: 7d8f0a3e-1111-4c2b-9a1e-000000000001, kiTrained: true }',
      'aadObjectId: 7d8f0a3e-1111-4c2b-9a1e-000000000001, kiTrained: true, plainLanguage: true }',
    ),
  );
  web = await startRealApp(join(repoRoot, 'knowledge/sources'), { DIRECTORY_FILE: directory });
  connector = await startMockBotConnector();
  teams = await startTeamsApp({ env: { DIRECTORY_FILE: directory } });
}, 120_000);
afterAll(async () => {
  await Promise.all([web?.close(), teams?.close()]);
  await connector?.close();
});

async function devLogin(personId: string): Promise<Record<string, string>> {
  const response = await fetch(`${web.url}/dev-login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: web.url },
    body: new URLSearchParams({ person: personId, returnTo: '/' }).toString(),
  });
  expect(response.status).toBe(302);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  const csrf = cookies.find((cookie) => cookie.startsWith('lotse_csrf='))?.slice('lotse_csrf='.length) ?? '';
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf };
}

async function webAnswer(
  session: Record<string, string> | undefined,
  extra: Record<string, unknown> = {},
): Promise<{ answer: string; provenance: { plainLanguage?: boolean } }> {
  const response = await fetch(`${web.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: web.url, ...session },
    body: JSON.stringify({ text: question, ...extra }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { answer: string; provenance: { plainLanguage?: boolean } };
}

async function teamsSay(text: string): Promise<{ text: string; answer: string }> {
  const id = `m-${Math.random()}`;
  expect((await teams.post(fixture('message-personal', connector.serviceUrl, { id, text, ...sabine }))).status).toBe(200);
  const reply = connector.to('a:1personal-sabine').find((request) => decodeURIComponent(request.url).endsWith(`/activities/${id}`));
  const attachments = reply?.body.attachments as { content: { body: { text?: string }[] } }[] | undefined;
  return { text: String(reply?.body.text ?? ''), answer: attachments?.[0]?.content.body[0]?.text ?? '' };
}

describe('Leichte Sprache from the directory', () => {
  it('web: the default for the person; the toggle switched off wins; others and anonymous users get normal language', async () => {
    const session = await devLogin('p-sabine');
    const byDefault = await webAnswer(session);
    expect(byDefault.answer).toMatch(/^In einfacher Sprache:/);
    expect(byDefault.provenance.plainLanguage).toBe(true);
    expect((await webAnswer(session, { plainLanguage: false })).answer).not.toContain('In einfacher Sprache');
    expect((await webAnswer(await devLogin('p-marek'))).answer).not.toContain('In einfacher Sprache');
    expect((await webAnswer(undefined)).answer).not.toContain('In einfacher Sprache');
  }, 60_000);

  it('Teams: the default until "normal"; "einfach" turns it on again', async () => {
    expect((await teamsSay(question)).answer).toMatch(/^In einfacher Sprache:/);
    expect((await teamsSay('normal')).text).toContain('normaler Sprache');
    expect((await teamsSay(question)).answer).not.toContain('In einfacher Sprache');
    await teamsSay('einfach');
    expect((await teamsSay(question)).answer).toMatch(/^In einfacher Sprache:/);
  }, 60_000);

  it('reads plainLanguage from the CSV directory format', () => {
    const csv = 'id;name;unit;roles;email;jid;aadObjectId;kiTrained;plainLanguage\np-a;A B;A10;staff;;;;ja;ja\np-c;C D;A10;staff;;;;ja;\n';
    const parsed = parsePeopleCsv(csv, 'people.csv');
    expect(parsed.ok && parsed.people.map((person) => person.plainLanguage)).toEqual([true, undefined]);
  });
});
