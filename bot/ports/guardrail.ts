/**
 * Guardrails review what comes in and what goes out. The default allows everything; the implementation
 * driven by `policies/` (Dienstvereinbarung KI) is `bot/core/guardrails/policy-guardrail.ts`.
 */
import type { RuleHit } from './turn.ts';

/** The verdict of a review: text may be rewritten (redacted) even when allowed. */
export type GuardrailVerdict =
  | { readonly kind: 'allow'; readonly text: string; readonly rules: readonly RuleHit[] }
  | {
      readonly kind: 'refuse' | 'refer' | 'escalate';
      readonly text: string;
      readonly reply: string;
      readonly rules: readonly RuleHit[];
      /** False when the policy forbids offering or creating a Digitallotse hand-over (DV KI § 9 Abs. 2, case data). */
      readonly handover?: boolean;
    };

/** Context of a review. */
export interface GuardrailContext {
  readonly userId: string;
  readonly tenant?: string;
  /** False when the asker's mandatory KI training is not recorded (DV KI § 8). */
  readonly generativeAllowed?: boolean;
}

/** Reviews a question before retrieval and an answer before it is shown. */
export interface Guardrail {
  reviewInput(text: string, context: GuardrailContext): GuardrailVerdict;
  reviewOutput(text: string, context: GuardrailContext): GuardrailVerdict;
  /** Rules that fired on the passages an answer was built from (e.g. instructions hidden in a document). */
  reviewSources?(passages: readonly string[], context: GuardrailContext): readonly RuleHit[];
}

/** The null-object guardrail: allows everything unchanged. */
export const allowAllGuardrail: Guardrail = {
  reviewInput: (text) => ({ kind: 'allow', text, rules: [] }),
  reviewOutput: (text) => ({ kind: 'allow', text, rules: [] }),
};
