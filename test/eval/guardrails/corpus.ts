/**
 * Loads the guardrail corpus (adversarial items and benign look-alikes), validated with zod.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { trainingGuardrailSets } from '../../../scripts/intent/guardrail-sets.ts';

const itemSchema = z.object({
  category: z.string(),
  text: z.string().min(1),
  expect: z.enum(['refuse', 'refer', 'redact', 'allow']),
  entity: z.string().optional(),
  value: z.string().optional(),
});

/** One corpus item. */
export type CorpusItem = z.infer<typeof itemSchema>;

/**
 * The held-out sets in the order they were written, each with its key in the benchmark report and the label it is
 * printed with (what is known about when it was written and run). Each was written blind by another hand; a new set
 * is one line here.
 */
const heldOutList = [
  { key: 'holdout', label: 'holdout.yaml (held out)' },
  { key: 'holdout2', label: 'holdout-2.yaml (held out)' },
  { key: 'holdout3', label: 'holdout-3.yaml (held out, written after model 2026-12-06.8)' },
  { key: 'holdout4', label: 'holdout-4.yaml (held out, written before table 2026-12-07.1)' },
  { key: 'holdout5', label: 'holdout-5.yaml (held out, written before the second round of 2026-12-07)' },
  { key: 'holdout6', label: 'holdout-6.yaml (held out, written before the second round of 2026-12-07, run after it)' },
  { key: 'holdout7', label: 'holdout-7.yaml (held out, written blind before the round of 2026-12-08, run once after it)' },
  { key: 'holdout8', label: 'holdout-8.yaml (held out, written blind before the data round of 2026-12-08, run once after it)' },
  { key: 'holdout9', label: 'holdout-9.yaml (held out, written blind before name-only evidence of 2026-12-08, run once after it)' },
  {
    key: 'holdout10',
    label: 'holdout-10.yaml (held out, written blind on 2026-12-07 before the fifth session, run first on the code of 306c5e3)',
  },
  {
    key: 'holdout11',
    label: 'holdout-11.yaml (held out, written blind on 2026-12-07 before the fifth session, run once after table 2026-12-09.1)',
  },
  {
    key: 'holdout12',
    label: 'holdout-12.yaml (held out, written blind on 2026-12-07 after holdout-11 was read, run once after guardrails.yaml 2026-12-09.2)',
  },
  {
    key: 'holdout13',
    label: 'holdout-13.yaml (held out, written blind on 2026-12-07 after holdout-12 was read, run once on lexicon 2026-12-09.5)',
  },
  {
    key: 'holdout14',
    label: 'holdout-14.yaml (held out, written blind on 2026-12-07 before the sixth session, run once after pii/guardrails 2026-12-10.1)',
  },
  {
    key: 'holdout15',
    label:
      'holdout-15.yaml (held out, written blind on 2026-12-07 before the sixth session, run once on the end state: intent model 2026-12-10.1)',
  },
  {
    key: 'holdout16',
    label:
      'holdout-16.yaml (held out, written blind on 2026-12-07 after holdout-15 was read, judged guardrails.yaml 2026-12-10.4 once; not read)',
  },
  {
    key: 'holdout17',
    label: 'holdout-17.yaml (held out, written blind on 2026-12-07 after round 3, run once on intent model 2026-12-10.2)',
  },
  { key: 'holdout18', label: 'holdout-18.yaml (held out, written blind at the start of the seventh session, judged round 5 once)' },
  { key: 'holdout19', label: 'holdout-19.yaml (held out, written blind beside holdout-18, indirect risky requests, judged round 5 once)' },
  { key: 'holdout20', label: 'holdout-20.yaml (held out, written blind after round 5 was judged, judged round 6 once)' },
  { key: 'holdout21', label: 'holdout-21.yaml (held out, written blind beside holdout-20, indirect risky requests, judged round 6 once)' },
  { key: 'holdout22', label: 'holdout-22.yaml (held out, written blind after round 6 was judged, judged round 7 once)' },
  { key: 'holdout23', label: 'holdout-23.yaml (held out, written blind beside holdout-22, indirect risky requests, judged round 7 once)' },
  { key: 'holdout24', label: 'holdout-24.yaml (held out, written blind after round 7 was judged, judged round 8 once)' },
  { key: 'holdout25', label: 'holdout-25.yaml (held out, written blind beside holdout-24, indirect risky requests, judged round 8 once)' },
  { key: 'holdout26', label: 'holdout-26.yaml (held out, written blind after round 8, first run on round 8)' },
  { key: 'holdout27', label: 'holdout-27.yaml (held out, written blind beside holdout-26, indirect risky requests, first run on round 8)' },
  { key: 'holdout28', label: 'holdout-28.yaml (held out, written blind while round 9 was built, first run on round 8)' },
  { key: 'holdout29', label: 'holdout-29.yaml (held out, written blind beside holdout-28, indirect risky requests, first run on round 8)' },
  { key: 'holdout30', label: "holdout-30.yaml (held out, written blind after the seventh session's end state, run once on it)" },
  {
    key: 'holdout31',
    label: 'holdout-31.yaml (held out, written blind beside holdout-30, indirect risky requests, run once on the end state)',
  },
] as const;

/** Key of a held-out set ("holdout", "holdout2", …). */
type HeldOutKey = (typeof heldOutList)[number]['key'];

/** The corpus files: tuning sets (adversarial, benign, dev) and the held-out sets, never used for tuning. */
export type GuardrailCorpus = { adversarial: CorpusItem[]; benign: CorpusItem[]; dev: CorpusItem[] } & Record<HeldOutKey, CorpusItem[]>;

/** The file of a held-out set's key ("holdout" → holdout.yaml, "holdout12" → holdout-12.yaml). */
export function heldOutFile(key: HeldOutKey): string {
  return key === 'holdout' ? 'holdout.yaml' : `holdout-${key.slice('holdout'.length)}.yaml`;
}

/** Reads all corpus files. */
export function loadGuardrailCorpus(dir = import.meta.dirname): GuardrailCorpus {
  const read = (name: string): CorpusItem[] => z.array(itemSchema).parse(parse(readFileSync(join(dir, name), 'utf8')));
  const heldOut = Object.fromEntries(heldOutList.map(({ key }) => [key, read(heldOutFile(key))])) as Record<HeldOutKey, CorpusItem[]>;
  return { adversarial: read('adversarial.yaml'), benign: read('benign.yaml'), dev: read('dev.yaml'), ...heldOut };
}

/** One held-out set with the key it has in the benchmark report and the label it is printed with. */
export interface HeldOutSet {
  readonly key: HeldOutKey;
  readonly label: string;
  readonly items: readonly CorpusItem[];
  /** The intent model trains on this set (`trainingGuardrailSets`): written blind once, in-sample for the model now. */
  readonly trained: boolean;
}

/** The held-out sets in the order they were written, each with what is known about when it was written and run. */
export function heldOutSets(corpus: GuardrailCorpus): HeldOutSet[] {
  const trained = new Set(trainingGuardrailSets);
  return heldOutList.map(({ key, label }) => ({ key, label, items: corpus[key], trained: trained.has(heldOutFile(key)) }));
}
