import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPolicyGuardrail } from '../../../../bot/core/guardrails/policy-guardrail.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

// Lexicon 2026-12-09.3 (issue #17): a request about one's own working time or family care ("für mich beantragen",
// "wegen der Pflege meiner Mutter", "ich möchte … reduzieren") is a personal matter (DV KI § 9 Abs. 2), referred to HR.
const policies = loadPolicies(join(import.meta.dirname, '../../../../policies'), { today: '2026-12-07' });
const guardrail = createPolicyGuardrail(policies);
const kind = (text: string): string => guardrail.reviewInput(text, { userId: 'u' }).kind;

describe('own HR requests', () => {
  it('refers a request about one’s own hours or family care', () => {
    expect(kind('Ich will wegen der Pflege meines Vaters ab März auf 25 Stunden reduzieren, kannst du das für mich beantragen?')).toBe(
      'refer',
    );
  });

  it('answers the general question about the procedure', () => {
    expect(kind('Wie beantragt man bei uns Teilzeit, gibt es dafür ein Formular?')).toBe('allow');
  });
});
