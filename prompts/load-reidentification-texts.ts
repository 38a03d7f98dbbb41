/**
 * Loads the German texts of the console's re-identification page (`prompts/ui/reidentification.de.yaml`),
 * validated with zod: a missing key stops start-up with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const text = z.string().min(1);
const reasons = ['not_found', 'expired', 'already_revealed', 'reason_missing', 'own_request', 'same_person', 'not_permitted'] as const;
const keys = [
  'title',
  'intro',
  'requestHeading',
  'pseudonymLabel',
  'reasonLabel',
  'requestButton',
  'openCaption',
  'columns',
  'none',
  'approveAs',
  'approvedBy',
  'requested',
  'approved',
  'revealed',
  'revealedNobody',
  'refused',
] as const;
const schema = z.object({
  id: text,
  version: text,
  messages: z
    .object({
      ...(Object.fromEntries(keys.map((key) => [key, text])) as Record<(typeof keys)[number], typeof text>),
      reasons: z
        .object(Object.fromEntries(reasons.map((reason) => [reason, text])) as Record<(typeof reasons)[number], typeof text>)
        .strict(),
    })
    .strict(),
});

/** The texts of the re-identification page. */
export type ReidentificationTexts = z.infer<typeof schema>['messages'];

/** Reads and validates the texts; throws naming the file and the failing keys. */
export function loadReidentificationTexts(file = join(import.meta.dirname, 'ui/reidentification.de.yaml')): ReidentificationTexts {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid re-identification texts ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data.messages;
}
