/**
 * Loads the German texts about a Lotse's absence (`prompts/messages/availability.de.yaml`), validated with zod:
 * a missing or empty key stops start-up with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { availabilityMessageKeys, type AvailabilityMessages } from '../bot/core/escalation/availability-messages.ts';

const schema = z.object({
  id: z.string().min(1),
  version: z.union([z.string(), z.number()]),
  messages: z.object(Object.fromEntries(availabilityMessageKeys.map((key) => [key, z.string().min(1)]))).strict(),
});

/** Reads and validates the catalogue; throws an Error naming the file and the failing keys. */
export function loadAvailabilityMessages(dir = join(import.meta.dirname, 'messages')): AvailabilityMessages {
  const file = join(dir, 'availability.de.yaml');
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid message catalogue ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data.messages as AvailabilityMessages;
}
