/**
 * Loads and validates the policy files. An invalid file stops start-up with an English error naming the
 * file, the line and the field — lotse never runs without its guardrails.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import type { Policies, PolicyRule } from '../bot/core/guardrails/policies.ts';
import { PolicyError, readPolicyFile } from './read-policy-file.ts';
import { guardrailsFileSchema, piiFileSchema, retentionFileSchema } from './policy-schema.ts';

export { PolicyError };

/** Default folder of the policy files. */
export const defaultPoliciesDir = import.meta.dirname;

/** The rule version valid on `today`, with tenant overrides applied. */
function effectiveRules(file: z.infer<typeof guardrailsFileSchema>, today: string, tenant: string | undefined): PolicyRule[] {
  return file.rules.flatMap((rule) => {
    const version = rule.versions.filter((entry) => entry.valid_from <= today).sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0];
    if (!version) return [];
    const override = file.overrides
      .filter((entry) => entry.rule === rule.id && entry.tenant === tenant && entry.valid_from <= today)
      .sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0];
    return [{ id: rule.id, clause: rule.clause, action: override?.action ?? rule.action, patterns: version.patterns.map((pattern) => new RegExp(pattern, 'iu')), reply: version.reply, validFrom: version.valid_from }];
  });
}

/** Reads all policy files; throws a `PolicyError` naming file, line and field on any problem. */
export function loadPolicies(dir: string = defaultPoliciesDir, options: { today?: string; tenant?: string } = {}): Policies {
  const guardrails = readPolicyFile(dir, 'guardrails.yaml', guardrailsFileSchema);
  const clauses = new Set(guardrails.clauses.map((clause) => clause.id));
  const pii = readPolicyFile(dir, 'pii.yaml', piiFileSchema);
  for (const [index, rule] of guardrails.rules.entries()) {
    if (!clauses.has(rule.clause)) throw new PolicyError(`${join(dir, 'guardrails.yaml')} rules.${index}.clause: unknown clause "${rule.clause}" (declare it under clauses)`);
  }
  if (!clauses.has(pii.clause)) throw new PolicyError(`${join(dir, 'pii.yaml')} clause: unknown clause "${pii.clause}"`);
  for (const [index, override] of guardrails.overrides.entries()) {
    if (!guardrails.rules.some((rule) => rule.id === override.rule)) throw new PolicyError(`${join(dir, 'guardrails.yaml')} overrides.${index}.rule: unknown rule "${override.rule}"`);
  }
  const retention = readPolicyFile(dir, 'retention.yaml', retentionFileSchema);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return {
    version: `${guardrails.version}+${pii.version}`,
    clauses: guardrails.clauses,
    rules: effectiveRules(guardrails, today, options.tenant),
    tenantRules: new Map([...new Set(guardrails.overrides.map((entry) => entry.tenant))].map((tenant) => [tenant, effectiveRules(guardrails, today, tenant)])),
    pii: { clause: pii.clause, entities: pii.entities.map((entity) => ({ ...entity, pattern: new RegExp(entity.pattern, 'gu') })) },
    retentionDays: retention.audit,
  };
}
