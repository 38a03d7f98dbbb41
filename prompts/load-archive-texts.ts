/**
 * Loads the German refusal texts for ZIP archives (`prompts/ui/archive.de.yaml`), validated with zod: every
 * problem kind of `inspectZip` needs a text, so a missing key stops start-up with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ZipProblem } from '../knowledge/ingest/parsers/zip-limits.ts';

/** One German text per problem kind. */
export type ArchiveTexts = Readonly<Record<ZipProblem['kind'], string>>;

const kinds = [
  'not-zip',
  'damaged',
  'zip64',
  'encrypted',
  'unsupported-method',
  'too-many-entries',
  'too-large',
  'ratio',
  'size-mismatch',
  'overlap',
  'nested',
  'unsafe-path',
] as const satisfies readonly ZipProblem['kind'][];
const schema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  messages: z
    .object(Object.fromEntries(kinds.map((kind) => [kind, z.string().min(1)])) as Record<(typeof kinds)[number], z.ZodString>)
    .strict(),
});

/** Reads and validates the texts; throws naming the file and the failing keys. */
export function loadArchiveTexts(file = join(import.meta.dirname, 'ui/archive.de.yaml')): ArchiveTexts {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid archive texts ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data.messages;
}

/** The German refusal for `problem`, placeholders filled. */
export function germanZipProblem(problem: ZipProblem, texts: ArchiveTexts): string {
  const values: Record<string, string> = { ...Object.fromEntries(Object.entries(problem).map(([key, value]) => [key, String(value)])) };
  if (problem.kind === 'too-large') values.megabytes = String(Math.round(problem.limitBytes / 1024 / 1024));
  return texts[problem.kind].replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
