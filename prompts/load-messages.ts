/**
 * Loads the German message catalogue of the core (`prompts/messages/de.yaml`), validated with zod:
 * a missing or empty key stops start-up with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { messageKeys, type AnswerMessages } from '../bot/core/answer/answer-messages.ts';

const messageSchema = z.string().min(1);
const catalogueSchema = z.object({
  id: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String),
  messages: z.object(Object.fromEntries(messageKeys.map((key) => [key, messageSchema]))).strict(),
});

/** A validated message catalogue with its id and version (recorded with each answer). */
export interface MessageCatalogue {
  readonly id: string;
  readonly version: string;
  readonly messages: AnswerMessages;
}

/** Default folder of the catalogues. */
export const defaultMessagesDir = join(import.meta.dirname, 'messages');

/** Reads and validates `<dir>/de.yaml`; throws an Error naming the file and the failing keys. */
export function loadMessages(dir: string = defaultMessagesDir): MessageCatalogue {
  const file = join(dir, 'de.yaml');
  const parsed = catalogueSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid message catalogue ${file}: ${details.join('; ')}`);
  }
  const { id, version, messages } = parsed.data;
  return { id, version, messages: messages as AnswerMessages };
}
