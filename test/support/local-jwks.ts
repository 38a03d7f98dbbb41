/**
 * A local Entra stand-in for token validation tests: an RSA key pair, a JWKS endpoint on loopback at
 * `/<tenant>/discovery/v2.0/keys` (where the Agents SDK looks for keys of the configured authority) and
 * RS256 tokens signed with node:crypto.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';

/** The running JWKS server and a token signer. */
export interface LocalJwks {
  /** Authority to configure (`TEAMS_AUTHORITY`), e.g. `http://127.0.0.1:PORT/<tenant>`. */
  readonly authority: string;
  /** Signs a token with the published key (or with `foreignKey` to test rejection). */
  sign(claims: Record<string, unknown>, options?: { foreignKey?: boolean }): string;
  close(): Promise<void>;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signWith(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const data = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(claims)}`;
  return `${data}.${createSign('RSA-SHA256').update(data).sign(key, 'base64url')}`;
}

/** Starts the JWKS server for `tenant`. */
export async function startLocalJwks(tenant: string): Promise<LocalJwks> {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'lotse-test-key';
  const jwks = { keys: [{ ...published.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] };
  const server = createServer((request, response) => {
    if (request.url === `/${tenant}/discovery/v2.0/keys`) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(jwks));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    authority: `http://127.0.0.1:${port}/${tenant}`,
    sign: (claims, options = {}) => signWith(options.foreignKey ? foreign.privateKey : published.privateKey, kid, claims),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
