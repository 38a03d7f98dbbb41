/**
 * Loads the German HR texts (`prompts/hr/hr.de.yaml`), validated with zod: a missing or empty key stops
 * start-up with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { hrMessageKeys, type HrMessages } from '../bot/core/hr/hr-messages.ts';

const schema = z.object({
  id: z.string().min(1),
  version: z.union([z.string(), z.number()]),
  messages: z.object(Object.fromEntries(hrMessageKeys.map((key) => [key, z.string().min(1)]))).strict(),
});

/** Reads and validates `<dir>/hr.de.yaml`; throws an Error naming the file and the failing keys. */
export function loadHrMessages(dir: string = join(import.meta.dirname, 'hr')): HrMessages {
  const file = join(dir, 'hr.de.yaml');
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid message catalogue ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data.messages as HrMessages;
}
