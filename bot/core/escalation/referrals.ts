/**
 * The referrals of the escalation policy as the conversation core needs them: topics routed `refer` (personal
 * and personnel matters → the responsible office) and the office named after a guardrail refusal (issue #19).
 */
import type { Referrals } from '../conversation/handover-decision.ts';
import type { EscalationPolicy } from './escalation-policy.ts';
import { matchTopic } from './route-ticket.ts';

/** Builds the core's referral lookups from `policies/escalation.yaml`. */
export function escalationReferrals(policy: EscalationPolicy): Referrals {
  const referTopics = policy.topics.filter((topic) => topic.route === 'refer');
  return {
    forQuestion: (question) => {
      const topic = matchTopic(question, referTopics);
      return topic ? { topic: topic.id, reply: topic.reply, ...(topic.ownOnly ? { ownMatter: true } : {}) } : undefined;
    },
    forRefusal: (ruleIds) => ruleIds.map((id) => policy.refusalReferrals?.[id]).find((text) => text !== undefined),
  };
}
