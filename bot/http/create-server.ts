/**
 * The intranet web chat server (restify 11): chat page, static assets, `/api/chat`, `/api/feedback`,
 * usage rules, health and readiness. Every error is JSON `{ error: { code, message } }` with German text,
 * and no request can take the process down.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import restify, { type Request, type Response, type Server } from 'restify';
import type { ChatService } from '../ports/chat-service.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { registerApiRoutes, type ContextOf } from './api-routes.ts';
import { anonymousOnlyGuard, type Protect } from './auth/access.ts';
import { registerMetrics, type Gauges } from './metrics.ts';
import { renderAgreementPage, renderChatPage, renderUsageRulesPage, type TransparencyFacts } from './pages.ts';
import { loadTransparencyTexts } from '../../prompts/load-transparency-texts.ts';
import { sendError } from '../adapters/http-kit/send-error.ts';
import { registerTicketRoutes, type TicketRouteDeps } from './ticket-routes.ts';
import { loadUiTexts } from './ui-texts.ts';
import { requestLimitHook, type RequestLimitOptions } from './request-limits.ts';
import { registerHrRoutes, type HrRouteDeps } from './hr-routes.ts';
import { registerHrAdminRoutes } from './hr-admin-routes.ts';
import { registerAvailabilityRoutes, type AvailabilityRouteDeps } from './availability-routes.ts';
import { registerPrivacyRoutes, type PrivacyRouteDeps } from './privacy-routes.ts';

/** Options of the web chat server. */
export interface HttpServerOptions {
  readonly chat: ChatService;
  readonly logger: Logger;
  /** Largest accepted request body (default 1 MB). */
  readonly maxBodyBytes?: number;
  /** Model and rules shown on the usage-rules page (generated from the policy files). */
  readonly transparency?: TransparencyFacts;
  /** `LOTSE_PUBLIC_URL`: the answer footer links the usage rules absolutely; relative (same origin) without it. */
  readonly publicUrl?: string;
  /** The Digitallotse hand-over; without it the web chat only shows a notice. */
  readonly tickets?: Omit<TicketRouteDeps, 'logger' | 'maxBodyBytes' | 'protect'>;
  /** Login, sessions, roles and the console; without it the chat is anonymous and there is no console. */
  readonly identity?: IdentityWiring;
  /** Queue gauges for `/metrics` (aggregated counts only). */
  readonly gauges?: Gauges;
  /** `METRICS_TOKEN`; without it `/metrics` answers direct loopback requests only. */
  readonly metricsToken?: string;
  /** Per-person and per-client request limits (`RATE_LIMIT_*`); none when absent (tests, embedded use). */
  readonly requestLimits?: Omit<RequestLimitOptions, 'message'>;
  /** HR news and surveys (staff and console API); needs the signed-in person (`resolveActor`). */
  readonly hr?: Omit<HrRouteDeps, 'logger' | 'maxBodyBytes'>;
  /** A Lotse's "abwesend bis" and the aggregated ticket statistics (issue #22); needs the identity layer. */
  readonly availability?: Omit<AvailabilityRouteDeps, 'protect' | 'maxBodyBytes'>;
  /** GDPR access and erasure for the DSB (issue #22); needs the identity layer. */
  readonly privacy?: Omit<PrivacyRouteDeps, 'protect' | 'maxBodyBytes'>;
}

/** What the identity layer plugs into the server. */
export interface IdentityWiring {
  readonly protect: Protect;
  /** Adds county and KI-training gate of a logged-in person to chat messages. */
  readonly contextOf?: ContextOf;
  /** Registers login, logout and console routes. */
  register(server: Server): void;
}

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const publicDir = join(import.meta.dirname, 'public');

function sendRaw(response: Response, contentType: string, body: string): void {
  response.setHeader('Content-Type', contentType);
  response.sendRaw(200, body);
}

