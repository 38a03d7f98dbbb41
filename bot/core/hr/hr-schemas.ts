/**
 * zod schemas of what HR submits (broadcast drafts, survey definitions) and of answers. Used by the
 * HTTP routes and the CLI, so that every boundary validates the same way.
 */
import { z } from 'zod';
import { roles } from '../../ports/directory.ts';

/** An audience: all, units (with or without sub-units), roles, or topic subscribers. */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z
    .object({ kind: z.literal('units'), units: z.array(z.string().min(1)).min(1).max(100), includeSubunits: z.boolean().default(true) })
    .strict(),
  z.object({ kind: z.literal('roles'), roles: z.array(z.enum(roles)).min(1) }).strict(),
  z.object({ kind: z.literal('topic'), topic: z.string().min(1).max(60) }).strict(),
]);

const isoTime = z.iso.datetime({ offset: true });

/** A broadcast as HR composes it. */
export const broadcastDraftSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    text: z.string().trim().min(1).max(4000),
    link: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    image: z
      .string()
      .regex(/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/, 'Bild als data:image/…;base64 erwartet')
      .optional(),
    acknowledge: z.boolean().default(false),
    audience: audienceSchema,
    sendAt: isoTime.optional(),
  })
  .strict();

/** Validated broadcast draft. */
export type BroadcastDraft = z.infer<typeof broadcastDraftSchema>;

const questionId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'nur a-z, 0-9 und -');
const choices = z.array(z.string().trim().min(1).max(200)).min(2).max(10);

/** One survey question. */
export const questionSchema = z.discriminatedUnion('type', [
  z
    .object({ id: questionId, type: z.literal('scale'), text: z.string().trim().min(3).max(500), optional: z.boolean().default(false) })
    .strict(),
  z
    .object({
      id: questionId,
      type: z.literal('single'),
      text: z.string().trim().min(3).max(500),
      options: choices,
      optional: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      id: questionId,
      type: z.literal('multiple'),
      text: z.string().trim().min(3).max(500),
      options: choices,
      optional: z.boolean().default(false),
    })
    .strict(),
  z
    .object({ id: questionId, type: z.literal('text'), text: z.string().trim().min(3).max(500), optional: z.literal(true).default(true) })
    .strict(),
]);

/** A survey definition as HR writes it. */
export const surveyDraftSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    intro: z.string().trim().max(1000).optional(),
    questions: z.array(questionSchema).min(1).max(20),
    audience: audienceSchema,
    opensAt: isoTime,
    closesAt: isoTime,
  })
  .strict()
  .refine((survey) => Date.parse(survey.closesAt) > Date.parse(survey.opensAt), {
    message: 'closesAt muss nach opensAt liegen',
    path: ['closesAt'],
  })
  .refine((survey) => new Set(survey.questions.map((question) => question.id)).size === survey.questions.length, {
    message: 'Fragen-IDs müssen eindeutig sein',
    path: ['questions'],
  });

/** Validated survey draft. */
export type SurveyDraft = z.infer<typeof surveyDraftSchema>;

/** A full response from the web form: question id → value. */
export const responseSchema = z.record(z.string(), z.union([z.number().int(), z.array(z.number().int()).max(10), z.string().max(2000)]));

/** Turns zod issues into one line naming each field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(Eingabe)'}: ${issue.message}`).join('; ');
}
