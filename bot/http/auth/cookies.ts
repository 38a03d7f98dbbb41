/**
 * Minimal cookie reading and writing for the session and CSRF cookies (no vendor dependency).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads one cookie value; only URL-safe token characters are accepted (anything else counts as absent). */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    const value = rest.join('=');
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/** Cookie attributes lotse uses. */
export interface CookieOptions {
  readonly httpOnly: boolean;
  readonly secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge?: number;
}

/** Appends a Set-Cookie header (keeps cookies set earlier in the same response). */
export function setCookie(response: ServerResponse, name: string, value: string, options: CookieOptions): void {
  const attributes = [`${name}=${value}`, 'Path=/', 'SameSite=Lax'];
  if (options.httpOnly) attributes.push('HttpOnly');
  if (options.secure) attributes.push('Secure');
  if (options.maxAge !== undefined) attributes.push(`Max-Age=${options.maxAge}`);
  const existing = response.getHeader('Set-Cookie');
  const list = Array.isArray(existing) ? existing : typeof existing === 'string' ? [existing] : [];
  response.setHeader('Set-Cookie', [...list, attributes.join('; ')]);
}
