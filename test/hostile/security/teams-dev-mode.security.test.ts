/**
 * Issue #18, item 1: Teams without MICROSOFT_APP_ID has no token check, so it must stay on this machine:
 * no start on a non-loopback HOST, and 403 for requests with a foreign `Host` or forwarding headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config/config.ts';
import { parseTeamsConfig } from '../../../bot/config/teams-config.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';
import { rawRequest, securityTable } from './security-table.ts';

const table = securityTable('Teams dev mode (issue #18, item 1)');
let app: TeamsApp;

beforeAll(async () => {
  app = await startTeamsApp({ startOutbox: false });
});

afterAll(async () => {
  await app?.close();
});

function startError(env: Record<string, string>): string {
  try {
    loadConfig({ AUTH_MODE: 'dev', ...env });
    return 'started';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('Teams dev mode configuration', () => {
  it('refuses to start on a non-loopback HOST and names the variables', () => {
    const message = startError({
      TEAMS_ENABLED: 'true',
      HOST: '0.0.0.0',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://idp.kreis.example',
      OIDC_CLIENT_ID: 'lotse',
      OIDC_REDIRECT_URL: 'https://lotse.kreis.example/auth/callback',
    });
    table.record('TEAMS_ENABLED=true, no MICROSOFT_APP_ID, HOST=0.0.0.0', 'refused', message === 'started' ? 'started' : 'refused');
    expect(message).toMatch(/TEAMS_ENABLED.*MICROSOFT_APP_ID.*HOST=0\.0\.0\.0/);
    table.record('same on HOST=127.0.0.1', 'dev', parseTeamsConfig({ TEAMS_ENABLED: 'true', HOST: '127.0.0.1' }).auth.mode);
    table.record('Teams off, HOST=0.0.0.0', 'off', parseTeamsConfig({ HOST: '0.0.0.0' }).enabled ? 'on' : 'off');
  });
});

describe('Teams dev mode requests', () => {
  const activity = (): Record<string, unknown> =>
    fixture('message-personal', 'https://attacker.example/', { from: { id: '29:x', aadObjectId: aad.tobias, name: 'Tobias' } });

  async function post(headers: Record<string, string>, body: unknown = activity()): Promise<number> {
    const port = new URL(app.url).port;
    const response = await rawRequest(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return response.status;
  }

  it('still reaches the handler directly on loopback', async () => {
    table.record('POST /api/messages {} direct on 127.0.0.1', 400, await post({}, {}));
  });

  it('refuses a serviceUrl off this machine (SSRF) and never stores it', async () => {
    const status = await post({}, activity());
    table.record('POST /api/messages direct, serviceUrl https://attacker.example/ (as Tobias)', 400, status);
    table.record(
      'stored serviceUrl of Tobias afterwards',
      'none',
      (await app.teams.store.personalConversationOf('p-tobias'))?.serviceUrl ?? 'none',
    );
  });

  it('refuses a foreign Host header and forwarding headers before any processing', async () => {
    table.record(
      'POST /api/messages Host: lotse.kreis.example (as Tobias, serviceUrl attacker)',
      403,
      await post({ host: 'lotse.kreis.example' }),
    );
    for (const [name, value] of [
      ['x-forwarded-for', '10.1.2.3'],
      ['x-forwarded-host', 'lotse.kreis.example'],
      ['forwarded', 'for=10.1.2.3'],
    ] as const) {
      table.record(`POST /api/messages ${name}: ${value} (as Tobias, serviceUrl attacker)`, 403, await post({ [name]: value }));
    }
  });
});
