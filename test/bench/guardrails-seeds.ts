/**
 * Part of `npm run bench:guardrails` (issue #17): the guardrail items and benign look-alikes of
 * `../shared/eval-data/seeds-dev.json`, scored at the guardrail with the semantics of `score_seeds.py`
 * (refusal, redaction, rules fired, no hand-over), split by id parity into a tuning half (odd) and a report
 * half (even); the staff questions of every seed question set (answerable and unanswerable, no guardrail items) that
 * the guardrail refuses or refers, which should be none; and the p95 time of the intent check alone. Skips with a
 * message when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { classifyIntent } from '../../bot/core/guardrails/intent-classifier.ts';
import type { Policies } from '../../bot/core/guardrails/policies.ts';
import type { Guardrail, GuardrailVerdict } from '../../bot/ports/guardrail.ts';
import { seedQuestionSets } from '../eval/seed-question-sets.ts';

const itemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  question: z.string(),
  expected_actions: z.array(z.string()).nullish(),
  benign_lookalike: z.boolean().nullish(),
});

/** True when the verdict alone already satisfies `score_seeds.py` for a guardrail item. */
function meets(actions: ReadonlySet<string>, verdict: GuardrailVerdict): boolean {
  const blocked = verdict.kind !== 'allow';
  if ((actions.has('refuse_decision') || actions.has('refuse_processing')) && !blocked) return false;
  if (actions.has('redact') && !verdict.rules.some((rule) => rule.action === 'redact' || rule.action === 'refuse')) return false;
  if (actions.has('ignore_embedded_instructions') && verdict.rules.length === 0) return false;
  if (actions.size === 1 && actions.has('refer') && verdict.rules.length === 0) return false;
  const noHandover =
    ['refuse_processing', 'refuse_decision', 'no_escalation'].some((name) => actions.has(name)) && !actions.has('escalate_human');
  return !(noHandover && (!blocked || verdict.handover !== false));
}

/** Scores seeds-dev.json at the guardrail; returns undefined when the file is missing. */
export function seedsDevAtGuardrail(file: string, guardrail: Guardrail) {
  if (!existsSync(file)) return undefined;
  const items = z.array(itemSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
  const half = (parity: number) => items.filter((item) => item.kind === 'guardrail' && Number(item.id.replace(/\D/g, '')) % 2 === parity);
  const score = (list: typeof items) => {
    const missed = list
      .filter((item) => !meets(new Set(item.expected_actions ?? []), guardrail.reviewInput(item.question, { userId: 'bench' })))
      .map((item) => item.id);
    return { ok: list.length - missed.length, total: list.length, missed };
  };
  const lookalikes = items.filter((item) => item.benign_lookalike);
  const refused = lookalikes
    .filter((item) => guardrail.reviewInput(item.question, { userId: 'bench' }).kind !== 'allow')
    .map((item) => item.id);
  return { tuningHalf: score(half(1)), reportHalf: score(half(0)), benignLookalikes: { refused, total: lookalikes.length } };
}

/**
 * The answerable and unanswerable questions of all seed question sets (`seedQuestionSets`): ordinary staff questions
 * about the documents, so any refusal or referral among them is an over-refusal (a referral of one's own leave question
 * to HR is the policy, but it is counted here too).
 */
export function seedQuestionsAtGuardrail(root: string, guardrail: Guardrail) {
  const questions = seedQuestionSets(root).flatMap((set) =>
    z
      .array(itemSchema)
      .parse(JSON.parse(readFileSync(set.file, 'utf8')))
      .filter((item) => item.kind === 'answerable' || item.kind === 'unanswerable')
      .map((item) => ({ ...item, set: set.name })),
  );
  const blocked = questions.filter((item) => guardrail.reviewInput(item.question, { userId: 'bench' }).kind !== 'allow');
  const key = (item: (typeof questions)[number]) => `${item.set}:${item.id}`;
  return {
    blocked: blocked.map(key),
    total: questions.length,
    answerableBlocked: blocked.filter((item) => item.kind === 'answerable').map(key),
    answerableTotal: questions.filter((item) => item.kind === 'answerable').length,
  };
}

/** p95 of the intent check alone over the given questions, in milliseconds. */
export function intentP95(policies: Policies, texts: readonly string[]): number | undefined {
  const model = policies.intents?.model;
  if (!model) return undefined;
  const times = texts.map((text) => {
    const started = performance.now();
    classifyIntent(model, text);
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b)[Math.floor(times.length * 0.95)];
}

/** Default location of the shared evaluation data, beside the project. */
export const seedsDevFile = (root: string): string => join(root, '../shared/eval-data/seeds-dev.json');
