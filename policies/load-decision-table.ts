/**
 * Builds the guardrail's decision table (`decision-table.yaml`) with the trained intent model it applies to,
 * checking that every clause is declared and every rule id exists (issue #17).
 */
import type { z } from 'zod';
import type { IntentModel } from '../bot/core/guardrails/intent-classifier.ts';
import type { Detection } from '../bot/core/guardrails/feature-rules.ts';
import type { IntentPolicy, IntentRow } from '../bot/core/guardrails/policies.ts';
import type { decisionTableFileSchema } from './policy-schema.ts';
import { PolicyError } from './read-policy-file.ts';

type DecisionTableFile = z.infer<typeof decisionTableFileSchema>;

const intents = ['decision', 'case-data', 'personal-hr', 'monitoring', 'injection', 'harmful'] as const;

function intentOf(name: string): IntentRow['intent'] {
  const found = intents.find((intent) => intent === name);
  if (!found) throw new PolicyError(`unknown intent "${name}"`);
  return found;
}

type DetectFile = NonNullable<NonNullable<DecisionTableFile['intents'][keyof DecisionTableFile['intents']]>['evidence']>['detect'];

function detectionOf(detect: DetectFile): Detection {
  return { threshold: detect.threshold, features: detect.features.map(({ all, ...rest }) => ({ classes: all, ...rest })) };
}

/** The checked decision table; `at` names file, line and field of a value for error messages. */
export function buildIntentPolicy(
  table: { readonly data: DecisionTableFile; readonly at: (path: readonly (string | number)[]) => string },
  model: IntentModel,
  known: {
    readonly clauses: ReadonlySet<string>;
    readonly rules: ReadonlySet<string>;
    readonly today: string;
    readonly classes: ReadonlySet<string>;
  },
): IntentPolicy {
  const { data, at } = table;
  const rows: IntentRow[] = Object.entries(data.intents).map(([intent, row]) => {
    if (!known.clauses.has(row.clause))
      throw new PolicyError(`${at(['intents', intent, 'clause'])}: unknown clause "${row.clause}" (declare it in guardrails.yaml)`);
    if (!model.classes.some((name) => name === intent))
      throw new PolicyError(`${at(['intents', intent])}: the intent model has no class "${intent}"`);
    const evidence = row.evidence;
    for (const part of ['detect', 'beside_name'] as const) {
      for (const [index, feature] of (evidence?.[part]?.features ?? []).entries()) {
        const unknown = [...feature.all, ...(feature.unless ?? [])].find((name) => !known.classes.has(name));
        if (unknown)
          throw new PolicyError(
            `${at(['intents', intent, 'evidence', part, 'features', index])}: unknown word class "${unknown}" (define it in lexicon.yaml)`,
          );
      }
    }
    if (evidence && evidence.without < row.threshold)
      throw new PolicyError(`${at(['intents', intent, 'evidence', 'without'])}: lower than the threshold with evidence`);
    return {
      intent: intentOf(intent),
      action: row.action,
      clause: row.clause,
      threshold: row.threshold,
      withPersonalData: row.with_personal_data,
      handover: row.handover,
      store: row.store,
      reply: row.reply,
      ...(evidence
        ? {
            evidence: {
              without: evidence.without,
              detection: detectionOf(evidence.detect),
              ...(evidence.beside_name ? { besideName: detectionOf(evidence.beside_name) } : {}),
            },
          }
        : {}),
    };
  });
  for (const id of [...Object.keys(data.rules), ...data.benign_override.rules]) {
    if (!known.rules.has(id)) throw new PolicyError(`${at(['rules', id])}: unknown rule "${id}" (see guardrails.yaml)`);
  }
  return {
    version: `${data.version}+${model.version}`,
    model,
    rows,
    rules: new Map(Object.entries(data.rules)),
    withheldText: data.withheld_text,
    withholdWithPersonalData: data.withhold_with_personal_data,
    nameOnly: new Set(data.name_only),
    benignOverride: {
      probability: data.benign_override.probability,
      rules: new Set(data.benign_override.rules),
      ...(data.benign_override.name_only_probability === undefined
        ? {}
        : { nameOnlyProbability: data.benign_override.name_only_probability }),
    },
    ...(data.intent_over_rule === undefined ? {} : { intentOverRule: data.intent_over_rule }),
    validFrom: data.valid_from,
    inForceOnLoad: data.valid_from <= known.today,
  };
}
