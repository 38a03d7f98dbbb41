/**
 * The Digitallotse hand-over from the web chat: `POST /api/tickets` turns the question of one answer
 * (`messageId`) of the asker's conversation into a routed ticket; `GET /api/conversations/:id/messages` returns the conversation, so that a Lotse's
 * answer shows up when the asker returns.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { EscalationService } from '../core/escalation/escalation-service.ts';
import type { StoredMessage } from '../ports/conversation-store.ts';
import { describeError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { readJsonBody } from '../adapters/http-kit/json-body.ts';
import { sendError } from '../adapters/http-kit/send-error.ts';
import type { Protect } from './auth/access.ts';

/** What the ticket routes need. */
export interface TicketRouteDeps {
  readonly escalation: EscalationService;
  /** The messages of a conversation owned by `userId` (empty when it is not theirs). */
  readonly messagesOf: (userId: string, conversationId: string) => Promise<readonly StoredMessage[]>;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  readonly protect: Protect;
}

/** `messageId`: the answer whose "Digitallotse fragen" was chosen (issue #19); without it the latest answered question. */
const ticketBodySchema = z.object({
  conversationId: z.string().min(1).max(100),
  messageId: z.string().min(1).max(100).optional(),
  reason: z.enum(['no_answer', 'user_request', 'unhelpful_answer']).default('user_request'),
});

async function createTicket(deps: TicketRouteDeps, request: Request, response: Response, userId: string): Promise<void> {
  const body = await readJsonBody(request, deps.maxBodyBytes);
  if (!body.ok) return sendError(response, body.problem.status, body.problem.code, body.problem.message);
  const parsed = ticketBodySchema.safeParse(body.value);
  if (!parsed.success)
    return sendError(response, 400, 'invalid_request', 'Bitte geben Sie das Gespräch an, das weitergegeben werden soll.');
  const { conversationId, messageId, reason } = parsed.data;
  const result = await deps.escalation.escalate({ userId, conversationId, channel: 'web', reason, ...(messageId ? { messageId } : {}) });
  if (result.kind === 'no_question') return sendError(response, 404, 'no_question', result.message);
  if (result.kind === 'referred') return void response.send(200, { kind: 'referred', message: result.message });
  response.send(201, {
    kind: 'created',
    message: result.message,
    ticket: { id: result.ticket.id, number: result.ticket.number, state: result.ticket.state },
  });
}

/** Registers the ticket routes; handlers never throw. */
export function registerTicketRoutes(server: Server, deps: TicketRouteDeps): void {
  server.post(
    '/api/tickets',
    deps.protect('chat', async (request, response, caller) => {
      try {
        await createTicket(deps, request, response, caller.userId);
      } catch (error) {
        deps.logger.error('http-handler-failed', { route: 'tickets', error: describeError(error) });
        if (!response.headersSent)
          sendError(response, 500, 'internal_error', 'Die Anfrage konnte nicht weitergegeben werden. Bitte versuchen Sie es noch einmal.');
      }
    }),
  );
  server.get(
    '/api/conversations/:id/messages',
    deps.protect('chat', async (request, response, caller) => {
      const messages = await deps.messagesOf(caller.userId, String(request.params.id ?? ''));
      response.setHeader('Cache-Control', 'no-store');
      response.send(200, {
        messages: messages.map((message) => ({
          id: message.id,
          role: message.role,
          text: message.text,
          createdAt: message.createdAt,
          kind: kindOf(message),
          ...ticketOf(message),
        })),
      });
    }),
  );
}

function kindOf(message: StoredMessage): string {
  if (!message.payload) return message.role;
  const parsed: unknown = JSON.parse(message.payload);
  return typeof parsed === 'object' && parsed !== null && 'kind' in parsed && typeof parsed.kind === 'string' ? parsed.kind : message.role;
}

function ticketOf(message: StoredMessage): { ticketId?: string } {
  if (!message.payload) return {};
  const parsed: unknown = JSON.parse(message.payload);
  const ticketId = typeof parsed === 'object' && parsed !== null && 'ticketId' in parsed ? parsed.ticketId : undefined;
  return typeof ticketId === 'string' ? { ticketId } : {};
}
