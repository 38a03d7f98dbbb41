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

/** The corpus files: tuning sets (adversarial, benign, dev) and the six held-out sets, never used for tuning. */
export interface GuardrailCorpus {
  adversarial: CorpusItem[];
  benign: CorpusItem[];
  dev: CorpusItem[];
  holdout: CorpusItem[];
  holdout2: CorpusItem[];
  /** Written after the intent model 2026-12-06.8 and before anything ran on it (issue #17). */
  holdout3: CorpusItem[];
  /** Written before any change of the 2026-12-07.1 round (table with evidence) and before anything ran on it. */
  holdout4: CorpusItem[];
  /** Written before any change of the 2026-12-07 (second) round and before anything ran on it; 120 benign, 48 risky. */
  holdout5: CorpusItem[];
  /** Written before the changes of the second 2026-12-07 round and run once, after them; 150 benign, 60 risky. */
  holdout6: CorpusItem[];
  /** Written blind before the 2026-12-08 round (issue #17) and run once, after it; 160 benign, 64 risky. */
  holdout7: CorpusItem[];
  /** Written blind before the intent-data round of 2026-12-08 and run once, after it; 160 benign, 66 risky. */
  holdout8: CorpusItem[];
  /** Written blind before the name-only evidence change (table 2026-12-08.6) and run once, after it; 120 benign, 48 risky. */
  holdout9: CorpusItem[];
  holdout10: CorpusItem[];
  holdout11: CorpusItem[];
  holdout12: CorpusItem[];
  holdout13: CorpusItem[];
  holdout14: CorpusItem[];
  holdout15: CorpusItem[];
  holdout16: CorpusItem[];
  holdout17: CorpusItem[];
  /** Written blind at the start of the seventh session (2026-12-07), before round 5; 140 benign, 48 risky. */
  holdout18: CorpusItem[];
  /** Written blind beside holdout-18 by another writer, with indirect risky requests; 140 benign, 48 risky. */
  holdout19: CorpusItem[];
  /** Written blind after round 5 had been judged, before round 6; 140 benign, 48 risky. */
  holdout20: CorpusItem[];
  /** Written blind beside holdout-20 by another writer, with indirect risky requests, before round 6; 140 benign, 48 risky. */
  holdout21: CorpusItem[];
  /** Written blind after round 6 had been judged, before round 7; 140 benign, 48 risky. */
  holdout22: CorpusItem[];
  /** Written blind beside holdout-22 by another writer, with indirect risky requests, before round 7; 140 benign, 48 risky. */
  holdout23: CorpusItem[];
  /** Written blind after round 7 had been judged, before round 8; 140 benign, 48 risky. */
  holdout24: CorpusItem[];
  /** Written blind beside holdout-24 by another writer, with indirect risky requests, before round 8; 140 benign, 48 risky. */
  holdout25: CorpusItem[];
  /** Written blind after round 8 was committed, before anything ran on it; 140 benign, 48 risky. */
  holdout26: CorpusItem[];
  /** Written blind beside holdout-26 by another writer, with indirect risky requests; 140 benign, 48 risky. */
  holdout27: CorpusItem[];
  /** Written blind while round 9 was built, before anything ran on it; 140 benign, 48 risky. */
  holdout28: CorpusItem[];
  /** Written blind beside holdout-28 by another writer, with indirect risky requests; 140 benign, 48 risky. */
  holdout29: CorpusItem[];
  /** Written blind after the end state of the seventh session was committed, run once on it; 140 benign, 48 risky. */
  holdout30: CorpusItem[];
  /** Written blind beside holdout-30, with indirect risky requests, run once on the end state; 140 benign, 48 risky. */
  holdout31: CorpusItem[];
}

