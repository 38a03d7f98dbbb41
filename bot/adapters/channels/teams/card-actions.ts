/**
 * The data our Adaptive Card buttons carry, validated with zod when Teams sends them back (as an
 * `adaptiveCard/action` invoke or as the `value` of a message from `Action.Submit`). Input fields are merged
 * into the data by Teams.
 */
import { z } from 'zod';

const id = z.string().min(1).max(200);
const optionalText = z.string().max(4000).optional();

/** Every action our cards offer. */
export const cardActionSchema = z.discriminatedUnion('lotse', [
  z.object({ lotse: z.literal('feedback'), messageId: id, rating: z.enum(['up', 'down']), reason: z.string().max(500).optional() }),
  z.object({
    lotse: z.literal('escalate'),
    conversationId: id,
    messageId: id,
    reason: z.enum(['no_answer', 'user_request', 'unhelpful_answer']),
  }),
  z.object({
    lotse: z.literal('ticket'),
    op: z.enum(['claim', 'answer', 'reroute']),
    ticketId: id,
    version: z.coerce.number().int().min(1),
    answerText: optionalText,
  }),
  z.object({
    lotse: z.literal('asker'),
    op: z.enum(['close', 'return']),
    ticketId: id,
    version: z.coerce.number().int().min(1),
    note: optionalText,
  }),
]);

/** A validated card action. */
export type CardAction = z.infer<typeof cardActionSchema>;

const invokeValueSchema = z.object({ action: z.object({ type: z.string().optional(), verb: z.string().optional(), data: z.unknown() }) });

/** Reads the action from an invoke value (`{action:{data}}`) or a submit value (the data itself). */
export function parseCardAction(value: unknown, fromInvoke: boolean): CardAction | undefined {
  let data: unknown = value;
  if (fromInvoke) {
    const invoke = invokeValueSchema.safeParse(value);
    if (!invoke.success) return undefined;
    data = invoke.data.action.data;
  }
  const parsed = cardActionSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
