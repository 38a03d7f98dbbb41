/**
 * Reads a request body up to a byte limit: the stream is cut off as soon as the limit is passed, so a
 * huge body never sits in memory. Returns null when the body is too large.
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
