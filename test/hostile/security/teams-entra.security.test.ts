/**
 * Issue #18, item 2: with an app id, Teams accepted any signature-valid token with our audience (issuer not
 * validated), any tenant in the activity, and any `serviceUrl`, which was then stored as the person's newest
 * conversation (their notifications went elsewhere). Tokens are signed locally (test/support/local-jwks.ts).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startLocalJwks, type LocalJwks } from '../../support/local-jwks.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';
import { teamsHostPolicy } from '../../../bot/adapters/channels/teams/teams-channel.ts';
import { parseTeamsConfig } from '../../../bot/config/teams-config.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Teams with an app id (issue #18, item 2)');
const appId = '0b5e2a4c-3333-4e4f-9a1b-00000000b07f';
const tenant = '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa';
const otherTenant = '9e9e9e9e-5555-4d3c-8b2a-00000000bbbb';
const teamsServiceUrl = 'https://smba.trafficmanager.net/emea/';
let jwks: LocalJwks;
let app: TeamsApp;

beforeAll(async () => {
  jwks = await startLocalJwks(tenant);
  app = await startTeamsApp({
    env: {
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: 'not-used-in-this-test',
      MICROSOFT_APP_TENANT_ID: tenant,
      TEAMS_AUTHORITY: jwks.authority,
    },
    startOutbox: false,
  });
});

afterAll(async () => {
  await app?.close();
  await jwks?.close();
});

/**
 * Sabine's question with `expectReplies` and without serviceUrl (no outbound call, and no outbound token from the
 * plain-http test authority, which the SDK would fetch for any activity with a serviceUrl); `changes` override fields.
 */
function question(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const { serviceUrl: _none, ...activity } = fixture('message-personal', teamsServiceUrl);
  return { ...activity, deliveryMode: 'expectReplies', ...changes };
}

function token(overrides: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return jwks.sign({
    iss: `${jwks.authority}/v2.0`,
    aud: appId,
    tid: tenant,
    serviceurl: teamsServiceUrl,
    iat: now,
    nbf: now - 10,
    exp: now + 600,
    ...overrides,
  });
}

const storedServiceUrl = async (): Promise<string> => (await app.teams.store.personalConversationOf('p-sabine'))?.serviceUrl ?? 'none';

describe('Teams token and activity validation', () => {
  it('accepts a valid token from the configured tenant (control)', async () => {
    const response = await app.post(question(), { authorization: `Bearer ${token()}` });
    table.record('valid token, own tenant (expectReplies, no serviceUrl)', 200, response.status);
  });

  it('refuses tokens of a foreign issuer', async () => {
    const foreign = await app.post(question(), { authorization: `Bearer ${token({ iss: 'https://evil.example/', tid: undefined })}` });
    table.record('token iss https://evil.example/ (signature valid, aud ours)', 401, foreign.status);
    const otherEntra = await app.post(question(), {
      authorization: `Bearer ${token({ iss: `https://login.microsoftonline.com/${otherTenant}/v2.0`, tid: otherTenant })}`,
    });
    table.record('token of another Entra tenant (iss and tid consistent)', 401, otherEntra.status);
  });

  it('refuses activities from another tenant', async () => {
    const conversation = { conversationType: 'personal', tenantId: otherTenant, id: 'a:1personal-sabine' };
    const response = await app.post(question({ conversation, channelData: { tenant: { id: otherTenant } } }), {
      authorization: `Bearer ${token()}`,
    });
    table.record('activity conversation.tenantId = another tenant', 403, response.status);
  });

  it('refuses a foreign serviceUrl and never stores it as the conversation reference', async () => {
    const before = await storedServiceUrl();
    const forged = await app.post(
      question({ serviceUrl: 'https://attacker.example/', from: { id: '29:x', aadObjectId: aad.sabine, name: 'Sabine' } }),
      { authorization: `Bearer ${token()}` },
    );
    table.record('activity serviceUrl https://attacker.example/ (token claim smba)', 400, forged.status);
    const claimed = await app.post(question({ serviceUrl: 'https://attacker.example/' }), {
      authorization: `Bearer ${token({ serviceurl: 'https://attacker.example/' })}`,
    });
    table.record('serviceUrl and token claim both https://attacker.example/', 400, claimed.status);
    table.record('stored serviceUrl of Sabine after the attempts', before, await storedServiceUrl());
  });

  it('allows Bot Framework hosts and configured sovereign-cloud hosts only', () => {
    const entra = { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 's', MICROSOFT_APP_TENANT_ID: tenant };
    const policy = teamsHostPolicy(parseTeamsConfig(entra));
    table.record('host policy: https://smba.trafficmanager.net/emea/', true, policy.isAllowed('https://smba.trafficmanager.net/emea/'));
    table.record('host policy: https://attacker.example/', false, policy.isAllowed('https://attacker.example/'));
    table.record('host policy: http://169.254.169.254/ (cloud metadata)', false, policy.isAllowed('http://169.254.169.254/'));
    const sovereign = teamsHostPolicy(parseTeamsConfig({ ...entra, TEAMS_SERVICE_URL_HOSTS: 'smba.infra.gov.teams.microsoft.us' }));
    table.record(
      'TEAMS_SERVICE_URL_HOSTS=smba.infra.gov.teams.microsoft.us → that host',
      true,
      sovereign.isAllowed('https://smba.infra.gov.teams.microsoft.us/'),
    );
  });
});