/** Builds the server (not yet listening). */
export function createHttpServer(options: HttpServerOptions): Server {
  const texts = loadUiTexts();
  const chatPage = renderChatPage(texts, options.publicUrl ? new URL('nutzungshinweise', options.publicUrl).toString() : undefined);
  const usagePageTexts = loadTransparencyTexts().usagePage;
  const script = readFileSync(join(publicDir, 'chat.js'), 'utf8');
  const styles = readFileSync(join(publicDir, 'chat.css'), 'utf8');
  const consoleScript = readFileSync(join(publicDir, 'console.js'), 'utf8');
  const surveyScript = readFileSync(join(publicDir, 'survey.js'), 'utf8');
  const consoleStyles = readFileSync(join(publicDir, 'console.css'), 'utf8');
  const server = restify.createServer({ name: 'lotse', handleUncaughtExceptions: false });
  server.pre((request: Request, response: Response, next: () => void) => {
    for (const [header, value] of Object.entries(securityHeaders)) response.setHeader(header, value);
    next();
  });
  if (options.requestLimits) server.pre(requestLimitHook({ ...options.requestLimits, message: texts.rateLimited }));
  registerMetrics(server, options.gauges ?? {}, options.metricsToken ? { token: options.metricsToken } : {});
  const protect = options.identity?.protect ?? anonymousOnlyGuard;
  server.get(
    '/',
    protect('chat', async (_request, response) => sendRaw(response, 'text/html; charset=utf-8', chatPage)),
  );
  // Rendered per request: the index version changes with every re-index.
  server.get('/nutzungshinweise', async (_request: Request, response: Response) =>
    sendRaw(response, 'text/html; charset=utf-8', renderUsageRulesPage(texts, options.transparency, usagePageTexts)),
  );
  server.get('/nutzungshinweise/dienstvereinbarung', async (_request: Request, response: Response) =>
    sendRaw(response, 'text/html; charset=utf-8', renderAgreementPage(texts, usagePageTexts, options.transparency?.agreement?.())),
  );
  server.get('/assets/chat.js', async (_request: Request, response: Response) =>
    sendRaw(response, 'text/javascript; charset=utf-8', script),
  );
  server.get('/assets/chat.css', async (_request: Request, response: Response) => sendRaw(response, 'text/css; charset=utf-8', styles));
  server.get('/assets/survey.js', async (_request: Request, response: Response) =>
    sendRaw(response, 'text/javascript; charset=utf-8', surveyScript),
  );
  server.get('/assets/console.js', async (_request: Request, response: Response) =>
    sendRaw(response, 'text/javascript; charset=utf-8', consoleScript),
  );
  server.get('/assets/console.css', async (_request: Request, response: Response) =>
    sendRaw(response, 'text/css; charset=utf-8', consoleStyles),
  );
  server.get('/healthz', async (_request: Request, response: Response) => {
    response.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_request: Request, response: Response) => {
    const status = await options.chat.status();
    response.send(status.ready ? 200 : 503, status);
  });
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const contextOf = options.identity?.contextOf;
  registerApiRoutes(server, { chat: options.chat, logger: options.logger, maxBodyBytes, protect, ...(contextOf ? { contextOf } : {}) });
  if (options.tickets) registerTicketRoutes(server, { ...options.tickets, logger: options.logger, maxBodyBytes, protect });
  options.identity?.register(server);
  if (options.availability && options.identity) registerAvailabilityRoutes(server, { ...options.availability, protect, maxBodyBytes });
  if (options.privacy && options.identity) registerPrivacyRoutes(server, { ...options.privacy, protect, maxBodyBytes });
  if (options.hr) {
    // Images travel as data URLs inside the JSON body, so HR routes accept up to 2 MB.
    const hrDeps = {
      ...options.hr,
      logger: options.logger,
      maxBodyBytes: Math.max(maxBodyBytes, 2 * 1024 * 1024),
      ...(options.identity ? { protect } : {}),
    };
    registerHrRoutes(server, hrDeps);
    registerHrAdminRoutes(server, hrDeps);
  }
  server.on('NotFound', (_request: Request, response: Response) => sendError(response, 404, 'not_found', 'Diese Adresse gibt es nicht.'));
  server.on('MethodNotAllowed', (_request: Request, response: Response) =>
    sendError(response, 405, 'method_not_allowed', 'Diese Methode ist hier nicht erlaubt.'),
  );
  server.on('restifyError', (_request: Request, response: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) options.logger.error('http-error', { error: describeError(error) });
    callback();
  });
  return server;
}

/** Starts listening; resolves with the base URL and a close function. */
export function startHttpServer(server: Server, address: { port: number; host: string }): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      const bound = server.address();
      const host = address.host.includes(':') ? `[${address.host}]` : address.host;
      resolve({
        url: `http://${host}:${bound.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
