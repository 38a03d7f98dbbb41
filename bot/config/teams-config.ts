/**
 * Configuration of the Microsoft Teams channel (`TEAMS_*`, `MICROSOFT_APP_*`). Without an app id the
 * channel runs in an explicit local dev mode (Agents Playground / emulator, no token check).
 */
import { z } from 'zod';
import { isLoopbackHost } from '../shared/loopback.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const positive = (fallback: number, max: number) =>
  optionalText.transform((value) => (value === undefined ? fallback : Number(value))).pipe(z.number().positive().max(max));

/** The Teams variables; each `.describe()` is its meaning in docs/reference/configuration.md. */
export const teamsEnvSchema = z.object({
  TEAMS_ENABLED: optionalText.pipe(z.enum(['true', 'false', '1', '0']).optional()).meta({
    description:
      'overrides the default: `false` keeps Teams off even with an app id; `true` without `MICROSOFT_APP_ID` is the local dev mode (no token check, loopback `HOST` only)',
    derivedDefault: 'on when `MICROSOFT_APP_ID` is set',
  }),
  MICROSOFT_APP_ID: optionalText
    .pipe(z.uuid('expected the Entra application (client) id, a GUID').optional())
    .describe('application (client) id of the Entra app registration of the bot; setting it turns the channel on'),
  MICROSOFT_APP_PASSWORD: optionalText.describe('client secret of the app registration (or a certificate, or `UserAssignedMSI`)'),
  MICROSOFT_APP_TENANT_ID: optionalText.describe('Entra tenant id; required for a single-tenant app'),
  MICROSOFT_APP_CERT_PEM_FILE: optionalText.describe(
    'certificate (PEM file) instead of a client secret, with `MICROSOFT_APP_CERT_KEY_FILE`',
  ),
  MICROSOFT_APP_CERT_KEY_FILE: optionalText.describe('private key (PEM file) of that certificate'),
  MICROSOFT_APP_TYPE: optionalText
    .pipe(z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional())
    .meta({ description: 'kind of the app registration', derivedDefault: '`SingleTenant` with a tenant id, else `MultiTenant`' }),
  TEAMS_AUTHORITY: optionalText
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .meta({ description: 'token issuer and metadata base (a local JWKS in tests)', derivedDefault: 'Entra ID' }),
  TEAMS_RATE_PER_SECOND: positive(30, 1000).describe(
    'proactive sends per second over all conversations (Teams allows about 50 per app and tenant)',
  ),
  TEAMS_CONVERSATION_RATE_PER_SECOND: positive(1, 50).describe('sends per second into one conversation (Teams: 7 per second, 60 per 30 s)'),
  TEAMS_CONVERSATION_BURST: positive(3, 50).describe('burst of sends allowed into one conversation'),
  TEAMS_MAX_ATTEMPTS: positive(8, 100).describe('attempts before a queued message is reported undeliverable'),
  TEAMS_SERVICE_URL_HOSTS: optionalText
    .transform((value) =>
      value === undefined
        ? undefined
        : value
            .split(',')
            .map((host) => host.trim().toLowerCase())
            .filter(Boolean),
    )
    .describe("comma-separated hosts (or suffixes) an activity's `serviceUrl` may name besides the Microsoft defaults (sovereign clouds)"),
  TEAMS_STREAM_DELAY_MS: optionalText
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .pipe(z.number().int().min(0).max(10_000).optional())
    .meta({
      description: 'milliseconds between streaming updates of generated answers in personal chats',
      derivedDefault: 'SDK default (1000)',
    }),
});

/** How the channel authenticates to and from the Bot Connector. */
export type TeamsAuth =
  | { readonly mode: 'dev' }
  | {
      readonly mode: 'entra';
      readonly appId: string;
      readonly tenantId?: string;
      readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
      readonly secret?: string;
      readonly certificate?: { readonly pemFile: string; readonly keyFile: string };
      /** Token issuer/metadata base; Entra by default, a local JWKS in tests. */
      readonly authority?: string;
    };

