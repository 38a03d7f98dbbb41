/**
 * The validated guardrail policies as the core sees them (loaded by `policies/load-policies.ts`).
 */
import type { RuleHit } from '../../ports/turn.ts';
import type { Detection, Lexicon } from './feature-rules.ts';
import type { Intent, IntentModel } from './intent-classifier.ts';

/** One rule in force, with its compiled patterns. */
export interface PolicyRule {
  readonly id: string;
  readonly clause: string;
  readonly action: RuleHit['action'];
  readonly patterns: readonly RegExp[];
  readonly reply: string;
  readonly validFrom: string;
  /** Scored word-class detection (`detect` in the policy file); fires in addition to `patterns`. */
  readonly detection?: Detection;
  /** The tenant's dated deviation that set `action`, if any. */
  readonly override?: { readonly tenant: string; readonly validFrom: string; readonly reason: string };
}

/** One version of a rule in the policy history. */
export interface RuleVersionInfo {
  readonly rule: string;
  readonly clause: string;
  readonly validFrom: string;
  /** The version in force on the load date. */
  readonly inForce: boolean;
  /** Uses scored detection. */
  readonly scored: boolean;
}

/** One kind of personal data and how to find it. */
export interface PiiEntity {
  readonly id: string;
  readonly placeholder: string;
  readonly pattern: RegExp;
  readonly validator?: 'iban' | 'tax-id' | 'context';
  /** Context words (within 40 characters before a match) that make a value personal even without a valid check digit. */
  readonly context?: RegExp;
  /** Also masked in answers (personal data in documents); institutional contact data is not. */
  readonly output: boolean;
}

/** How a refusal is handled beyond its action: hand-over offered or not, question stored masked or withheld. */
export interface RefusalHandling {
  readonly handover: boolean;
  readonly store: 'masked' | 'withheld';
}

/** One row of the decision table: what to do when the intent check finds `intent`. */
export interface IntentRow extends RefusalHandling {
  readonly intent: Exclude<Intent, 'benign'>;
  readonly action: 'refuse' | 'refer';
  readonly clause: string;
  readonly threshold: number;
  /** The lower threshold when the question also contains personal data. */
  readonly withPersonalData: number;
  /**
   * Evidence the intent needs (target person, instruction cue …); without it `threshold` is raised to `without`.
   * `besideName`: when the only personal data is a name, the evidence besides it (a case detail, a decision or
   * monitoring word) that lets `withPersonalData` apply; without it the plain `threshold` applies (a name alone is none).
   */
  readonly evidence?: { readonly without: number; readonly detection: Detection; readonly besideName?: Detection };
  readonly reply: string;
}

/** The decision table (`policies/decision-table.yaml`) with the trained model it applies to. */
export interface IntentPolicy {
  readonly version: string;
  readonly model: IntentModel;
  readonly rows: readonly IntentRow[];
  /** Handling of the word rules' refusals, by rule id. */
  readonly rules: ReadonlyMap<string, RefusalHandling>;
  /** Kinds of personal data (pii.yaml ids) that are no evidence by themselves: a name (rows with `besideName`). */
  readonly nameOnly: ReadonlySet<string>;
  /** A refused question with personal data in it is withheld whatever its row says. */
  readonly withholdWithPersonalData: boolean;
  /** Stand-in stored instead of a withheld question. */
  readonly withheldText: string;
  /**
   * A word rule of `rules` is overruled when the model is this sure the question is benign and it holds no personal
   * data; `nameOnlyProbability`, when set, also when the only personal data is a name.
   */
  readonly benignOverride: { readonly probability: number; readonly rules: ReadonlySet<string>; readonly nameOnlyProbability?: number };
  /**
   * When set: a row that holds (threshold and evidence) with at least this probability takes the place of a word rule
   * that fired with another action (a refusal the model reads as a personal HR matter is referred, and the other way).
   */
  readonly intentOverRule?: number;
  /** First day (YYYY-MM-DD) the intent check applies; earlier days keep the word rules alone. */
  readonly validFrom: string;
  /** In force on the day the policies were loaded for. */
  readonly inForceOnLoad: boolean;
}

/** Everything the guardrail needs. */
export interface Policies {
  readonly version: string;
  readonly clauses: readonly { readonly id: string; readonly title: string }[];
  /** Rules in force for counties without an override. */
  readonly rules: readonly PolicyRule[];
  /** Rules in force for counties with dated overrides. */
  readonly tenantRules: ReadonlyMap<string, readonly PolicyRule[]>;
  /** `surnamesNeedContext`: ordinary words that a staff member's bare surname may be (masked only with a title or unit). */
  readonly pii: { readonly clause: string; readonly entities: readonly PiiEntity[]; readonly surnamesNeedContext?: readonly string[] };
  readonly retentionDays: Readonly<Record<'answer' | 'refusal' | 'security' | 'reidentification', number>>;
  /** Word classes of the scored detection (empty when no rule uses it). */
  readonly lexicon?: Lexicon;
  /** Every version of every rule, oldest first. */
  readonly history?: readonly RuleVersionInfo[];
  /** The trained intent check and its decision table (absent in policy folders without a model). */
  readonly intents?: IntentPolicy;
  /** The rules in force on `day` (YYYY-MM-DD) for a tenant, with its dated overrides. */
  readonly rulesOn?: (day: string, tenant?: string) => readonly PolicyRule[];
}
