/**
 * The guardrail of the Dienstvereinbarung KI: rules from `policies/` refuse or refer questions (decisions
 * about persons, personal matters, special categories of data, injection, hidden traces, unauthorised
 * access), personal data is masked before anything else happens, and every rule that fires is reported
 * with its clause.
 */
import { isQuarantined } from './document-injection.ts';
import type { Guardrail, GuardrailContext, GuardrailVerdict } from '../../ports/guardrail.ts';
import type { RuleHit } from '../../ports/turn.ts';
import { foldGerman } from '../../shared/text.ts';
import { detect, tokenize, type Lexicon, type SpanCache } from './feature-rules.ts';
import { intentRowFor, overruledAsBenign, ruleHandling, scoreIntent, type EvidenceInput } from './intent-decision.ts';
import { createMasker } from './mask-personal-data.ts';
import type { IntentPolicy, Policies, PolicyRule, RefusalHandling } from './policies.ts';

/** Rule ids reported as security events (pseudonymous, in the audit trail). */
export const securityRuleIds: ReadonlySet<string> = new Set([
  'prompt-injection',
  'document-injection',
  'hide-traces',
  'unauthorized-access',
  'intent-injection',
  'intent-harmful',
]);

const verdictKind = { refuse: 'refuse', refer: 'refer', escalate: 'escalate' } as const;

function hit(rule: { id: string; clause: string }, action: RuleHit['action']): RuleHit {
  return { id: rule.id, clause: rule.clause, action };
}

/** The question as the rules see it: folded for the patterns, tokens of the masked text for the scored detection. */
interface RuleInput {
  readonly folded: string;
  readonly tokens: readonly string[];
  readonly spans: SpanCache;
}

function fires(rule: PolicyRule, input: RuleInput, lexicon: Lexicon): boolean {
  if (rule.patterns.some((pattern) => pattern.test(input.folded))) return true;
  return rule.detection !== undefined && detect(lexicon, rule.detection, input.tokens, input.spans).score >= rule.detection.threshold;
}

function firstBlockingRule(rules: readonly PolicyRule[], input: RuleInput, lexicon: Lexicon): PolicyRule | undefined {
  return rules.find((rule) => rule.action !== 'allow' && rule.action !== 'redact' && fires(rule, input, lexicon));
}

/** What blocks a question: a word rule (unless overruled as a question about rules) or the intent check. */
interface Block {
  readonly rule: { readonly id: string; readonly clause: string };
  readonly action: 'refuse' | 'refer' | 'escalate';
  readonly reply: string;
  readonly handling: RefusalHandling;
}

function blockOf(
  rule: PolicyRule | undefined,
  intents: IntentPolicy | undefined,
  masked: string,
  found: readonly string[],
  evidence: EvidenceInput,
): Block | undefined {
  const scores = intents ? scoreIntent(intents, masked) : undefined;
  const row = intents && scores ? intentRowFor(intents, scores, found, evidence) : undefined;
  if (rule && !(intents && scores && overruledAsBenign(intents, scores, rule.id, found))) {
    const action = verdictKind[rule.action as keyof typeof verdictKind];
    const over = intents?.intentOverRule;
    const rowWins = row && scores && over !== undefined && row.action !== action && scores.probabilities[row.intent] >= over;
    if (!rowWins) return { rule, action, reply: rule.reply, handling: ruleHandling(intents, rule.id) };
  }
  if (!row) return undefined;
  return { rule: { id: `intent-${row.intent}`, clause: row.clause }, action: row.action, reply: row.reply, handling: row };
}

/** Options of the policy guardrail. */
export interface PolicyGuardrailOptions {
  /** Staff names from the directory, masked as [NAME]. */
  readonly knownStaffNames?: readonly string[];
  /** Today's date (YYYY-MM-DD): rule versions and overrides then switch on their dates without a restart. */
  readonly today?: () => string;
}

/** Creates the policy guardrail; without `today` the rules in force on the load date apply. */
export function createPolicyGuardrail(policies: Policies, options: PolicyGuardrailOptions = {}): Guardrail {
  // Bare surnames of directory staff are masked in questions (issue #17); answers keep them (documents name contacts).
  const maskInput = createMasker(policies.pii.entities, options.knownStaffNames, { wordLike: policies.pii.surnamesNeedContext ?? [] });
  const maskOutput = createMasker(
    policies.pii.entities.filter((entity) => entity.output),
    options.knownStaffNames,
  );
  const rulesFor = (context: GuardrailContext): readonly PolicyRule[] => {
    if (options.today && policies.rulesOn) return policies.rulesOn(options.today(), context.tenant);
    return (context.tenant ? policies.tenantRules.get(context.tenant) : undefined) ?? policies.rules;
  };
  const lexicon: Lexicon = policies.lexicon ?? new Map();
  const intentsNow = (): IntentPolicy | undefined => {
    const intents = policies.intents;
    if (!intents) return undefined;
    return (options.today ? intents.validFrom <= options.today() : intents.inForceOnLoad) ? intents : undefined;
  };
  const piiHits = (found: readonly string[]): RuleHit[] => found.map((id) => hit({ id, clause: policies.pii.clause }, 'redact'));

  return {
    reviewInput(text: string, context: GuardrailContext): GuardrailVerdict {
      const rules = rulesFor(context);
      const masked = maskInput(text);
      const input = { folded: foldGerman(text), tokens: tokenize(masked.text), spans: new Map() };
      const rule = firstBlockingRule(rules, input, lexicon);
      const hits = piiHits(masked.found);
      const intents = intentsNow();
      const block = blockOf(rule, intents, masked.text, masked.found, { lexicon, tokens: input.tokens, spans: input.spans });
      if (block) {
        // A withheld question is not kept even masked: conversation and audit log get the stand-in only.
        const withheld =
          (block.handling.store === 'withheld' || (intents?.withholdWithPersonalData === true && masked.found.length > 0)) && intents;
        const stored = withheld ? intents.withheldText : masked.text;
        const storeHits = withheld ? [hit({ id: 'withheld-message', clause: policies.pii.clause }, 'redact')] : [];
        return {
          kind: block.action,
          text: stored,
          reply: block.reply,
          rules: [hit(block.rule, block.action), ...hits, ...storeHits],
          handover: block.handling.handover,
        };
      }
      const gate = rules.find((entry) => entry.id === 'training-gate');
      if (gate && context.generativeAllowed === false) hits.push(hit(gate, 'allow'));
      return { kind: 'allow', text: masked.text, rules: hits };
    },
    reviewSources(passages: readonly string[], context: GuardrailContext): readonly RuleHit[] {
      const rule = rulesFor(context).find((entry) => entry.id === 'document-injection');
      return rule && passages.some((text) => isQuarantined(text)) ? [hit(rule, 'allow')] : [];
    },
    reviewOutput(text: string): GuardrailVerdict {
      const masked = maskOutput(text);
      return { kind: 'allow', text: masked.text, rules: piiHits(masked.found) };
    },
  };
}
