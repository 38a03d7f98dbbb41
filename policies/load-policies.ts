/**
 * Loads and validates the policy files. An invalid file stops start-up with an English error naming the
 * file, the line and the field — lotse never runs without its guardrails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { lineOfPath } from '../bot/adapters/yaml/line-of-path.ts';
import type { Policies, PolicyRule } from '../bot/core/guardrails/policies.ts';
import { guardrailsFileSchema, piiFileSchema, retentionFileSchema } from './policy-schema.ts';

/** Default folder of the policy files. */
export const defaultPoliciesDir = import.meta.dirname;

/** A policy file that cannot be used. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

function readFile<S extends z.ZodType>(dir: string, name: string, schema: S): z.infer<S> {
  const file = join(dir, name);
  const counter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter });
  if (document.errors.length) throw new PolicyError(`${file}: ${document.errors[0]!.message}`);
  const parsed = schema.safeParse(document.toJS());
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const line = lineOfPath(document.contents, path, counter);
    return `${file}${line ? `:${line}` : ''} ${path.join('.')}: ${issue.message}`;
  });
  throw new PolicyError(`Invalid policy file:\n${lines.join('\n')}`);
}

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
  const guardrails = readFile(dir, 'guardrails.yaml', guardrailsFileSchema);
  const clauses = new Set(guardrails.clauses.map((clause) => clause.id));
  const pii = readFile(dir, 'pii.yaml', piiFileSchema);
  for (const [index, rule] of guardrails.rules.entries()) {
    if (!clauses.has(rule.clause)) throw new PolicyError(`${join(dir, 'guardrails.yaml')} rules.${index}.clause: unknown clause "${rule.clause}" (declare it under clauses)`);
  }
  if (!clauses.has(pii.clause)) throw new PolicyError(`${join(dir, 'pii.yaml')} clause: unknown clause "${pii.clause}"`);
  for (const [index, override] of guardrails.overrides.entries()) {
    if (!guardrails.rules.some((rule) => rule.id === override.rule)) throw new PolicyError(`${join(dir, 'guardrails.yaml')} overrides.${index}.rule: unknown rule "${override.rule}"`);
  }
  const retention = readFile(dir, 'retention.yaml', retentionFileSchema);
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
