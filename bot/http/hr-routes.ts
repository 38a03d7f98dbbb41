/**
 * HR routes for staff in the web chat (issue #10): open surveys as a form, answers, "zur Kenntnis
 * genommen", topic subscriptions, and the chat dialog. The actor comes from `resolveActor` (the identity
 * issue wires it to the session); without an actor every route answers 401.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Hr } from './hr-deps.ts';
import { responseSchema } from '../core/hr/hr-schemas.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { readJsonBody } from '../adapters/http-kit/json-body.ts';
import { sendError } from '../adapters/http-kit/send-error.ts';
import type { Protect } from './auth/access.ts';

/** Resolves the authenticated directory person of a request, or `undefined`. */
export type ResolveActor = (request: Request) => string | undefined | Promise<string | undefined>;

/** What the HR routes need. */
export interface HrRouteDeps {
  readonly hr: Hr;
  readonly resolveActor: ResolveActor;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  /** The console's access guard (Origin/Sec-Fetch-Site and CSRF token on state-changing requests); issue #18, item 5. */
  readonly protect?: Protect;
}

type Handler = (actor: string, request: Request, response: Response) => Promise<void>;

/** Wraps a handler: the access guard (when wired), actor check, no caching, and no exception ever leaves it. */
export function guarded(deps: Omit<HrRouteDeps, 'hr'>, route: string, handler: Handler) {
  const inner = async (request: Request, response: Response): Promise<void> => {
    try {
      response.setHeader('Cache-Control', 'no-store');
      const actor = await deps.resolveActor(request);
      if (!actor) return sendError(response, 401, 'unauthenticated', 'Bitte melden Sie sich an.');
      await handler(actor, request, response);
    } catch (error) {
      deps.logger.error('http-handler-failed', { route, error: describeError(error) });
      if (!response.headersSent) sendError(response, 500, 'internal_error', 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.');
    }
  };
  // Behind the route, after the router decoded the path: the same check as every console route.
  return deps.protect ? deps.protect('authenticated', (request, response) => inner(request, response)) : inner;
}

/** Reads and validates a JSON body; sends the error and returns `undefined` when it is not valid. */
export async function readBody<T>(request: Request, response: Response, schema: z.ZodType<T>, maxBytes: number): Promise<T | undefined> {
  const body = await readJsonBody(request, maxBytes);
  if (!body.ok) return void sendError(response, body.problem.status, body.problem.code, body.problem.message);
  const parsed = schema.safeParse(body.value);
  if (!parsed.success)
    return void sendError(
      response,
      400,
      'invalid_request',
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(Eingabe)'}: ${issue.message}`).join('; '),
    );
  return parsed.data;
}

const answerBody = z.object({ answers: responseSchema }).strict();
const chatBody = z.object({ text: z.string().min(1).max(2000) }).strict();
const param = (request: Request, name: string): string => String(request.params?.[name] ?? '');

/** Registers the staff routes under `/api/hr/`. */
export function registerHrRoutes(server: Server, deps: HrRouteDeps): void {
  const { hr } = deps;
  server.get(
    '/api/hr/surveys',
    guarded(deps, 'hr-surveys', async (actor, _request, response) => {
      const surveys = (await hr.surveys.openFor(actor)).map((survey) => ({
        id: survey.id,
        title: survey.title,
        intro: survey.intro ?? null,
        closesAt: survey.closesAt,
        questions: survey.questions,
      }));
      response.send(200, { surveys, k: hr.policy.k });
    }),
  );
  server.post(
    '/api/hr/surveys/:id/answers',
    guarded(deps, 'hr-answer', async (actor, request, response) => {
      const body = await readBody(request, response, answerBody, deps.maxBodyBytes);
      if (!body) return;
      const result = await hr.surveys.submit(actor, param(request, 'id'), body.answers);
      if (result.kind === 'invalid')
        return sendError(response, 400, 'invalid_answer', `Die Antwort auf Frage „${result.questionId}“ fehlt oder ist ungültig.`);
      response.send(result.kind === 'stored' ? 201 : 200, result);
    }),
  );
  server.post(
    '/api/hr/broadcasts/:id/acknowledge',
    guarded(deps, 'hr-acknowledge', async (actor, request, response) => {
      if (!(await hr.broadcasts.acknowledge(actor, param(request, 'id'))))
        return sendError(response, 404, 'not_found', hr.messages.refusedNotFound);
      response.send(200, { kind: 'acknowledged', message: hr.messages.acknowledged });
    }),
  );
  server.get(
    '/api/hr/topics',
    guarded(deps, 'hr-topics', async (actor, _request, response) => {
      const mine = new Set(await hr.subscriptions.topicsOf(actor));
      response.send(200, { topics: hr.policy.topics.map((topic) => ({ ...topic, subscribed: mine.has(topic.id) })) });
    }),
  );
  const subscription =
    (subscribe: boolean): Handler =>
    async (actor, request, response) => {
      const topic = hr.policy.topics.find((entry) => entry.id === param(request, 'topic'));
      if (!topic)
        return sendError(response, 404, 'unknown_topic', hr.messages.refusedUnknownTopic.replace('{topic}', param(request, 'topic')));
      if (subscribe) await hr.subscriptions.subscribe(actor, topic.id);
      else await hr.subscriptions.unsubscribe(actor, topic.id);
      response.send(200, {
        topic: topic.id,
        subscribed: subscribe,
        message: (subscribe ? hr.messages.subscribed : hr.messages.unsubscribed).replace('{topic}', topic.name),
      });
    };
  server.put('/api/hr/topics/:topic', guarded(deps, 'hr-subscribe', subscription(true)));
  server.del('/api/hr/topics/:topic', guarded(deps, 'hr-unsubscribe', subscription(false)));
  server.post(
    '/api/hr/chat',
    guarded(deps, 'hr-chat', async (actor, request, response) => {
      const body = await readBody(request, response, chatBody, deps.maxBodyBytes);
      if (!body) return;
      const reply = await hr.chat.handle(actor, body.text);
      response.send(200, reply === undefined ? { handled: false } : { handled: true, reply });
    }),
  );
}
