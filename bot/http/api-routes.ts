/**
 * JSON API of the web chat: `POST /api/chat` and `POST /api/feedback`, validated with zod (German
 * messages). Handlers never throw: an unexpected failure becomes a logged 500 with a German message.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { questionTextSchema, type ChatService } from '../ports/chat-service.ts';
import { toPublicChatAnswer } from '../ports/public-answer.ts';
import type { TurnResult } from '../ports/turn.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { sendError } from '../adapters/http-kit/send-error.ts';
import { readJsonBody } from '../adapters/http-kit/json-body.ts';
import type { Caller, Protect } from './auth/access.ts';

/** What the identity adds to a chat message (county, whether generated answers are allowed). */
export type ContextOf = (caller: Caller) => { tenant?: string; generativeAllowed?: boolean };

z.config(z.locales.de());

const chatBodySchema = z.object({
  conversationId: z.string().max(100).optional(),
  text: questionTextSchema,
  /** Leichte Sprache for this answer (the web chat's toggle, issue #22). */
  plainLanguage: z.boolean().optional(),
});

const feedbackBodySchema = z.object({
  messageId: z.string().min(1).max(100),
  rating: z.enum(['up', 'down']),
  reason: z.string().max(500).optional(),
});

type Handler = (request: Request, response: Response) => Promise<void>;

function guarded(logger: Logger, route: string, handler: Handler): Handler {
  return async (request, response) => {
    try {
      await handler(request, response);
    } catch (error) {
      logger.error('http-handler-failed', { route, error: describeError(error) });
      if (!response.headersSent)
        sendError(response, 500, 'internal_error', 'Entschuldigung, da ist etwas schiefgelaufen. Bitte versuchen Sie es noch einmal.');
    }
  };
}

async function parseBody<T>(request: Request, response: Response, schema: z.ZodType<T>, maxBytes: number): Promise<T | undefined> {
  const body = await readJsonBody(request, maxBytes);
  if (!body.ok) {
    sendError(response, body.problem.status, body.problem.code, body.problem.message);
    return undefined;
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'Anfrage';
    sendError(response, 400, 'invalid_request', issue?.path[0] === 'text' ? issue.message : `${field}: ${issue?.message ?? 'ungültig'}`);
    return undefined;
  }
  return parsed.data;
}

/**
 * Server-sent events: `delta` events carry verified sentences of a generated answer as they arrive, one
 * `result` event carries the final answer with citations (it may differ from the deltas after a fallback).
 */
async function streamAnswer(response: Response, run: (onDelta: (text: string) => void) => Promise<TurnResult>): Promise<void> {
  response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  const event = (name: string, data: unknown): void => {
    response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const result = await run((text) => event('delta', { text }));
  event('result', toPublicChatAnswer(result));
  response.end();
}

/** Registers the API routes on the server. */
export function registerApiRoutes(
  server: Server,
  options: { chat: ChatService; logger: Logger; maxBodyBytes: number; protect: Protect; contextOf?: ContextOf },
): void {
  const { chat, logger, maxBodyBytes, protect } = options;
  server.post(
    '/api/chat',
    guarded(
      logger,
      'chat',
      protect('chat', async (request, response, caller) => {
        const userId = caller.userId;
        const body = await parseBody(request, response, chatBodySchema, maxBodyBytes);
        if (!body) return;
        const message = {
          channel: 'web' as const,
          userId,
          text: body.text,
          ...options.contextOf?.(caller),
          ...(body.conversationId ? { conversationId: body.conversationId } : {}),
          ...(body.plainLanguage !== undefined ? { plainLanguage: body.plainLanguage } : {}),
        };
        if (/text\/event-stream/.test(request.headers.accept ?? '')) {
          await streamAnswer(response, (onDelta) => chat.handleTurn({ ...message, canStream: true }, { onDelta }));
          return;
        }
        const result = await chat.handleTurn(message);
        response.setHeader('Cache-Control', 'no-store');
        response.send(200, toPublicChatAnswer(result));
      }),
    ),
  );
  server.post(
    '/api/feedback',
    guarded(
      logger,
      'feedback',
      protect('chat', async (request, response, caller) => {
        const userId = caller.userId;
        const body = await parseBody(request, response, feedbackBodySchema, maxBodyBytes);
        if (!body) return;
        const outcome = await chat.recordFeedback({
          userId,
          messageId: body.messageId,
          rating: body.rating,
          ...(body.reason ? { reason: body.reason } : {}),
        });
        if (outcome.kind === 'not_found') sendError(response, 404, 'not_found', 'Diese Antwort gibt es nicht (mehr).');
        else response.send(204, '');
      }),
    ),
  );
}
