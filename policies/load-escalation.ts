/**
 * Loads `policies/escalation.yaml` (topic routes, pools, capacity, office hours, reminder steps).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from '../bot/adapters/yaml/parse-yaml.ts';
import { z } from 'zod';
import type { EscalationPolicy } from '../bot/core/escalation/escalation-policy.ts';
import { PolicyError } from './load-policies.ts';

const time = z.string().regex(/^\d{2}:\d{2}$/);
const schema = z
  .object({
    version: z.string().min(1),
    topics: z.array(
      z
        .object({
          id: z.string().min(1),
          route: z.enum(['it-servicedesk', 'dsb', 'refer']),
          own_only: z.boolean().optional(),
          match: z.array(z.string().min(2)).min(1),
          reply: z.string().min(1),
        })
        .strict(),
    ),
    refusal_referrals: z.record(z.string().min(1), z.string().min(1)).optional(),
    central_pool: z.array(z.string().min(1)).min(1),
    queues: z.object({ 'it-servicedesk': z.array(z.string()), dsb: z.array(z.string()) }).strict(),
    max_open_per_lotse: z.number().int().positive(),
    office_hours: z.object({ days: z.array(z.number().int().min(0).max(6)), from: time, to: time }).strict(),
    reminders_minutes: z
      .object({ assignee: z.number().int().positive(), deputies: z.number().int().positive(), central: z.number().int().positive() })
      .strict(),
    expire_after_days: z.number().int().positive(),
  })
  .strict();

/** Reads and validates the escalation policy; throws a `PolicyError` naming the field. */
export function loadEscalationPolicy(dir: string): EscalationPolicy {
  const file = join(dir, 'escalation.yaml');
  const parsed = schema.safeParse(parseYamlFile(readFileSync(file, 'utf8'), file, (message) => new PolicyError(message)).data);
  if (!parsed.success)
    throw new PolicyError(
      `Invalid policy file ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const value = parsed.data;
  return {
    version: value.version,
    topics: value.topics.map(({ own_only: ownOnly, ...topic }) => ({ ...topic, ...(ownOnly ? { ownOnly } : {}) })),
    ...(value.refusal_referrals ? { refusalReferrals: value.refusal_referrals } : {}),
    centralPool: value.central_pool,
    queues: value.queues,
    maxOpenPerLotse: value.max_open_per_lotse,
    officeHours: value.office_hours,
    reminders: value.reminders_minutes,
    expireAfterDays: value.expire_after_days,
  };
}
