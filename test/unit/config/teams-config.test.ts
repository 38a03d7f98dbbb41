import { describe, expect, it } from 'vitest';
import { parseTeamsConfig } from '../../../bot/config/teams-config.ts';
import { loadConfig } from '../../../bot/config/config.ts';

const appId = '0b5e2a4c-3333-4e4f-9a1b-00000000b07f';

describe('parseTeamsConfig', () => {
  it('is off and in dev mode by default, with Teams-friendly rates', () => {
    expect(parseTeamsConfig({})).toEqual({
      enabled: false,
      auth: { mode: 'dev' },
      ratePerSecond: 30,
      conversationRatePerSecond: 1,
      conversationBurst: 3,
      maxAttempts: 8,
    });
    expect(parseTeamsConfig({ TEAMS_ENABLED: 'true' }).enabled).toBe(true);
  });

  it('switches to Entra authentication with an app id and requires a credential and, single-tenant, the tenant', () => {
    expect(parseTeamsConfig({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 's', MICROSOFT_APP_TENANT_ID: 't' })).toMatchObject({
      enabled: true,
      auth: { mode: 'entra', appId, appType: 'SingleTenant', tenantId: 't', secret: 's' },
    });
    expect(() => parseTeamsConfig({ MICROSOFT_APP_ID: appId })).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() => parseTeamsConfig({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 's', MICROSOFT_APP_TYPE: 'SingleTenant' })).toThrow(
      /MICROSOFT_APP_TENANT_ID/,
    );
    expect(
      parseTeamsConfig({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 't' }).auth,
    ).toMatchObject({ appType: 'UserAssignedMSI' });
  });

  it('names the variable of an invalid value (also through loadConfig)', () => {
    expect(() => parseTeamsConfig({ MICROSOFT_APP_ID: 'not-a-guid' })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => loadConfig({ TEAMS_RATE_PER_SECOND: '-1' })).toThrow(/TEAMS_RATE_PER_SECOND/);
  });
});
