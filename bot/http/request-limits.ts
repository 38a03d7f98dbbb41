/**
 * Request limits for the routes anyone can call (issue #18, item 13): `/api/chat`, `/api/tickets`,
 * `/api/feedback`, `/dev-login`, `/login` and the OIDC callback. Two GCRA limiters (the one the Teams outbox
 * uses, `KeyedRateLimiter` in `bot/shared/`): per person (session or web-chat cookie) and per client address. Over the limit:
 * 429 with `Retry-After` and a German message.
 */
import type { Request, Response } from 'restify';
import { KeyedRateLimiter } from '../shared/rate-limiter.ts';
import { pathUnder } from './auth/access.ts';
import { sendError } from '../adapters/http-kit/send-error.ts';

/** Limits per minute with their bursts; `now` in ms (tests pass a fake clock). */
export interface RequestLimitOptions {
  readonly perPersonPerMinute: number;
  readonly perPersonBurst: number;
  readonly perClientPerMinute: number;
  readonly perClientBurst: number;
  /** The German 429 text (`prompts/`). */
  readonly message: string;
  readonly now?: () => number;
}

/** Routes that are limited (decoded, normalised prefixes). */
export const limitedRoutes = ['/api/chat', '/api/tickets', '/api/feedback', '/dev-login', '/login', '/auth'] as const;

const personCookies = ['__Host-lotse_session', 'lotse_session', 'lotse_uid'];

/** The person a request speaks for: its session or web-chat cookie, if any. */
function personKey(request: Request): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name && personCookies.includes(name) && value.join('=')) return `${name}=${value.join('=')}`;
  }
  return undefined;
}

/** A `server.pre` hook enforcing the limits; cookies alone cannot evade the per-client limit. */
export function requestLimitHook(options: RequestLimitOptions) {
  const now = options.now ?? (() => performance.now());
  const persons = new KeyedRateLimiter(options.perPersonPerMinute / 60, options.perPersonBurst);
  const clients = new KeyedRateLimiter(options.perClientPerMinute / 60, options.perClientBurst);
  let checks = 0;
  return (request: Request, response: Response, next: (proceed?: boolean) => void): void => {
    if (!pathUnder(request.url ?? '', limitedRoutes)) return next();
    const at = now();
    if ((checks += 1) % 1000 === 0) {
      persons.prune(at);
      clients.prune(at);
    }
    const person = personKey(request);
    const limiters = [clients.of(request.socket.remoteAddress ?? 'unknown'), ...(person ? [persons.of(person)] : [])];
    const wait = Math.max(...limiters.map((limiter) => limiter.waitMs(at)));
    if (wait > 0) {
      response.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      sendError(response, 429, 'rate_limited', options.message);
      return next(false);
    }
    limiters.forEach((limiter) => limiter.take(at));
    next();
  };
}
