/**
 * The pending OIDC login (state, nonce, PKCE verifier, return path) travels in a sealed cookie instead of a
 * database row (issue #18, item 13): an anonymous `GET /login` writes nothing to the database, so it can
 * neither fill a table nor fail while the database is unreachable. AES-256-GCM under a key derived from the
 * audit key (shared by replicas through `AUDIT_HMAC_KEY`) keeps the verifier secret and the cookie unforgeable.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { PendingLogin } from '../../ports/identity.ts';

/** Seals and opens pending logins under one key. */
export interface PendingLoginSeal {
  seal(pending: PendingLogin): string;
  /** The pending login, or undefined when the value was not sealed by us (forged, truncated, other key). */
  open(value: string): PendingLogin | undefined;
}

const pendingSchema = z
  .object({
    state: z.string().min(1),
    nonce: z.string().min(1),
    codeVerifier: z.string().min(1),
    returnTo: z.string(),
    expiresAt: z.string(),
  })
  .strict();

/** Derives the cookie key from the audit key (never the audit key itself). */
export function pendingLoginKey(auditKey: string): Buffer {
  return createHmac('sha256', auditKey).update('lotse-pending-login').digest();
}

/** A seal under `key` (32 bytes). */
export function createPendingLoginSeal(key: Buffer): PendingLoginSeal {
  return {
    seal(pending) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
    },
    open(value) {
      const bytes = Buffer.from(value, 'base64url');
      if (bytes.length < 29) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
        const parsed = pendingSchema.safeParse(JSON.parse(plain));
        return parsed.success ? parsed.data : undefined;
      } catch (error) {
        // A wrong tag (forged or foreign cookie) is an expected outcome, not a fault.
        if (error instanceof Error) return undefined;
        throw error;
      }
    },
  };
}

/** Reads a sealed cookie value (base64url, bounded length). */
export function readSealedCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    const value = rest.join('=');
    return /^[A-Za-z0-9_-]{40,3000}$/.test(value) ? value : undefined;
  }
  return undefined;
}
