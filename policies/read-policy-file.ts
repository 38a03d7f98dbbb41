/**
 * Reads one YAML policy file and validates it with a zod schema; errors name the file, the line and the
 * field, so an operator can fix the file before lotse starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from '../bot/adapters/yaml/parse-yaml.ts';
import type { z } from 'zod';
import { lineOfPath } from '../bot/adapters/yaml/line-of-path.ts';

/** A policy file that cannot be used. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

/** Parses `dir/name` with `schema`; throws a `PolicyError` with file:line and field on any problem. */
export function readPolicyFile<S extends z.ZodType>(dir: string, name: string, schema: S): z.infer<S> {
  const file = join(dir, name);
  const { document, counter, data } = parseYamlFile(readFileSync(file, 'utf8'), file, (message) => new PolicyError(message));
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const line = lineOfPath(document.contents, path, counter);
    return `${file}${line ? `:${line}` : ''} ${path.join('.')}: ${issue.message}`;
  });
  throw new PolicyError(`Invalid policy file:\n${lines.join('\n')}`);
}
