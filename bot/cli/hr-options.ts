/**
 * Command-line helpers of `lotse hr`: the `--audience` notation, images as data URLs, and definition
 * files (YAML or JSON) validated with the same zod schemas as the HTTP API.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeIssues } from '../core/hr/hr-schemas.ts';
import { UsageError } from './parse-options.ts';

// Validation messages are shown to HR staff: German, as in the HTTP API.
z.config(z.locales.de());

/**
 * Parses `all`, `units:A10,A11` (with sub-units), `units-only:A10`, `roles:hr,personalrat`, `topic:fortbildung`.
 * @example parseAudience('units:A36') // { kind: 'units', units: ['A36'], includeSubunits: true }
 */
export function parseAudience(text: string): unknown {
  const [kind, list = ''] = text.split(':', 2);
  const items = list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (kind === 'all') return { kind: 'all' };
  if (kind === 'units' || kind === 'units-only') return { kind: 'units', units: items, includeSubunits: kind === 'units' };
  if (kind === 'roles') return { kind: 'roles', roles: items };
  if (kind === 'topic') return { kind: 'topic', topic: items[0] ?? '' };
  throw new UsageError(`Unknown audience "${text}" (all | units:A10,A11 | units-only:A10 | roles:hr | topic:<id>).`);
}

const mimeTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** Reads an image file as a data URL (the size is checked against the policy by the service). */
export function imageDataUrl(file: string, cwd: string): string {
  const mime = mimeTypes[extname(file).toLowerCase()];
  if (!mime) throw new UsageError(`--image must be a PNG, JPEG, GIF or WebP file: ${file}`);
  return `data:${mime};base64,${readFileSync(resolve(cwd, file)).toString('base64')}`;
}

/** Reads a YAML/JSON file and validates it; throws a UsageError naming the invalid fields. */
export function readDefinition<T>(file: string, cwd: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parse(readFileSync(resolve(cwd, file), 'utf8')));
  if (!parsed.success) throw new UsageError(`Invalid definition ${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Validates a value built from flags. */
export function validate<T>(value: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`Invalid input: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