/** Validated settings of the Teams channel. */
export interface TeamsConfig {
  readonly enabled: boolean;
  readonly auth: TeamsAuth;
  /** Proactive sends per second over all conversations (Teams allows about 50 per app and tenant). */
  readonly ratePerSecond: number;
  /** Sends per second into one conversation and the burst allowed (Teams: 7 per second, 60 per 30 s). */
  readonly conversationRatePerSecond: number;
  readonly conversationBurst: number;
  /** Attempts before a queued message is reported undeliverable. */
  readonly maxAttempts: number;
  /** Delay between streaming updates (the SDK default for Teams is 1000 ms). */
  readonly streamDelayMs?: number;
  /**
   * Extra hosts (or host suffixes) an activity's `serviceUrl` may name besides the SDK's Microsoft defaults,
   * e.g. for sovereign clouds (`TEAMS_SERVICE_URL_HOSTS`); issue #18, item 2.
   */
  readonly serviceUrlHosts?: readonly string[];
}

/**
 * Reads `TEAMS_*` and `MICROSOFT_APP_*`; throws an English error naming the variable. `host` is the bind
 * address (`HOST`): the unauthenticated dev mode runs only on loopback (issue #18, item 1).
 */
export function parseTeamsConfig(env: Record<string, string | undefined>, host: string = env.HOST?.trim() || '127.0.0.1'): TeamsConfig {
  const parsed = teamsEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const values = parsed.data;
  const enabled =
    values.TEAMS_ENABLED === 'true' ||
    values.TEAMS_ENABLED === '1' ||
    (values.TEAMS_ENABLED === undefined && values.MICROSOFT_APP_ID !== undefined);
  const auth = authOf(values);
  if (enabled && auth.mode === 'dev' && !isLoopbackHost(host)) {
    throw new Error(
      `Invalid configuration: TEAMS_ENABLED=true without MICROSOFT_APP_ID is the unauthenticated Teams dev mode and refuses to run on HOST=${host}; bind HOST to 127.0.0.1 or set MICROSOFT_APP_ID with MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID).`,
    );
  }
  return {
    enabled,
    auth,
    ratePerSecond: values.TEAMS_RATE_PER_SECOND,
    conversationRatePerSecond: values.TEAMS_CONVERSATION_RATE_PER_SECOND,
    conversationBurst: values.TEAMS_CONVERSATION_BURST,
    maxAttempts: Math.round(values.TEAMS_MAX_ATTEMPTS),
    ...(values.TEAMS_STREAM_DELAY_MS !== undefined ? { streamDelayMs: values.TEAMS_STREAM_DELAY_MS } : {}),
    ...(values.TEAMS_SERVICE_URL_HOSTS?.length ? { serviceUrlHosts: values.TEAMS_SERVICE_URL_HOSTS } : {}),
  };
}

function authOf(values: z.infer<typeof teamsEnvSchema>): TeamsAuth {
  if (!values.MICROSOFT_APP_ID) return { mode: 'dev' };
  const certificate =
    values.MICROSOFT_APP_CERT_PEM_FILE && values.MICROSOFT_APP_CERT_KEY_FILE
      ? { pemFile: values.MICROSOFT_APP_CERT_PEM_FILE, keyFile: values.MICROSOFT_APP_CERT_KEY_FILE }
      : undefined;
  const appType = values.MICROSOFT_APP_TYPE ?? (values.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant');
  if (appType !== 'UserAssignedMSI' && !values.MICROSOFT_APP_PASSWORD && !certificate) {
    throw new Error(
      'Invalid configuration: MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (or MICROSOFT_APP_CERT_PEM_FILE and MICROSOFT_APP_CERT_KEY_FILE, or MICROSOFT_APP_TYPE=UserAssignedMSI)',
    );
  }
  if (appType === 'SingleTenant' && !values.MICROSOFT_APP_TENANT_ID) {
    throw new Error('Invalid configuration: MICROSOFT_APP_TENANT_ID: required for a single-tenant app');
  }
  return {
    mode: 'entra',
    appId: values.MICROSOFT_APP_ID,
    appType,
    ...(values.MICROSOFT_APP_TENANT_ID ? { tenantId: values.MICROSOFT_APP_TENANT_ID } : {}),
    ...(values.MICROSOFT_APP_PASSWORD ? { secret: values.MICROSOFT_APP_PASSWORD } : {}),
    ...(certificate ? { certificate } : {}),
    ...(values.TEAMS_AUTHORITY ? { authority: values.TEAMS_AUTHORITY } : {}),
  };
}