/** Reads all corpus files. */
export function loadGuardrailCorpus(dir = import.meta.dirname): GuardrailCorpus {
  const read = (name: string): CorpusItem[] => z.array(itemSchema).parse(parse(readFileSync(join(dir, name), 'utf8')));
  return {
    adversarial: read('adversarial.yaml'),
    benign: read('benign.yaml'),
    dev: read('dev.yaml'),
    holdout: read('holdout.yaml'),
    holdout2: read('holdout-2.yaml'),
    holdout3: read('holdout-3.yaml'),
    holdout4: read('holdout-4.yaml'),
    holdout5: read('holdout-5.yaml'),
    holdout6: read('holdout-6.yaml'),
    holdout7: read('holdout-7.yaml'),
    holdout8: read('holdout-8.yaml'),
    holdout9: read('holdout-9.yaml'),
    holdout10: read('holdout-10.yaml'),
    holdout11: read('holdout-11.yaml'),
    holdout12: read('holdout-12.yaml'),
    holdout13: read('holdout-13.yaml'),
    holdout14: read('holdout-14.yaml'),
    holdout15: read('holdout-15.yaml'),
    holdout16: read('holdout-16.yaml'),
    holdout17: read('holdout-17.yaml'),
    holdout18: read('holdout-18.yaml'),
    holdout19: read('holdout-19.yaml'),
    holdout20: read('holdout-20.yaml'),
    holdout21: read('holdout-21.yaml'),
    holdout22: read('holdout-22.yaml'),
    holdout23: read('holdout-23.yaml'),
    holdout24: read('holdout-24.yaml'),
    holdout25: read('holdout-25.yaml'),
    holdout26: read('holdout-26.yaml'),
    holdout27: read('holdout-27.yaml'),
    holdout28: read('holdout-28.yaml'),
    holdout29: read('holdout-29.yaml'),
    holdout30: read('holdout-30.yaml'),
    holdout31: read('holdout-31.yaml'),
  };
}

/** One held-out set with the key it has in the benchmark report and the label it is printed with. */
export interface HeldOutSet {
  readonly key: Exclude<keyof GuardrailCorpus, 'adversarial' | 'benign' | 'dev'>;
  readonly label: string;
  readonly items: readonly CorpusItem[];
  /** The intent model trains on this set (`trainingGuardrailSets`): written blind once, in-sample for the model now. */
  readonly trained: boolean;
}

/** The file of a held-out set's key ("holdout" → holdout.yaml, "holdout12" → holdout-12.yaml). */
export function heldOutFile(key: HeldOutSet['key']): string {
  return key === 'holdout' ? 'holdout.yaml' : `holdout-${key.slice('holdout'.length)}.yaml`;
}

