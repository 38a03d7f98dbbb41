/**
 * The one error format of the HTTP API: `{ error: { code, message } }` with a German message.
 */
import type { Response } from 'restify';

/** Sends a JSON error with a German message; never cached. */
export function sendError(response: Response, status: number, code: string, message: string): void {
  response.setHeader('Cache-Control', 'no-store');
  response.send(status, { error: { code, message } });
}
