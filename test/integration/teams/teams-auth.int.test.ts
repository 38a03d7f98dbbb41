import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalJwks, type LocalJwks } from '../../support/local-jwks.ts';
import { fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

const appId = '0b5e2a4c-3333-4e4f-9a1b-00000000b07f';
const tenant = '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa';
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

/** A question with `expectReplies`: the replies come back in the HTTP response, no outbound token is needed. */
function question(): Record<string, unknown> {
  const { serviceUrl: _none, ...activity } = fixture('message-personal', 'unused');
  return { ...activity, deliveryMode: 'expectReplies' };
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: `${jwks.authority}/v2.0`, aud: appId, tid: tenant, iat: now, nbf: now - 10, exp: now + 600, ...overrides };
}

describe('Teams channel with Entra authentication (MICROSOFT_APP_ID set)', () => {
  it('refuses requests without a token, with a malformed header, a foreign key, another audience or an expired token', async () => {
    expect((await app.post(question())).status).toBe(401);
    expect((await app.post(question(), { authorization: 'Basic abc' })).status).toBe(401);
    expect((await app.post(question(), { authorization: `Bearer ${jwks.sign(claims(), { foreignKey: true })}` })).status).toBe(401);
    expect((await app.post(question(), { authorization: `Bearer ${jwks.sign(claims({ aud: 'someone-else' }))}` })).status).toBe(401);
    expect(
      (await app.post(question(), { authorization: `Bearer ${jwks.sign(claims({ exp: Math.floor(Date.now() / 1000) - 3600 }))}` })).status,
    ).toBe(401);
  });

  it('accepts a token signed with the key published by the configured authority and answers', async () => {
    const response = await app.post(question(), { authorization: `Bearer ${jwks.sign(claims())}` });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('Mitarbeiterportal');
  });
});
