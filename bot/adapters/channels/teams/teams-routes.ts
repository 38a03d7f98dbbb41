/**
 * `POST /api/messages` on the existing restify server: reads the body (size-limited), checks the Bot
 * Framework JWT with the SDK's `authorizeJWT` (401 without a valid token when an app id is configured;
 * anonymous only in dev mode) and hands the activity to the SDK's `CloudAdapter.process`.
 */
import type { ServerResponse } from 'node:http';
import {
  authorizeJWT,
  type AuthConfiguration,
  type CloudAdapter,
  type Request as SdkRequest,
  type TurnContext,
  type WebResponse,
} from '@microsoft/agents-hosting';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { describeError } from '../../../shared/errors.ts';
import type { Logger } from '../../../shared/logger.ts';
import { readJsonBody } from '../../http-kit/json-body.ts';
import { sendError } from '../../http-kit/send-error.ts';
import { loopbackRefusal } from '../../../shared/loopback.ts';

/** What the route needs. */
export interface TeamsRouteDeps {
  readonly adapter: CloudAdapter;
  readonly authConfig: AuthConfiguration;
  readonly handler: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  readonly maxBodyBytes?: number;
  /**
   * Dev mode (no app id, no token check): the German 403 text for requests that did not come straight from
   * this machine (non-loopback `Host`, `Forwarded`/`X-Forwarded-*`); absent with Entra authentication.
   */
  readonly loopbackOnly?: string;
  /** Single-tenant apps: the only tenant accepted in `conversation.tenantId` / `channelData.tenant.id`, and the German 403 text. */
  readonly tenant?: { readonly id: string; readonly refusal: string };
}

// Only the fields read here (zod at the boundary); everything else is the SDK's business.
const tenantFields = z.object({
  conversation: z.object({ tenantId: z.string().nullish() }).nullish(),
  channelData: z.object({ tenant: z.object({ id: z.string().nullish() }).nullish() }).nullish(),
});

/** True when every tenant id the activity names is `expected` (and it names at least one). */
function fromTenant(activity: unknown, expected: string): boolean {
  const parsed = tenantFields.safeParse(activity);
  if (!parsed.success) return false;
  const named = [parsed.data.conversation?.tenantId, parsed.data.channelData?.tenant?.id].filter(
    (id): id is string => typeof id === 'string',
  );
  return named.length > 0 && named.every((id) => id.toLowerCase() === expected.toLowerCase());
}

/** Adapts Node's response to the SDK's minimal `WebResponse`. */
export function webResponseOf(response: ServerResponse): WebResponse {
  const web: WebResponse = {
    status(code) {
      response.statusCode = code;
      return web;
    },
    setHeader(name, value) {
      if (!response.headersSent) response.setHeader(name, value);
      return web;
    },
    send(body) {
      if (body === undefined || response.writableEnded) return web;
      if (typeof body === 'string' || Buffer.isBuffer(body)) response.write(body);
      else {
        if (!response.headersSent) response.setHeader('Content-Type', 'application/json');
        response.write(JSON.stringify(body));
      }
      return web;
    },
    end() {
      if (!response.writableEnded) response.end();
      return web;
    },
    get headersSent() {
      return response.headersSent;
    },
    get writableEnded() {
      return response.writableEnded;
    },
  };
  return web;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function handle(deps: TeamsRouteDeps, request: Request, response: Response): Promise<void> {
  const refusal = deps.loopbackOnly === undefined ? undefined : loopbackRefusal(request);
  if (refusal) {
    // Issue #18, item 1: an unauthenticated dev mode reachable through a proxy lets anyone act as anyone.
    deps.logger.warn('teams-dev-request-refused', { reason: refusal });
    return sendError(response, 403, 'loopback_only', deps.loopbackOnly ?? '');
  }
  const body = await readJsonBody(request, deps.maxBodyBytes ?? 1024 * 1024);
  if (!body.ok) return sendError(response, body.problem.status, body.problem.code, body.problem.message);
  if (!isObject(body.value)) return sendError(response, 400, 'invalid_activity', 'Die Anfrage enthält keine gültige Aktivität.');
  const sdkRequest: SdkRequest = { body: body.value, headers: request.headers, method: request.method ?? 'POST' };
  const web = webResponseOf(response);
  let authorized = false;
  await authorizeJWT(deps.authConfig)(sdkRequest, web, () => {
    authorized = true;
  });
  if (!authorized) {
    deps.logger.warn('teams-request-unauthorized', {});
    web.end();
    return;
  }
  if (deps.tenant && !fromTenant(body.value, deps.tenant.id)) {
    deps.logger.warn('teams-foreign-tenant', {});
    return sendError(response, 403, 'foreign_tenant', deps.tenant.refusal);
  }
  await deps.adapter.process(sdkRequest, web, deps.handler);
}

/** Registers `POST /api/messages`; nothing a request sends can crash the process. */
export function registerTeamsRoutes(server: Server, deps: TeamsRouteDeps): void {
  server.post('/api/messages', async (request: Request, response: Response) => {
    try {
      await handle(deps, request, response);
    } catch (error) {
      // The SDK throws for activities it cannot parse (missing fields, wrong types): a bad request.
      deps.logger.warn('teams-request-rejected', { error: describeError(error) });
      if (!response.headersSent) sendError(response, 400, 'invalid_activity', 'Die Aktivität konnte nicht verarbeitet werden.');
      else if (!response.writableEnded) response.end();
    }
  });
}
