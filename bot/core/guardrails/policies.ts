/**
 * The validated guardrail policies as the core sees them (loaded by `policies/load-policies.ts`).
 */
import type { RuleHit } from '../../ports/turn.ts';

/** One rule in force, with its compiled patterns. */
export interface PolicyRule {
  readonly id: string;
  readonly clause: string;
  readonly action: RuleHit['action'];
  readonly patterns: readonly RegExp[];
  readonly reply: string;
  readonly validFrom: string;
}

/** One kind of personal data and how to find it. */
export interface PiiEntity {
  readonly id: string;
  readonly placeholder: string;
  readonly pattern: RegExp;
  readonly validator?: 'iban' | 'tax-id';
  /** Also masked in answers (personal data in documents); institutional contact data is not. */
  readonly output: boolean;
}

/** Everything the guardrail needs. */
export interface Policies {
  readonly version: string;
  readonly clauses: readonly { readonly id: string; readonly title: string }[];
  /** Rules in force for counties without an override. */
  readonly rules: readonly PolicyRule[];
  /** Rules in force for counties with dated overrides. */
  readonly tenantRules: ReadonlyMap<string, readonly PolicyRule[]>;
  readonly pii: { readonly clause: string; readonly entities: readonly PiiEntity[] };
  readonly retentionDays: Readonly<Record<'answer' | 'refusal' | 'security' | 'reidentification', number>>;
}
