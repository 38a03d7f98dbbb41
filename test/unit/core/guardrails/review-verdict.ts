/**
 * The guardrail over the shipped policies as the tests of single rules read it: the verdict kind, or the kind with the
 * rule that decided ("refuse:prompt-injection"), for a question on a given day.
 */
import { join } from 'node:path';
import { createPolicyGuardrail } from '../../../../bot/core/guardrails/policy-guardrail.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

/** Verdict readers over the shipped policies in force on `today`. */
export function reviewVerdicts(today: string, knownStaffNames: readonly string[] = []) {
  const policies = loadPolicies(join(import.meta.dirname, '../../../../policies'), { today });
  const guardrail = createPolicyGuardrail(policies, { knownStaffNames });
  const review = (text: string) => guardrail.reviewInput(text, { userId: 'u' });
  return {
    /** "refuse", "refer" or "allow". */
    kind: (text: string): string => review(text).kind,
    /** The kind and the id of the rule that decided, e.g. "refuse:prompt-injection" ("allow:" when none). */
    verdict: (text: string): string => {
      const result = review(text);
      return `${result.kind}:${result.rules.find((rule) => rule.action !== 'redact')?.id ?? ''}`;
    },
  };
}
