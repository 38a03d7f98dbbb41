/**
 * Login configuration: OpenID Connect against the administration's identity provider, or a clearly
 * marked development login that only runs on loopback addresses.
 */
import { z } from 'zod';
import { isLoopbackHost } from '../shared/loopback.ts';

export { isLoopbackHost };

/** How people log in. */
export type AuthConfig =
  | {
      readonly mode: 'oidc';
      readonly issuer: URL;
      readonly clientId: string;
      readonly clientSecret?: string;
      readonly redirectUrl: URL;
      readonly scopes: string;
      /** Plain-HTTP issuer, accepted only for loopback addresses (tests, local IdP). */
      readonly allowHttp: boolean;
    }
  | { readonly mode: 'dev' }
  /** Neither `AUTH_MODE` nor `OIDC_ISSUER` set: no login; `lotse serve` refuses to start (issue #18, item 3). */
  | { readonly mode: 'none' };

/** Thrown for an invalid login configuration (operator-facing, English). */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

/** The login variables; each `.describe()` is its meaning in docs/reference/configuration.md. */
export const authEnvSchema = z.object({
  AUTH_MODE: z.enum(['oidc', 'dev']).optional().meta({
    description:
      '`dev` = development login (pick a demo person), only on a loopback `HOST`, refuses proxied requests; with neither `AUTH_MODE` nor `OIDC_ISSUER` `serve` refuses to start (`npm start` sets `dev`)',
    derivedDefault: '`oidc` when `OIDC_ISSUER` is set',
  }),
  OIDC_ISSUER: z
    .url()
    .optional()
    .describe('the identity provider: Entra ID `https://login.microsoftonline.com/<tenant>/v2.0`, a Keycloak realm URL, ADFS'),
  OIDC_CLIENT_ID: z.string().min(1).optional().describe('client id registered at the identity provider (required with `oidc`)'),
  OIDC_CLIENT_SECRET: z.string().min(1).optional().describe('client secret; without it lotse is a public client (PKCE is always used)'),
  OIDC_REDIRECT_URL: z
    .url()
    .optional()
    .describe('e.g. `https://lotse.kreis.example/auth/callback`; its path becomes the callback route (required with `oidc`)'),
  OIDC_SCOPES: z
    .string()
    .min(1)
    .default('openid profile email')
    .describe('scopes requested; add the one that releases the group claim (e.g. `groups` in Keycloak)'),
  OIDC_ALLOW_HTTP: z
    .enum(['true', 'false'])
    .default('false')
    .describe('plain-HTTP issuer and redirect, accepted only for loopback addresses (tests, a local identity provider)'),
});

function requireValue(value: string | undefined, name: string): string {
  if (!value) throw new AuthConfigError(`AUTH_MODE=oidc needs ${name}`);
  return value;
}

/** Reads the login settings; `host` is the address the server binds to. */
export function parseAuthConfig(env: Record<string, string | undefined>, host: string): AuthConfig {
  const parsed = authEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new AuthConfigError(
      `Invalid login configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const values = parsed.data;
  // The development login is never a silent fallback: only an explicit AUTH_MODE=dev turns it on (issue #18).
  const mode = values.AUTH_MODE ?? (values.OIDC_ISSUER ? 'oidc' : 'none');
  if (mode === 'none') return { mode: 'none' };
  if (mode === 'dev') {
    if (!isLoopbackHost(host)) {
      throw new AuthConfigError(
        `AUTH_MODE=dev (the development login without an identity provider) refuses to run on ${host}; bind HOST to 127.0.0.1 or use AUTH_MODE=oidc with OIDC_ISSUER.`,
      );
    }
    return { mode: 'dev' };
  }
  const issuer = new URL(requireValue(values.OIDC_ISSUER, 'OIDC_ISSUER'));
  const redirectUrl = new URL(requireValue(values.OIDC_REDIRECT_URL, 'OIDC_REDIRECT_URL'));
  const allowHttp = values.OIDC_ALLOW_HTTP === 'true';
  for (const [name, url] of [
    ['OIDC_ISSUER', issuer],
    ['OIDC_REDIRECT_URL', redirectUrl],
  ] as const) {
    if (url.protocol === 'https:') continue;
    if (!allowHttp || !isLoopbackHost(url.hostname))
      throw new AuthConfigError(`${name} must use https (plain http only with OIDC_ALLOW_HTTP=true on a loopback address)`);
  }
  return {
    mode: 'oidc',
    issuer,
    clientId: requireValue(values.OIDC_CLIENT_ID, 'OIDC_CLIENT_ID'),
    ...(values.OIDC_CLIENT_SECRET ? { clientSecret: values.OIDC_CLIENT_SECRET } : {}),
    redirectUrl,
    scopes: values.OIDC_SCOPES,
    allowHttp,
  };
}
