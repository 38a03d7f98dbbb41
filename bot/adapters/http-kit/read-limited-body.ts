/**
 * Reads a request body up to a byte limit: the stream is cut off as soon as the limit is passed, so a
 * huge body never sits in memory. Returns null when the body is too large.
 *
 * Lives in `bot/adapters/http-kit/` (not `bot/http/`, not `bot/shared/`): both the HTTP layer and the channel adapters
 * (Teams routes) use it, adapters must not import `bot/http`, and it touches Node/restify request and response objects, so it is
 * not the dependency-free code `bot/shared` (importable by the core) is for. It imports nothing from `bot/`.
 */
import type { IncomingMessage } from 'node:http';

/** The body as bytes, or null when it exceeds `maxBytes` (a declared Content-Length is checked first). */
export async function readLimitedBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
    request.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) {
      request.resume();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
