/**
 * The one error format of the HTTP API: `{ error: { code, message } }` with a German message.
 *
 * Lives in `bot/adapters/http-kit/` (not `bot/http/`, not `bot/shared/`): both the HTTP layer and the channel adapters
 * (Teams routes) use it, adapters must not import `bot/http`, and it touches Node/restify request and response objects, so it is
 * not the dependency-free code `bot/shared` (importable by the core) is for. It imports nothing from `bot/`.
 */
import type { Response } from 'restify';

/** Sends a JSON error with a German message; never cached. */
export function sendError(response: Response, status: number, code: string, message: string): void {
  response.setHeader('Cache-Control', 'no-store');
  response.send(status, { error: { code, message } });
}
