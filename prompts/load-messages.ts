/**
 * Loads the German message catalogues of the core (`prompts/messages/de.yaml`, `escalation.de.yaml`,
 * `small-talk.de.yaml`), validated with zod: a missing or empty key stops start-up with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { messageKeys, type AnswerMessages } from '../bot/core/answer/answer-messages.ts';
import { escalationMessageKeys, type EscalationMessages } from '../bot/core/escalation/escalation-messages.ts';
import { smallTalkMessageKeys, type SmallTalkMessages } from '../bot/core/understanding/small-talk-messages.ts';

const messageSchema = z.string().min(1);
const catalogueSchema = (keys: readonly string[]) =>
  z.object({
    id: z.string().min(1),
    version: z.union([z.string(), z.number()]).transform(String),
    messages: z.object(Object.fromEntries(keys.map((key) => [key, messageSchema]))).strict(),
  });

function readCatalogue(file: string, keys: readonly string[]): { id: string; version: string; messages: Record<string, string> } {
  const parsed = catalogueSchema(keys).safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid message catalogue ${file}: ${details.join('; ')}`);
  }
  return { ...parsed.data, messages: parsed.data.messages as Record<string, string> };
}

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
  const { id, version, messages } = readCatalogue(join(dir, 'de.yaml'), messageKeys);
  return { id, version, messages: messages as AnswerMessages };
}

/** Reads and validates `<dir>/escalation.de.yaml`. */
export function loadEscalationMessages(dir: string = defaultMessagesDir): EscalationMessages {
  return readCatalogue(join(dir, 'escalation.de.yaml'), escalationMessageKeys).messages as EscalationMessages;
}

/** Reads and validates `<dir>/small-talk.de.yaml` (replies to a bare greeting, thanks or farewell). */
export function loadSmallTalkMessages(dir: string = defaultMessagesDir): SmallTalkMessages {
  return readCatalogue(join(dir, 'small-talk.de.yaml'), smallTalkMessageKeys).messages as SmallTalkMessages;
}
