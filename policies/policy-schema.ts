/**
 * zod schemas of the policy files (`guardrails.yaml`, `pii.yaml`, `retention.yaml`).
 */
import { z } from 'zod';

const isoDate = z.union([z.string(), z.date()]).transform((value, context) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    context.addIssue({ code: 'custom', message: `expected a date YYYY-MM-DD, got "${text}"` });
    return z.NEVER;
  }
  return text;
});

const regex = z
  .string()
  .min(1)
  .refine((pattern) => {
    try {
      // `{first_names}` placeholders of pii.yaml are expanded by the loader.
      new RegExp(pattern.replace(/\{first_names(?:_lower)?\}/g, '(?:x)'), 'iu');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

/** A feature of the scored detection: word classes of `lexicon.yaml` that must co-occur. */
const featureSchema = z
  .object({
    all: z.array(z.string().min(1)).min(1),
    weight: z.number().refine((value) => value !== 0, 'a feature needs a non-zero weight'),
    window: z.number().int().positive().optional(),
    ordered: z.boolean().optional(),
    unless: z.array(z.string().min(1)).optional(),
    negatable: z.boolean().optional(),
    opening: z.boolean().optional(),
  })
  .strict();

/** Scored detection of a rule version: it fires when the weights of the fired features reach `threshold`. */
export const detectSchema = z.object({ threshold: z.number().positive(), features: z.array(featureSchema).min(1) }).strict();

/** One dated version of a rule. */
export const ruleVersionSchema = z
  .object({ valid_from: isoDate, patterns: z.array(regex).default([]), detect: detectSchema.optional(), reply: z.string().min(1) })
  .strict();

/** The guardrail rules file. */
export const guardrailsFileSchema = z
  .object({
    version: z.string().min(1),
    clauses: z.array(z.object({ id: z.string().min(1), title: z.string().min(1) }).strict()).min(1),
    rules: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          clause: z.string().min(1),
          action: z.enum(['allow', 'redact', 'refuse', 'refer', 'escalate']),
          versions: z.array(ruleVersionSchema).min(1),
        })
        .strict(),
    ),
    overrides: z
      .array(
        z
          .object({
            tenant: z.string().min(1),
            rule: z.string().min(1),
            action: z.enum(['allow', 'redact', 'refuse', 'refer', 'escalate']),
            valid_from: isoDate,
            reason: z.string().min(10, 'an override needs a documented reason'),
            valid_to: isoDate.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** The personal-data file. */
export const piiFileSchema = z
  .object({
    version: z.string().min(1),
    clause: z.string().min(1),
    entities: z
      .array(
        z
          .object({
            id: z.string().regex(/^pii-[a-z-]+$/),
            placeholder: z.string().regex(/^\[[A-ZÄÖÜ-]+\]$/),
            pattern: regex,
            validator: z.enum(['iban', 'tax-id', 'context']).optional(),
            /** Context words shortly before a match: with them, a value is masked even when its check digit fails. */
            context: regex.optional(),
            output: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1),
    /** File of common first names (one a line); `{first_names}` in a pattern stands for them. */
    first_names_file: z
      .string()
      .regex(/^[\w.-]+$/)
      .optional(),
    /** Surnames that are also ordinary words: a staff member's bare surname among them needs a title or unit beside it. */
    surnames_need_context: z.array(z.string().min(2)).default([]),
  })
  .strict();

/** The retention file (days per audit record type; days per stored record kind, issue #18 item 4). */
export const retentionFileSchema = z
  .object({
    version: z.string().min(1),
    audit: z
      .object({
        answer: z.number().int().positive(),
        refusal: z.number().int().positive(),
        security: z.number().int().positive(),
        reidentification: z.number().int().positive(),
      })
      .strict(),
    records: z
      .object({
        /** Days after the last message of a conversation until it is deleted with its messages and feedback. */
        conversations: z.number().int().min(1).max(3650),
        /** Days after the last event of a ticket until it is deleted with its history. */
        tickets: z.number().int().min(1).max(3650).optional(),
        /** Days a feedback (rating and reason) is kept, also while its conversation is in use. */
        feedback: z.number().int().min(1).max(3650).optional(),
        /** Days an inbox entry is kept, read or not. */
        inbox: z.number().int().min(1).max(3650).optional(),
        /** Days HR delivery rows (with acknowledgements) and Jabber outbox rows are kept. */
        outboxes: z.number().int().min(1).max(3650).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The word classes used by the scored detection (`lexicon.yaml`). */
export const lexiconFileSchema = z
  .object({
    version: z.string().min(1),
    classes: z.record(z.string().regex(/^[a-z-]+$/, 'class names are lower-case words with hyphens'), z.array(z.string().min(1)).min(1)),
  })
  .strict();

const handlingSchema = { handover: z.boolean(), store: z.enum(['masked', 'withheld']) };

/** `decision-table.yaml`: intent of the trained check (+ personal data found) → action (issue #17). */
export const decisionTableFileSchema = z
  .object({
    version: z.string().min(1),
    valid_from: isoDate,
    withhold_with_personal_data: z.boolean(),
    /** Kinds of personal data (pii.yaml ids) that are no evidence by themselves (rows with `evidence.beside_name`). */
    name_only: z.array(z.string().min(1)).default([]),
    withheld_text: z.string().min(1),
    intents: z.record(
      z.enum(['decision', 'case-data', 'personal-hr', 'monitoring', 'injection', 'harmful']),
      z
        .object({
          action: z.enum(['refuse', 'refer']),
          clause: z.string().min(1),
          threshold: z.number().gt(0).lte(1),
          with_personal_data: z.number().gt(0).lte(1),
          /**
           * Evidence the intent needs before `threshold` applies (issue #17): word classes of `lexicon.yaml` scored like a
           * rule's `detect` (a target person or group for monitoring, an instruction cue for injection). Personal data
           * found in the question counts as evidence. Without evidence the intent needs `without`.
           */
          evidence: z
            .object({
              without: z.number().gt(0).lte(1),
              detect: detectSchema,
              /**
               * When the only personal data is a name (`name_only`): the evidence besides the name that lets
               * `with_personal_data` apply; without it the plain `threshold` does.
               */
              beside_name: detectSchema.optional(),
            })
            .strict()
            .optional(),
          ...handlingSchema,
          reply: z.string().min(1),
        })
        .strict(),
    ),
    rules: z.record(z.string(), z.object(handlingSchema).strict()),
    benign_override: z
      .object({
        probability: z.number().gt(0.5).lte(1),
        name_only_probability: z.number().gt(0.5).lte(1).optional(),
        rules: z.array(z.string()),
      })
      .strict(),
    intent_over_rule: z.number().gt(0.5).lte(1).optional(),
  })
  .strict();
