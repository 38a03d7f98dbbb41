/**
 * Loads `policies/broadcasts.yaml` (who may send to which audience, four-eyes release, k of the surveys,
 * channel rates, retries, reminders, image size, topics), validated with zod; errors name file and field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from '../bot/adapters/yaml/parse-yaml.ts';
import { z } from 'zod';
import { roles } from '../bot/ports/directory.ts';
import type { HrPolicy } from '../bot/ports/hr-types.ts';
import { PolicyError } from './load-policies.ts';

const audienceKind = z.enum(['all', 'units', 'roles', 'topic']);
const schema = z
  .object({
    version: z.string().min(1),
    k: z.number().int().min(2).max(100).default(5),
    four_eyes: z.boolean(),
    release_roles: z.array(z.enum(roles)).min(1).default(['hr']),
    senders: z
      .array(
        z
          .object({ role: z.enum(roles), audiences: z.array(audienceKind).min(1), units: z.array(z.string().min(1)).min(1).optional() })
          .strict(),
      )
      .min(1),
    rate_per_second: z.record(z.string(), z.number().positive().max(10_000)).refine((rates) => 'default' in rates, 'default rate missing'),
    retry: z
      .object({
        max_attempts: z.number().int().min(1).max(20),
        backoff_seconds: z.number().int().min(0),
        lease_seconds: z.number().min(0.1).default(120),
      })
      .strict(),
    reminder: z.object({ interval_hours: z.number().positive(), max: z.number().int().min(0).max(10) }).strict(),
    image_max_bytes: z.number().int().positive(),
    topics: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1) }).strict()),
  })
  .strict();

/** The policy with the lease after which a claimed outbox row counts as abandoned. */
export type LoadedHrPolicy = HrPolicy & { readonly leaseSeconds: number };

/** Parses the policy text; throws a `PolicyError` naming each invalid field. */
export function parseHrPolicy(text: string, file = 'broadcasts.yaml'): LoadedHrPolicy {
  const parsed = schema.safeParse(parseYamlFile(text, file, (message) => new PolicyError(message)).data);
  if (!parsed.success)
    throw new PolicyError(
      `Invalid policy file ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
    );
  const value = parsed.data;
  return {
    version: value.version,
    k: value.k,
    fourEyes: value.four_eyes,
    releaseRoles: value.release_roles,
    ratePerSecond: value.rate_per_second,
    senders: value.senders.map((rule) => ({ role: rule.role, audiences: rule.audiences, ...(rule.units ? { units: rule.units } : {}) })),
    retry: { maxAttempts: value.retry.max_attempts, backoffSeconds: value.retry.backoff_seconds },
    leaseSeconds: value.retry.lease_seconds,
    reminder: { intervalHours: value.reminder.interval_hours, max: value.reminder.max },
    imageMaxBytes: value.image_max_bytes,
    topics: value.topics,
  };
}

/** Reads `<dir>/broadcasts.yaml`. */
export function loadHrPolicy(dir: string): LoadedHrPolicy {
  const file = join(dir, 'broadcasts.yaml');
  return parseHrPolicy(readFileSync(file, 'utf8'), file);
}
