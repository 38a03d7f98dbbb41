/**
 * Loads the German texts of the console pages for absence, ticket statistics and GDPR requests
 * (`prompts/ui/console-lotse-dsb.de.yaml`, issue #22), validated with zod; a missing key stops start-up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const text = z.string().min(1);
const schema = z
  .object({
    id: text,
    version: z.union([z.string(), z.number()]),
    navAbsence: text,
    navStats: text,
    navPrivacy: text,
    absenceTitle: text,
    absenceIntro: text,
    absenceLabel: text,
    absenceSave: text,
    absenceClear: text,
    statsTitle: text,
    statsIntro: text,
    statsCaption: text,
    statsColumns: text,
    statsNone: text,
    privacyTitle: text,
    privacyIntro: text,
    privacyPersonLabel: text,
    privacyExport: text,
    privacyConfirmLabel: text,
    privacyErase: text,
    privacyExportHeading: text,
    privacyErasedHeading: text,
    privacyConfirmMissing: text,
    privacyPersonMissing: text,
  })
  .strict();

/** The texts, by key. */
export type ConsoleLotseDsbTexts = Omit<z.infer<typeof schema>, 'id' | 'version'>;

/** Reads and validates the file; throws an Error naming the file and the failing keys. */
export function loadConsoleLotseDsbTexts(file = join(import.meta.dirname, 'ui/console-lotse-dsb.de.yaml')): ConsoleLotseDsbTexts {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid console texts ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const { id: _id, version: _version, ...texts } = parsed.data;
  return texts;
}