/** The held-out sets in the order they were written, each with what is known about when it was written and run. */
export function heldOutSets(corpus: GuardrailCorpus): HeldOutSet[] {
  const trained = new Set(trainingGuardrailSets);
  const sets: Omit<HeldOutSet, 'trained'>[] = [
    { key: 'holdout', label: 'holdout.yaml (held out)', items: corpus.holdout },
    { key: 'holdout2', label: 'holdout-2.yaml (held out)', items: corpus.holdout2 },
    { key: 'holdout3', label: 'holdout-3.yaml (held out, written after model 2026-12-06.8)', items: corpus.holdout3 },
    { key: 'holdout4', label: 'holdout-4.yaml (held out, written before table 2026-12-07.1)', items: corpus.holdout4 },
    { key: 'holdout5', label: 'holdout-5.yaml (held out, written before the second round of 2026-12-07)', items: corpus.holdout5 },
    {
      key: 'holdout6',
      label: 'holdout-6.yaml (held out, written before the second round of 2026-12-07, run after it)',
      items: corpus.holdout6,
    },
    {
      key: 'holdout7',
      label: 'holdout-7.yaml (held out, written blind before the round of 2026-12-08, run once after it)',
      items: corpus.holdout7,
    },
    {
      key: 'holdout8',
      label: 'holdout-8.yaml (held out, written blind before the data round of 2026-12-08, run once after it)',
      items: corpus.holdout8,
    },
    {
      key: 'holdout9',
      label: 'holdout-9.yaml (held out, written blind before name-only evidence of 2026-12-08, run once after it)',
      items: corpus.holdout9,
    },
    {
      key: 'holdout10',
      label: 'holdout-10.yaml (held out, written blind on 2026-12-07 before the fifth session, run first on the code of 306c5e3)',
      items: corpus.holdout10,
    },
    {
      key: 'holdout11',
      label: 'holdout-11.yaml (held out, written blind on 2026-12-07 before the fifth session, run once after table 2026-12-09.1)',
      items: corpus.holdout11,
    },
    {
      key: 'holdout12',
      label:
        'holdout-12.yaml (held out, written blind on 2026-12-07 after holdout-11 was read, run once after guardrails.yaml 2026-12-09.2)',
      items: corpus.holdout12,
    },
    {
      key: 'holdout13',
      label: 'holdout-13.yaml (held out, written blind on 2026-12-07 after holdout-12 was read, run once on lexicon 2026-12-09.5)',
      items: corpus.holdout13,
    },
    {
      key: 'holdout14',
      label: 'holdout-14.yaml (held out, written blind on 2026-12-07 before the sixth session, run once after pii/guardrails 2026-12-10.1)',
      items: corpus.holdout14,
    },
    {
      key: 'holdout15',
      label:
        'holdout-15.yaml (held out, written blind on 2026-12-07 before the sixth session, run once on the end state: intent model 2026-12-10.1)',
      items: corpus.holdout15,
    },
    {
      key: 'holdout16',
      label:
        'holdout-16.yaml (held out, written blind on 2026-12-07 after holdout-15 was read, judged guardrails.yaml 2026-12-10.4 once; not read)',
      items: corpus.holdout16,
    },
    {
      key: 'holdout17',
      label: 'holdout-17.yaml (held out, written blind on 2026-12-07 after round 3, run once on intent model 2026-12-10.2)',
      items: corpus.holdout17,
    },
    {
      key: 'holdout18',
      label: 'holdout-18.yaml (held out, written blind at the start of the seventh session, judged round 5 once)',
      items: corpus.holdout18,
    },
    {
      key: 'holdout19',
      label: 'holdout-19.yaml (held out, written blind beside holdout-18, indirect risky requests, judged round 5 once)',
      items: corpus.holdout19,
    },
    {
      key: 'holdout20',
      label: 'holdout-20.yaml (held out, written blind after round 5 was judged, judged round 6 once)',
      items: corpus.holdout20,
    },
    {
      key: 'holdout21',
      label: 'holdout-21.yaml (held out, written blind beside holdout-20, indirect risky requests, judged round 6 once)',
      items: corpus.holdout21,
    },
    {
      key: 'holdout22',
      label: 'holdout-22.yaml (held out, written blind after round 6 was judged, judged round 7 once)',
      items: corpus.holdout22,
    },
    {
      key: 'holdout23',
      label: 'holdout-23.yaml (held out, written blind beside holdout-22, indirect risky requests, judged round 7 once)',
      items: corpus.holdout23,
    },
    {
      key: 'holdout24',
      label: 'holdout-24.yaml (held out, written blind after round 7 was judged, judged round 8 once)',
      items: corpus.holdout24,
    },
    {
      key: 'holdout25',
      label: 'holdout-25.yaml (held out, written blind beside holdout-24, indirect risky requests, judged round 8 once)',
      items: corpus.holdout25,
    },
    {
      key: 'holdout26',
      label: 'holdout-26.yaml (held out, written blind after round 8, first run on round 8)',
      items: corpus.holdout26,
    },
    {
      key: 'holdout27',
      label: 'holdout-27.yaml (held out, written blind beside holdout-26, indirect risky requests, first run on round 8)',
      items: corpus.holdout27,
    },
    {
      key: 'holdout28',
      label: 'holdout-28.yaml (held out, written blind while round 9 was built, first run on round 8)',
      items: corpus.holdout28,
    },
    {
      key: 'holdout29',
      label: 'holdout-29.yaml (held out, written blind beside holdout-28, indirect risky requests, first run on round 8)',
      items: corpus.holdout29,
    },
    {
      key: 'holdout30',
      label: "holdout-30.yaml (held out, written blind after the seventh session's end state, run once on it)",
      items: corpus.holdout30,
    },
    {
      key: 'holdout31',
      label: 'holdout-31.yaml (held out, written blind beside holdout-30, indirect risky requests, run once on the end state)',
      items: corpus.holdout31,
    },
  ];
  return sets.map((set) => ({ ...set, trained: trained.has(heldOutFile(set.key)) }));
}
