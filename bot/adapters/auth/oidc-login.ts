/**
 * OpenID Connect login with openid-client: authorization code flow with PKCE, state and nonce; the ID
 * token is verified by the library, groups may come from the ID token or the UserInfo endpoint.
 */
import * as client from 'openid-client';
import type { AuthConfig } from '../../config/auth-config.ts';
import type { PendingLogin } from '../../ports/identity.ts';
import { describeError } from '../../shared/errors.ts';

/** Verified claims of a finished login, or why it failed (English, for the log). */
export type LoginResult =
  { readonly ok: true; readonly claims: { sub: string; [claim: string]: unknown } } | { readonly ok: false; readonly reason: string };

/** A connected OIDC relying party. */
export interface OidcLogin {
  /** The IdP URL to send the browser to, and what must be remembered until the callback. */
  start(returnTo: string, now: Date): Promise<{ url: URL; pending: PendingLogin }>;
  /** Exchanges the code in `callbackUrl`, checking state, nonce and PKCE. */
  finish(callbackUrl: URL, pending: PendingLogin): Promise<LoginResult>;
  /** Where to send the browser after the local logout (RP-initiated logout), if the IdP supports it. */
  endSessionUrl(postLogoutRedirect: URL): URL | undefined;
}

type OidcSettings = Extract<AuthConfig, { mode: 'oidc' }>;

/** Runs discovery once; throws when the issuer cannot be reached or is invalid. */
export async function discoverOidc(settings: OidcSettings): Promise<OidcLogin> {
  const options = settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined;
  const authentication = settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None();
  const configuration = await client.discovery(settings.issuer, settings.clientId, undefined, authentication, options);
  const pendingMinutes = 10;
  return {
    async start(returnTo, now) {
      const codeVerifier = client.randomPKCECodeVerifier();
      const pending: PendingLogin = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier,
        returnTo,
        expiresAt: new Date(now.getTime() + pendingMinutes * 60_000).toISOString(),
      };
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: settings.redirectUrl.href,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },
    async finish(callbackUrl, pending) {
      try {
        const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) return { ok: false, reason: 'no ID token' };
        const userInfo = configuration.serverMetadata().userinfo_endpoint
          ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
          : {};
        return { ok: true, claims: { ...userInfo, ...idClaims } };
      } catch (error) {
        return { ok: false, reason: describeError(error) };
      }
    },
    endSessionUrl(postLogoutRedirect) {
      if (!configuration.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(configuration, { client_id: settings.clientId, post_logout_redirect_uri: postLogoutRedirect.href });
    },
  };
}
