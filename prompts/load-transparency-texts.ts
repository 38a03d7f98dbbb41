/**
 * Loads the German texts of the training-gate note and the transparency page additions
 * (`prompts/messages/transparency.de.yaml`), validated with zod; a missing key stops start-up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { TrainingGateTexts } from '../bot/core/conversation/training-gate-note.ts';

const text = z.string().min(1);
const schema = z
  .object({
    id: text,
    version: z.union([z.string(), z.number()]),
    training_gate: z.object({ course_title: text, withheld: text, withheld_no_date: text }).strict(),
    usage_page: z
      .object({ index_version: text, agreement_link: text, agreement_missing: text, agreement_original: text, agreement_stand: text })
      .strict(),
  })
  .strict();

/** Texts added to `/nutzungshinweise` and the page with the Dienstvereinbarung KI. */
export interface UsagePageTexts {
  readonly indexVersion: string;
  readonly agreementLink: string;
  readonly agreementMissing: string;
  readonly agreementOriginal: string;
  readonly agreementStand: string;
}

/** Reads and validates the file; throws an Error naming the file and the failing keys. */
export function loadTransparencyTexts(dir = join(import.meta.dirname, 'messages')): {
  trainingGate: TrainingGateTexts;
  usagePage: UsagePageTexts;
} {
  const file = join(dir, 'transparency.de.yaml');
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid message catalogue ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const { training_gate: gate, usage_page: page } = parsed.data;
  return {
    trainingGate: { courseTitle: gate.course_title, withheld: gate.withheld, withheldNoDate: gate.withheld_no_date },
    usagePage: {
      indexVersion: page.index_version,
      agreementLink: page.agreement_link,
      agreementMissing: page.agreement_missing,
      agreementOriginal: page.agreement_original,
      agreementStand: page.agreement_stand,
    },
  };
}
