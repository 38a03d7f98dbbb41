/**
 * Loads what the presentation of answers needs (issue #22): the German texts of suggestions and Leichte Sprache
 * (`prompts/messages/presentation.de.yaml`) and the glossary of administration terms (`policies/plain-language.yaml`),
 * validated with zod: a missing key or an empty term stops start-up with an error naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PresentationTexts } from '../bot/core/presentation/present-answer.ts';
import { readPolicyFile } from '../policies/read-policy-file.ts';

const text = z.string().min(1);
const messagesSchema = z.object({
  id: text,
  version: z.union([z.string(), z.number()]),
  messages: z
    .object({ moreAbout: text.includes('{section}'), plainIntro: text, glossaryHeading: text, conditionLead: text.includes('{clause}') })
    .strict(),
});
const glossarySchema = z.object({
  version: z.union([z.string(), z.number()]),
  glossary: z.array(z.object({ term: text, explanation: text }).strict()),
});

/** Reads and validates both files. */
export function loadPresentation(options: { readonly messagesDir?: string; readonly policiesDir?: string } = {}): PresentationTexts {
  const file = join(options.messagesDir ?? join(import.meta.dirname, 'messages'), 'presentation.de.yaml');
  const parsed = messagesSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid message catalogue ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const { glossary } = readPolicyFile(
    options.policiesDir ?? join(import.meta.dirname, '../policies'),
    'plain-language.yaml',
    glossarySchema,
  );
  const { moreAbout, plainIntro, glossaryHeading, conditionLead } = parsed.data.messages;
  return { suggestions: { moreAbout }, plainLanguage: { intro: plainIntro, glossaryHeading, conditionLead, glossary } };
}
