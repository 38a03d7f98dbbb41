/**
 * A Digitallotse's "abwesend bis" over the web API (issue #22): `GET /api/availability` shows it,
 * `PUT /api/availability {until}` sets the last absent day (24.12.2026 or 2026-12-24), `DELETE` ends it.
 * `GET /api/ticket-stats` returns the aggregated ticket statistics (k ≥ 5, no figure per Lotse, DV KI § 6).
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AvailabilityResult, LotseAvailability } from '../core/escalation/lotse-availability.ts';
import type { TicketStatsRow } from '../core/escalation/ticket-stats.ts';
import type { Protect } from './auth/access.ts';
import { readJsonBody } from '../adapters/http-kit/json-body.ts';
import { sendError } from '../adapters/http-kit/send-error.ts';

/** What the availability routes need. */
export interface AvailabilityRouteDeps {
  readonly availability: LotseAvailability;
  /** Aggregated ticket statistics (suppressed below k). */
  readonly ticketStats: () => Promise<readonly TicketStatsRow[]>;
  readonly protect: Protect;
  readonly maxBodyBytes: number;
}

const bodySchema = z.object({ until: z.string().min(1).max(20) }).strict();

const status: Record<AvailabilityResult['kind'], number> = {
  set: 200,
  status: 200,
  cleared: 200,
  none: 200,
  invalid_date: 400,
  in_past: 400,
  too_far: 400,
  not_lotse: 403,
};

function send(response: Response, result: AvailabilityResult): void {
  response.setHeader('Cache-Control', 'no-store');
  if (status[result.kind] >= 400) return sendError(response, status[result.kind], result.kind, result.text);
  response.send(200, { kind: result.kind, message: result.text, ...('until' in result ? { until: result.until } : {}) });
}

/** Registers the routes; only people who receive tickets may set an absence (others get 403). */
export function registerAvailabilityRoutes(server: Server, deps: AvailabilityRouteDeps): void {
  const notLotse = (response: Response): void => send(response, deps.availability.notLotse());
  server.get(
    '/api/availability',
    deps.protect('authenticated', async (_request, response, caller) => {
      const personId = caller.principal?.personId;
      return personId ? send(response, await deps.availability.status(personId)) : notLotse(response);
    }),
  );
  server.put(
    '/api/availability',
    deps.protect('authenticated', async (request: Request, response, caller) => {
      const personId = caller.principal?.personId;
      if (!personId) return notLotse(response);
      const body = await readJsonBody(request, deps.maxBodyBytes);
      if (!body.ok) return sendError(response, body.problem.status, body.problem.code, body.problem.message);
      const parsed = bodySchema.safeParse(body.value);
      send(response, await deps.availability.setAbsent(personId, parsed.success ? parsed.data.until : ''));
    }),
  );
  server.del(
    '/api/availability',
    deps.protect('authenticated', async (_request, response, caller) => {
      const personId = caller.principal?.personId;
      return personId ? send(response, await deps.availability.clear(personId)) : notLotse(response);
    }),
  );
  server.get(
    '/api/ticket-stats',
    deps.protect(['lotse', 'admin', 'personalrat'], async (_request, response) => {
      response.setHeader('Cache-Control', 'no-store');
      response.send(200, { k: 5, rows: await deps.ticketStats() });
    }),
  );
}
