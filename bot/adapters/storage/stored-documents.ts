/**
 * The zod schemas and codecs (`stored-json.ts`) of the JSON documents the SQL stores keep in text columns: ticket
 * bodies, surveys and their reporting units, survey answer values, broadcasts, HR outbox messages,
 * re-identification approvals and audit entries. Each schema is checked against its port type at compile time
 * (`z.ZodType<T>`). Objects are loose (fields a newer lotse added pass through), enumerations strict; channel names
 * are not checked against the channel list (a channel may be added by a newer replica or a plugin).
 */
import { z } from 'zod';
import { adminActions, type AuditEntry } from '../../ports/audit-log.ts';
import type { OutboundMessage } from '../../ports/channel-sender.ts';
import { roles } from '../../ports/directory.ts';
import type { AnswerValue, Audience, Broadcast, Survey } from '../../ports/hr-types.ts';
import type { ApprovalRole } from '../../ports/reidentification.ts';
import { ticketStates, type Ticket } from '../../ports/tickets.ts';
import { storedJson } from '../sql/stored-json.ts';

const text = z.string();
const optionalText = z.string().optional();

const ticketSchema: z.ZodType<Ticket> = z.looseObject({
  id: text,
  number: z.number().int(),
  state: z.enum(ticketStates),
  question: text,
  excerpt: z.array(z.looseObject({ role: z.enum(['user', 'bot']), text })),
  tried: z.array(z.looseObject({ document: text, title: text, section: text })),
  reason: z.enum(['no_answer', 'user_request', 'unhelpful_answer']),
  topic: optionalText,
  askerId: text,
  askerUnit: optionalText,
  replyTo: z.looseObject({ channel: text, conversationId: text, reference: optionalText }),
  pool: z.discriminatedUnion('kind', [
    z.looseObject({ kind: z.literal('unit'), unit: text }),
    z.looseObject({ kind: z.literal('central') }),
    z.looseObject({ kind: z.literal('it-servicedesk') }),
    z.looseObject({ kind: z.literal('dsb') }),
  ]),
  candidates: z.array(text),
  assignee: optionalText,
  answer: z.looseObject({ text, by: text, at: text }).optional(),
  sourceMessageId: optionalText,
  returned: z.looseObject({ at: text, note: optionalText }).optional(),
  createdAt: text,
  updatedAt: text,
  version: z.number().int(),
});

/** Ticket bodies (`tickets.body`). */
export const storedTicket = storedJson(ticketSchema, 1);

const audienceSchema: z.ZodType<Audience> = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('all') }),
  z.looseObject({ kind: z.literal('units'), units: z.array(text), includeSubunits: z.boolean() }),
  z.looseObject({ kind: z.literal('roles'), roles: z.array(z.enum(roles)) }),
  z.looseObject({ kind: z.literal('topic'), topic: text }),
]);

const surveySchema: z.ZodType<Survey> = z.looseObject({
  id: text,
  version: z.number().int(),
  state: z.enum(['draft', 'approved', 'open', 'closed']),
  title: text,
  intro: optionalText,
  questions: z.array(
    z.looseObject({
      id: text,
      type: z.enum(['scale', 'single', 'multiple', 'text']),
      text,
      options: z.array(text).optional(),
      optional: z.boolean().optional(),
    }),
  ),
  audience: audienceSchema,
  opensAt: text,
  closesAt: text,
  author: text,
  createdAt: text,
  approvedBy: optionalText,
  approvedAt: optionalText,
  supersedes: optionalText,
});

/** Surveys (`hr_surveys.data`). */
export const storedSurvey = storedJson(surveySchema, 1);

/** Unit → reporting unit of a survey (`hr_surveys.reporting_units`). */
export const storedReportingUnits = storedJson<Readonly<Record<string, string>>>(z.record(z.string(), text), 1);

/**
 * One answer value (`hr_survey_answers.value`): scale 1–5, option index(es) or text. Not an object: written bare at
 * version 1 (the column keeps its format), in a versioned envelope from version 2.
 */
export const storedAnswerValue = storedJson<AnswerValue>(z.union([z.number(), z.array(z.number()), text]), 1, { wrapped: true });

const broadcastSchema: z.ZodType<Broadcast> = z.looseObject({
  id: text,
  state: z.enum(['draft', 'released', 'sending', 'sent', 'cancelled']),
  author: text,
  content: z.looseObject({ title: text, text, link: optionalText, image: optionalText, acknowledge: z.boolean() }),
  audience: audienceSchema,
  sendAt: text,
  createdAt: text,
  releasedBy: optionalText,
  releasedAt: optionalText,
});

/** Broadcasts (`hr_broadcasts.data`). */
export const storedBroadcast = storedJson(broadcastSchema, 1);

const outboundMessageSchema: z.ZodType<OutboundMessage> = z.looseObject({
  kind: z.enum([
    'ticket-created',
    'ticket-answered',
    'ticket-reminder',
    'ticket-returned',
    'ticket-update',
    'notice',
    'broadcast',
    'survey-invite',
    'survey-reminder',
  ]),
  text,
  ticketId: optionalText,
  from: optionalText,
  title: optionalText,
  link: optionalText,
  image: optionalText,
  acknowledgeJob: optionalText,
  surveyId: optionalText,
  deliveryId: optionalText,
});

/** The message of an HR outbox job (`hr_jobs.message`). */
export const storedOutboundMessage = storedJson(outboundMessageSchema, 1);

/** Approvals of a re-identification request, role → approver (`reidentification_requests.approvals`). */
export const storedApprovals = storedJson<Partial<Record<ApprovalRole, string>>>(
  z.looseObject({ personalrat: optionalText, dsb: optionalText }),
  1,
);

const auditEntrySchema: z.ZodType<AuditEntry> = z.looseObject({
  type: z.enum(['answer', 'refusal', 'security', 'reidentification', 'admin']),
  at: text,
  pseudonym: text,
  channel: text,
  outcome: z.enum(['answered', 'no_answer', 'refused', 'escalated']),
  rules: z.array(z.looseObject({ id: text, clause: text, action: z.enum(['allow', 'redact', 'refuse', 'refer', 'escalate']) })),
  policyVersion: text,
  indexVersion: text,
  model: optionalText,
  promptId: optionalText,
  promptVersion: optionalText,
  documents: z.array(text),
  question: optionalText,
  adminAction: z.enum(adminActions).optional(),
});

/**
 * Audit entries (`audit_records.body`), read only: the body is hashed into the chain as canonical JSON and is
 * written unchanged, without a version field (`sql-audit-log.ts`), so every record reads as version 1.
 */
export const storedAuditEntry = storedJson(auditEntrySchema, 1);
