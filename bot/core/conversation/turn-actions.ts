/**
 * The actions offered with an answer: ask a Digitallotse (always; prominent after `no_answer`),
 * give feedback on answers, and read the usage rules. A reply to small talk ("Hallo", "Danke!") offers only the rules.
 */
import type { AnswerMessages } from '../answer/answer-messages.ts';
import type { Outcome, SuggestedAction } from '../../ports/turn.ts';

/** Path of the usage-rules page every answer links to. */
export const usageRulesPath = '/nutzungshinweise';

/** Actions for a turn with the given outcome. */
export function actionsFor(outcome: Outcome, messages: AnswerMessages): SuggestedAction[] {
  const actions: SuggestedAction[] = [{ type: 'escalate', label: messages.actionEscalate }];
  if (outcome === 'answered') actions.push({ type: 'feedback', label: messages.actionFeedback });
  actions.push({ type: 'link', label: messages.actionUsageRules, url: usageRulesPath });
  return actions;
}

/** Actions for a reply to a bare greeting, thanks or farewell: no hand-over (nothing was asked), only the usage rules. */
export function smallTalkActions(messages: AnswerMessages): SuggestedAction[] {
  return [{ type: 'link', label: messages.actionUsageRules, url: usageRulesPath }];
}
