/**
 * Whether a turn may offer "Digitallotse fragen" (issue #19, item 7): refusals never do (what lotse must not
 * process, a Lotse must not get either: person decisions, personal matters, case data); own personnel matters go
 * to the responsible office named in `policies/escalation.yaml`; an unanswered question with masked personal data
 * is not handed on either (issue #17).
 */
import type { GuardrailVerdict } from '../../ports/guardrail.ts';
import type { Outcome, RuleHit } from '../../ports/turn.ts';

/** Where questions that must not reach Digitallotsen are referred (from the escalation policy). */
export interface Referrals {
  /**
   * A topic of the question that is referred to an office (e.g. one's own leave → Sachgebiet Personal); `ownMatter`
   * when the topic is about the asker's own data, which the documents never hold (the office is named even next to an
   * answer of the general rules).
   */
  readonly forQuestion: (question: string) => { readonly topic: string; readonly reply: string; readonly ownMatter?: boolean } | undefined;
  /** The office named after a refusal by one of these rules, if any. */
  readonly forRefusal: (ruleIds: readonly string[]) => string | undefined;
}

/** The hand-over decision of one turn. */
export interface HandoverDecision {
  readonly allowed: boolean;
  /** The text a later hand-over request gets instead of a ticket (the referral), when not allowed. */
  readonly referral?: string;
  /** The referral concerns the asker's own data: it is named even when the documents answer the general rule. */
  readonly ownMatter?: boolean;
  /** A rule hit to report (topic referrals), so that audit and transparency show why. */
  readonly rule?: RuleHit;
}

/** Decides the hand-over for a turn from the input verdict, masking, outcome and the question's topic. */
export function decideHandover(input: {
  readonly verdict: GuardrailVerdict;
  readonly masked: boolean;
  readonly outcome: Outcome;
  readonly question: string;
  readonly referrals?: Referrals;
}): HandoverDecision {
  const { verdict } = input;
  if (verdict.kind === 'refuse' || verdict.kind === 'refer') return { allowed: false };
  if (verdict.kind === 'escalate') return { allowed: verdict.handover !== false };
  const topic = input.referrals?.forQuestion(input.question);
  if (topic)
    return {
      allowed: false,
      referral: topic.reply,
      ...(topic.ownMatter ? { ownMatter: true } : {}),
      rule: { id: `referral-${topic.topic}`, clause: 'DV KI § 9 Abs. 2', action: 'refer' },
    };
  return { allowed: !(input.masked && input.outcome === 'no_answer') };
}
