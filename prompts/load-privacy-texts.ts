/**
 * Loads the German texts of data-subject requests (`prompts/messages/privacy.de.yaml`), validated with zod;
 * a missing key stops the command with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PrivacyTexts } from '../bot/core/privacy/data-subject-requests.ts';

const text = z.string().min(1);
const schema = z
  .object({
    id: text,
    version: z.union([z.string(), z.number()]),
    messages: z
      .object({ notDsb: text, auditKept: text, surveyAnswers: text, openSurveysKept: text, erased: text, lotseAnswersKept: text })
      .strict(),
  })
  .strict();

/** Reads and validates the file; throws an Error naming the file and the failing keys. */
export function loadPrivacyTexts(dir = join(import.meta.dirname, 'messages')): PrivacyTexts {
  const file = join(dir, 'privacy.de.yaml');
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid message catalogue ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data.messages;
}
