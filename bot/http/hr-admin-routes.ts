/**
 * HR console API (issue #10) for the HR and Personalrat pages the console will put on top: compose,
 * audience preview with counts, release (four eyes), delivery report; survey create/approve/open/close and
 * k-anonymous results as JSON, CSV (aggregates only) or SVG charts. Roles are checked by the services.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { audienceSchema, broadcastDraftSchema, surveyDraftSchema } from '../core/hr/hr-schemas.ts';
import { resultCharts, resultsCsvDownload, resultsMessage } from '../core/hr/results-export.ts';
import { sendError } from '../adapters/http-kit/send-error.ts';
import { guarded, readBody, type HrRouteDeps } from './hr-routes.ts';

const param = (request: Request, name: string): string => String(request.params?.[name] ?? '');
// The server has no query parser plugin; read the query string here.
const query = (request: Request, name: string): string => new URL(request.url ?? '/', 'http://localhost').searchParams.get(name) ?? '';
const statusOf: Record<string, number> = {
  not_found: 404,
  wrong_state: 409,
  locked: 409,
  four_eyes: 403,
  not_permitted: 403,
  unit_not_permitted: 403,
  not_personalrat: 403,
  not_hr: 403,
  not_approved: 409,
  unknown_sender: 403,
};

function sendOutcome(
  response: Response,
  outcome: { kind: 'ok' } | { kind: 'refused'; reason: string; message: string },
  okStatus = 200,
): void {
  if (outcome.kind === 'refused') return sendError(response, statusOf[outcome.reason] ?? 422, outcome.reason, outcome.message);
  response.send(okStatus, outcome);
}

/** Registers the HR console routes under `/api/hr/`. */
export function registerHrAdminRoutes(server: Server, deps: HrRouteDeps): void {
  const { hr } = deps;
  server.post(
    '/api/hr/audience/preview',
    guarded(deps, 'hr-preview', async (actor, request, response) => {
      const body = await readBody(request, response, z.object({ audience: audienceSchema }).strict(), deps.maxBodyBytes);
      if (body) sendOutcome(response, await hr.broadcasts.preview(actor, body.audience));
    }),
  );
  server.post(
    '/api/hr/broadcasts',
    guarded(deps, 'hr-broadcast-create', async (actor, request, response) => {
      const body = await readBody(request, response, broadcastDraftSchema, deps.maxBodyBytes);
      if (body) sendOutcome(response, await hr.broadcasts.create(actor, body), 201);
    }),
  );
  server.post(
    '/api/hr/broadcasts/:id/release',
    guarded(deps, 'hr-broadcast-release', async (actor, request, response) => {
      sendOutcome(response, await hr.broadcasts.release(actor, param(request, 'id')));
    }),
  );
  server.get(
    '/api/hr/broadcasts/:id/report',
    guarded(deps, 'hr-broadcast-report', async (actor, request, response) => {
      if (!hr.canManage(actor)) return sendError(response, 403, 'not_hr', hr.messages.refusedNotHr);
      sendOutcome(response, await hr.broadcasts.report(param(request, 'id')));
    }),
  );
  server.post(
    '/api/hr/surveys',
    guarded(deps, 'hr-survey-create', async (actor, request, response) => {
      const body = await readBody(request, response, surveyDraftSchema, deps.maxBodyBytes);
      if (body) sendOutcome(response, await hr.surveys.create(actor, body), 201);
    }),
  );
  server.put(
    '/api/hr/surveys/:id',
    guarded(deps, 'hr-survey-edit', async (actor, request, response) => {
      const body = await readBody(request, response, surveyDraftSchema, deps.maxBodyBytes);
      if (body) sendOutcome(response, await hr.surveys.edit(actor, param(request, 'id'), body));
    }),
  );
  server.post(
    '/api/hr/surveys/:id/versions',
    guarded(deps, 'hr-survey-revise', async (actor, request, response) => {
      const body = await readBody(request, response, surveyDraftSchema, deps.maxBodyBytes);
      if (body) sendOutcome(response, await hr.surveys.revise(actor, param(request, 'id'), body), 201);
    }),
  );
  server.post(
    '/api/hr/surveys/:id/approve',
    guarded(deps, 'hr-survey-approve', async (actor, request, response) => {
      sendOutcome(response, await hr.surveys.approve(actor, param(request, 'id')));
    }),
  );
  server.post(
    '/api/hr/surveys/:id/:step',
    guarded(deps, 'hr-survey-step', async (actor, request, response) => {
      const step = param(request, 'step');
      if (step !== 'open' && step !== 'close') return sendError(response, 404, 'not_found', hr.messages.refusedNotFound);
      if (!hr.canManage(actor)) return sendError(response, 403, 'not_hr', hr.messages.refusedNotHr);
      sendOutcome(response, step === 'open' ? await hr.surveys.open(param(request, 'id')) : await hr.surveys.close(param(request, 'id')));
    }),
  );
  server.post(
    '/api/hr/surveys/:id/publish',
    guarded(deps, 'hr-survey-publish', async (actor, request, response) => {
      if (!hr.canManage(actor)) return sendError(response, 403, 'not_hr', hr.messages.refusedNotHr);
      const outcome = await hr.surveys.results(param(request, 'id'));
      if (outcome.kind === 'refused') return sendOutcome(response, outcome);
      const message = resultsMessage(outcome.results, hr.messages);
      sendOutcome(
        response,
        await hr.broadcasts.create(actor, { title: message.title, text: message.text, audience: { kind: 'all' }, acknowledge: false }),
        201,
      );
    }),
  );
  server.get(
    '/api/hr/surveys/:id/results',
    guarded(deps, 'hr-survey-results', async (actor, request, response) => {
      if (!hr.canSeeResults(actor)) return sendError(response, 403, 'not_permitted', hr.messages.refusedNotHr);
      const outcome = await hr.surveys.results(param(request, 'id'));
      if (outcome.kind === 'refused') return sendOutcome(response, outcome);
      const format = query(request, 'format') || 'json';
      if (format === 'csv') {
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        return void response.sendRaw(200, resultsCsvDownload(outcome.results));
      }
      if (format === 'svg') {
        const chart = resultCharts(outcome.results).find((entry) => entry.questionId === query(request, 'question'))?.svg;
        if (!chart)
          return sendError(response, 404, 'no_chart', 'Für diese Frage gibt es keine Grafik (zu wenige Antworten oder Freitext).');
        response.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
        return void response.sendRaw(200, chart);
      }
      response.send(200, outcome.results);
    }),
  );
}
