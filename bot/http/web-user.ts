/**
 * Pseudonymous identity of web chat users until login (OIDC) exists: a random id in an httpOnly,
 * SameSite=Lax cookie. The id carries no personal data.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const cookieName = 'lotse_uid';

/** Returns the user's pseudonymous id, setting the cookie when it is missing or malformed. */
export function webUserId(request: IncomingMessage, response: ServerResponse): string {
  const cookies = request.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${cookieName}=([0-9a-f-]{36})(?:;|$)`).exec(cookies);
  if (match?.[1]) return `web-${match[1]}`;
  const id = randomUUID();
  response.setHeader('Set-Cookie', `${cookieName}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`);
  return `web-${id}`;
}
