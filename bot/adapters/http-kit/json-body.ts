/**
 * Reads and checks a JSON request body without trusting it: content type, size limit (the stream is
 * cut off as soon as it exceeds the limit), UTF-8 validity and JSON syntax, each with a German message.
 *
 * Lives in `bot/adapters/http-kit/` (not `bot/http/`, not `bot/shared/`): both the HTTP layer and the channel adapters
 * (Teams routes) use it, adapters must not import `bot/http`, and it touches Node/restify request and response objects, so it is
 * not the dependency-free code `bot/shared` (importable by the core) is for. It imports nothing from `bot/`.
 */
import type { IncomingMessage } from 'node:http';
import { readLimitedBody } from './read-limited-body.ts';

/** A rejected body: HTTP status, machine code and German message. */
export interface BodyProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** Reads the body as parsed JSON, or returns the problem. */
export async function readJsonBody(
  request: IncomingMessage,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; problem: BodyProblem }> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return {
      ok: false,
      problem: {
        status: 415,
        code: 'unsupported_media_type',
        message: 'Bitte senden Sie die Anfrage als JSON (Content-Type: application/json).',
      },
    };
  }
  const tooLarge: BodyProblem = {
    status: 413,
    code: 'payload_too_large',
    message: `Die Anfrage ist zu groß (höchstens ${Math.round(maxBytes / 1024)} KB).`,
  };
  const bytes = await readLimitedBody(request, maxBytes);
  if (!bytes) return { ok: false, problem: tooLarge };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { status: 400, code: 'invalid_encoding', message: 'Die Anfrage ist nicht gültig UTF-8-kodiert.' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: { status: 400, code: 'malformed_json', message: 'Die Anfrage enthält kein gültiges JSON.' } };
  }
}
