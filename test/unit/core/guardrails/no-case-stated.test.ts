/**
 * Issue #17, decision table 2026-12-08.5 (lexicon 2026-12-08.8): a question that says it is about nobody in particular
 * ("ohne Namen", "mit Platzhaltern", "ganz allgemein") cancels one piece of decision/case-data evidence, so a neutral
 * draft needs the raised threshold; a draft for a named person or with a client's data keeps its evidence. Probabilities
 * are set by hand (the table and the word classes are tested, not the model). Every sentence was written for this test.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../bot/core/guardrails/feature-rules.ts';
import { thresholdFor } from '../../../../bot/core/guardrails/intent-decision.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

const policies = loadPolicies(join(import.meta.dirname, '../../../../policies'), { today: '2026-12-08' });
const caseData = policies.intents!.rows.find((row) => row.intent === 'case-data')!;
const threshold = (text: string): number =>
  thresholdFor(caseData, false, { lexicon: policies.lexicon!, tokens: tokenize(text), spans: new Map() });

describe('a draft about nobody in particular', () => {
  it('has no case evidence', () => {
    for (const text of [
      'schreib mir eine höfliche Nachforderung an Antragsteller wegen fehlender Unterlagen, ganz allgemein ohne Namen',
      'Entwirf ein Anschreiben an Bürger mit Platzhaltern für Anschrift und Aktenzeichen',
    ])
      expect(threshold(text), text).toBe(caseData.evidence!.without);
  });
});

describe('a draft for a person or a case', () => {
  it('keeps its evidence', () => {
    for (const text of [
      'schreib mir eine Nachforderung an den Antragsteller wegen fehlender Unterlagen',
      'Entwirf ein Anschreiben an ph_name wegen ihrer Unterlagen',
    ])
      expect(threshold(text), text).toBe(caseData.threshold);
  });
});
