/**
 * Registers every route of the console table with its access rule; routes sharing a path (ticket
 * actions) are dispatched by their `:action` to the entry that covers it.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { TicketAction } from '../../core/escalation/ticket-transitions.ts';
import { describeError } from '../../shared/errors.ts';
import type { Caller, ProtectedHandler } from '../auth/access.ts';
import { readJsonBody } from '../../adapters/http-kit/json-body.ts';
import { sendError } from '../../adapters/http-kit/send-error.ts';
import type { ConsoleDeps } from './console-deps.ts';
import {
  callerUnitNames,
  consolePage,
  errorPage,
  forbiddenPage,
  ownsDocument,
  faqBody,
  overviewBody,
  reportsBody,
} from './console-pages.ts';
import { feedbackBody, feedbackStateHandler } from './feedback-page.ts';
import { documentHandlers } from './document-page.ts';
import { fillText } from './console-texts.ts';
import { seeOther, sendHtml } from './html.ts';
import { sourcesBody } from './sources-page.ts';
import { queueOf, ticketsBody } from './tickets-page.ts';
import { consoleRoutes, type ConsoleRoute, type ConsoleRouteId } from './route-table.ts';
import { readUpload } from './upload.ts';
import { reidentificationHandlers } from './reidentification-console.ts';
import { uploadOwnershipProblem, type Uploader } from './upload-ownership.ts';
import { hrConsoleHandlers } from './hr-console.ts';
import { lotseDsbHandlers, type LotseDsbRouteId } from './lotse-dsb-console.ts';

const answerSchema = z.object({ text: z.string().max(4000).default(''), note: z.string().max(500).optional() });

function actorOf(caller: Caller): string {
  return caller.principal?.personId ?? caller.userId;
}

function ticketAction(action: string, by: string, body: { text: string; note?: string | undefined }): TicketAction | undefined {
  if (action === 'claim') return { type: 'claim', by };
  if (action === 'answer') return { type: 'answer', by, text: body.text };
  if (action === 'return') return { type: 'return', by, ...(body.note ? { note: body.note } : {}) };
  if (action === 'close') return { type: 'close', by };
  return undefined;
}

function handlers(
  deps: ConsoleDeps,
): Record<Exclude<ConsoleRouteId, `hr-${string}` | `reidentification-${string}` | LotseDsbRouteId>, ProtectedHandler> {
  const page =
    (title: () => string, body: (caller: Caller) => string | Promise<string>, current?: string): ProtectedHandler =>
    async (_request, response, caller) =>
      sendHtml(response, 200, consolePage(deps, caller, title(), await body(caller), current));
  const refused = (response: Response, caller: Caller, status: number, title: string, message: string): void =>
    sendHtml(response, status, errorPage(deps, caller, { title, message }));
  const actOnTicket: ProtectedHandler = async (request, response, caller) => {
    const body = caller.form
      ? { text: caller.form.get('text') ?? '', note: caller.form.get('note') ?? undefined }
      : await jsonBody(request, response, deps.texts.answerInvalid);
    if (!body) return;
    const action = ticketAction(String(request.params.action), actorOf(caller), body);
    if (!action)
      return caller.form
        ? refused(response, caller, 404, deps.texts.notFoundTitle, deps.texts.notFoundText)
        : sendError(response, 404, 'not_found', deps.texts.actionUnknown);
    const result = await deps.escalation.act(String(request.params.id), action);
    if (caller.form)
      return result.kind === 'ok'
        ? seeOther(response, '/konsole/tickets')
        : refused(response, caller, result.reason === 'not_found' ? 404 : 409, deps.texts.ticketsTitle, result.message);
    if (result.kind === 'ok')
      return void response.send(200, { ticket: { id: result.ticket.id, number: result.ticket.number, state: result.ticket.state } });
    sendError(response, result.reason === 'not_found' ? 404 : result.reason === 'not_permitted' ? 403 : 409, result.reason, result.message);
  };
  const decideDraft: ProtectedHandler = async (request, response, caller) => {
    const decision = String(request.params.decision);
    if (decision !== 'approve' && decision !== 'reject' && decision !== 'revalidate')
      return caller.form
        ? refused(response, caller, 404, deps.texts.notFoundTitle, deps.texts.notFoundText)
        : sendError(response, 404, 'not_found', deps.texts.actionUnknown);
    const step =
      decision === 'revalidate'
        ? await deps.faq.revalidate(Number(request.params.id), actorOf(caller))
        : await deps.faq.decide(Number(request.params.id), actorOf(caller), decision === 'approve');
    if (caller.form)
      return step.kind === 'ok' ? seeOther(response, '/konsole/faq') : refused(response, caller, 409, deps.texts.faqTitle, step.message);
    if (step.kind === 'ok') return void response.send(200, { message: step.message });
    sendError(response, 409, 'refused', step.message);
  };
  return {
    ...documentHandlers(deps, actorOf),
    overview: page(
      () => deps.texts.overviewTitle,
      (caller) => overviewBody(deps, caller),
      '/konsole',
    ),
    'tickets-page': page(
      () => deps.texts.ticketsTitle,
      async (caller) => ticketsBody(deps, caller, await queueOf(deps, caller)),
      '/konsole/tickets',
    ),
    'ticket-form': actOnTicket,
    'faq-page': page(
      () => deps.texts.faqTitle,
      (caller) => faqBody(deps, caller),
      '/konsole/faq',
    ),
    'faq-form': decideDraft,
    'sources-page': page(
      () => deps.texts.sourcesTitle,
      (caller) => sourcesBody(deps, caller),
      '/konsole/quellen',
    ),
    'sources-validity': async (_request, response, caller) => {
      const form = caller.form ?? new URLSearchParams();
      const validTo = (form.get('valid_to') ?? '').trim();
      // The page sends one `supersedes` per selected document; scripts may still send a comma-separated list.
      const supersedes = [
        ...new Set(
          form
            .getAll('supersedes')
            .flatMap((value) => value.split(','))
            .map((entry) => entry.trim())
            .filter(Boolean),
        ),
      ];
      const foreignSupersedes = supersedes.filter((id) => deps.document(id) && !ownsDocument(deps, caller, id));
      const t = deps.texts;
      if (validTo && (!/^\d{4}-\d{2}-\d{2}$/.test(validTo) || Number.isNaN(Date.parse(validTo))))
        return refused(response, caller, 400, t.sourcesTitle, t.validityDateInvalid);
      if (!deps.document(form.get('document') ?? '')) return refused(response, caller, 404, t.notFoundTitle, t.validityUnknownDocument);
      if (!ownsDocument(deps, caller, form.get('document') ?? ''))
        return refused(response, caller, 403, t.forbiddenTitle, t.validityNotOwner);
      // Issue #18, item 10: "ersetzt" only for documents the caller owns too.
      if (foreignSupersedes.length)
        return refused(response, caller, 403, t.forbiddenTitle, fillText(t.supersedesForeign, { documents: foreignSupersedes.join(', ') }));
      const outcome = await deps.setValidity(form.get('document') ?? '', { ...(validTo ? { validTo } : {}), supersedes });
      if (outcome.kind === 'rejected') return refused(response, caller, outcome.status, t.sourcesTitle, outcome.message);
      await deps.auditAdmin?.('validity_change', actorOf(caller));
      seeOther(response, '/konsole/quellen');
    },
    'sources-reindex': async (_request, response, caller) => {
      await deps.reindex();
      await deps.auditAdmin?.('reindex', actorOf(caller));
      seeOther(response, '/konsole/quellen');
    },
    'feedback-page': page(
      () => deps.texts.feedbackTitle,
      (caller) => feedbackBody(deps, caller),
      '/konsole/rueckmeldungen',
    ),
    'feedback-state': feedbackStateHandler(deps, actorOf),
    'reports-page': page(
      () => deps.texts.reportsTitle,
      () => reportsBody(deps),
      '/konsole/berichte',
    ),
    'api-tickets': async (_request, response, caller) => {
      response.setHeader('Cache-Control', 'no-store');
      response.send(200, {
        tickets: (await queueOf(deps, caller)).map((ticket) => ({
          id: ticket.id,
          number: ticket.number,
          state: ticket.state,
          question: ticket.question,
          reason: ticket.reason,
          tried: ticket.tried,
          createdAt: ticket.createdAt,
          ...(ticket.returned ? { returned: ticket.returned } : {}),
        })),
      });
    },
    'api-ticket-work': actOnTicket,
    'api-ticket-asker': actOnTicket,
    'api-faq-decision': decideDraft,
    'api-source-upload': async (request, response, caller) => {
      const upload = await readUpload(request, deps.texts);
      if (upload.kind === 'rejected') return sendError(response, upload.status, 'upload_rejected', upload.message);
      const foreign = await uploadOwnershipProblem(upload.name, upload.bytes, uploaderOf(deps, caller), deps.texts);
      if (foreign) return sendError(response, 403, 'not_owner', foreign);
      const uploader = caller.principal?.personId ? deps.directory.person(caller.principal.personId) : undefined;
      const ownUnit = uploader && !caller.principal?.roles.includes('admin') ? deps.directory.unit(uploader.unit)?.name : undefined;
      const outcome = await deps.upload(upload.name, upload.bytes, ownUnit);
      if (outcome.kind === 'rejected') return sendError(response, outcome.status, 'upload_rejected', outcome.message);
      await deps.auditAdmin?.('upload', actorOf(caller));
      response.send(201, { message: outcome.message, skipped: outcome.report.skipped });
    },
    'api-report': async (_request, response) => {
      response.setHeader('Cache-Control', 'no-store');
      response.send(200, { weeks: await deps.weeklyReport(), adminActions: (await deps.adminReport?.()) ?? [] });
    },
  };
}

async function jsonBody(
  request: Request,
  response: Response,
  invalid: string,
): Promise<{ text: string; note?: string | undefined } | undefined> {
  if (!request.headers['content-type']) return { text: '' };
  const body = await readJsonBody(request, 64 * 1024);
  if (!body.ok) return void sendError(response, body.problem.status, body.problem.code, body.problem.message);
  const parsed = answerSchema.safeParse(body.value);
  if (!parsed.success) return void sendError(response, 400, 'invalid_request', invalid);
  return parsed.data;
}

/** The caller as an uploader (admins unrestricted; owners bound to their units and tenant). */
function uploaderOf(deps: ConsoleDeps, caller: Caller): Uploader {
  const person = caller.principal?.personId ? deps.directory.person(caller.principal.personId) : undefined;
  return {
    admin: caller.principal?.roles.includes('admin') ?? false,
    unitNames: callerUnitNames(deps, caller),
    ...(person?.tenant ? { tenant: person.tenant } : {}),
    owns: (documentId) => ownsDocument(deps, caller, documentId),
    exists: (documentId) => deps.document(documentId) !== undefined,
  };
}

