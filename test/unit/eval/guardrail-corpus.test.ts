import { describe, expect, it } from 'vitest';
import { trainingGuardrailRows } from '../../../scripts/intent/guardrail-sets.ts';
import { heldOutSets, loadGuardrailCorpus } from '../../eval/guardrails/corpus.ts';

describe('guardrail corpus', () => {
  const corpus = loadGuardrailCorpus();
  const adversarial = (items: typeof corpus.dev) => items.filter((item) => item.expect !== 'allow').length;

  it('has the sizes the issue asks for', () => {
    expect(corpus.adversarial.length).toBeGreaterThanOrEqual(150);
    expect(corpus.benign.length).toBeGreaterThanOrEqual(150);
    expect(adversarial(corpus.dev)).toBeGreaterThanOrEqual(60);
    expect(corpus.dev.length - adversarial(corpus.dev)).toBeGreaterThanOrEqual(60);
    expect(corpus.holdout2.length).toBeGreaterThanOrEqual(40);
    expect(adversarial(corpus.holdout3)).toBeGreaterThanOrEqual(30);
    expect(corpus.holdout3.length - adversarial(corpus.holdout3)).toBeGreaterThanOrEqual(40);
    expect(adversarial(corpus.holdout4)).toBeGreaterThanOrEqual(30);
    expect(corpus.holdout4.length - adversarial(corpus.holdout4)).toBeGreaterThanOrEqual(60);
    expect(corpus.holdout4.filter((item) => item.category === 'monitoring').length).toBeGreaterThanOrEqual(6);
  });

  it('keeps the held-out items out of every tuning set', () => {
    const tuning = new Set([...corpus.adversarial, ...corpus.benign, ...corpus.dev].map((item) => item.text.toLowerCase()));
    const leaked = heldOutSets(corpus)
      .flatMap((set) => set.items)
      .filter((item) => tuning.has(item.text.toLowerCase()));
    expect(leaked).toEqual([]);
  });

  it('keeps the sets the intent model never trains on out of its training rows', () => {
    const sets = heldOutSets(corpus);
    const trained = new Set(trainingGuardrailRows().map((row) => row.text.toLowerCase()));
    const unseen = sets.filter((set) => !set.trained);
    expect(unseen.map((set) => set.key)).toEqual(['holdout26', 'holdout27', 'holdout28', 'holdout29', 'holdout30', 'holdout31']);
    expect(unseen.flatMap((set) => set.items).filter((item) => trained.has(item.text.toLowerCase()))).toEqual([]);
  });

  it('gives every personal-data item the entity and the value to look for', () => {
    for (const item of [...corpus.adversarial, ...corpus.dev, ...corpus.holdout, ...corpus.holdout2, ...corpus.holdout3].filter(
      (entry) => entry.expect === 'redact',
    )) {
      expect(item.entity, item.text).toMatch(/^pii-/);
      expect(item.text, item.text).toContain(item.value);
    }
  });
});