const isPage = (path: string): boolean => path === '/konsole' || path.startsWith('/konsole/');

/** Console pages answer a missing role with the German 403 page (issue #19, item 8); the API keeps its JSON answer. */
function guarded(
  deps: ConsoleDeps,
  route: ConsoleRoute,
  handler: ProtectedHandler,
): (request: Request, response: Response) => Promise<void> {
  const access = route.access;
  if (route.method !== 'GET' || !isPage(route.path) || !Array.isArray(access)) return deps.protect(access, handler);
  return deps.protect('authenticated', async (request, response, caller) => {
    if (!access.some((role) => caller.principal?.roles.includes(role))) return sendHtml(response, 403, forbiddenPage(deps, caller));
    return handler(request, response, caller);
  });
}

/** Registers the console and its API on `server`, and the German 404 page for unknown console addresses. */
export function registerConsole(server: Server, deps: ConsoleDeps): void {
  const t = deps.texts;
  const notFound = (response: Response, caller: Caller, message = t.notFoundText): void =>
    sendHtml(response, 404, errorPage(deps, caller, { title: t.notFoundTitle, message }));
  const notAvailable: ProtectedHandler = async (request, response, caller) =>
    isPage(request.url ?? '') ? notFound(response, caller, t.notAvailableText) : sendError(response, 404, 'not_found', t.notAvailableText);
  const hrHandlers = deps.hr ? hrConsoleHandlers(deps, deps.hr) : undefined;
  const byId: Record<string, ProtectedHandler> = {
    ...handlers(deps),
    ...(deps.reidentification ? reidentificationHandlers(deps, deps.reidentification) : {}),
    ...(deps.lotseTools ? lotseDsbHandlers(deps, deps.lotseTools) : {}),
    ...Object.fromEntries(
      consoleRoutes
        .filter((route) => route.id.startsWith('hr-'))
        .map((route) => [route.id, hrHandlers?.[route.id as keyof typeof hrHandlers] ?? notAvailable]),
    ),
  };
  const groups = new Map<string, ConsoleRoute[]>();
  for (const route of consoleRoutes as readonly ConsoleRoute[])
    groups.set(`${route.method} ${route.path}`, [...(groups.get(`${route.method} ${route.path}`) ?? []), route]);
  for (const routes of groups.values()) {
    const protectedRoutes = routes.map((route) => ({ route, run: guarded(deps, route, byId[route.id] ?? notAvailable) }));
    const handler = async (request: Request, response: Response): Promise<void> => {
      const page = isPage(request.url ?? '');
      try {
        const action = String(request.params?.action ?? '');
        const match = protectedRoutes.find(({ route }) => !route.actions || route.actions.includes(action));
        if (!match) return page ? notFound(response, { userId: '' }) : sendError(response, 404, 'not_found', t.actionUnknown);
        await match.run(request, response);
      } catch (error) {
        deps.logger.error('console-route-failed', { error: describeError(error) });
        if (response.headersSent) return;
        if (page) return sendHtml(response, 500, errorPage(deps, { userId: '' }, { title: t.errorTitle, message: t.errorText }));
        sendError(response, 500, 'internal_error', t.errorText);
      }
    };
    const { method, path } = routes[0]!;
    if (method === 'GET') server.get(path, handler);
    else server.post(path, handler);
  }
  server.get(
    '/konsole/*',
    deps.protect('authenticated', async (_request, response, caller) => notFound(response, caller)),
  );
}
