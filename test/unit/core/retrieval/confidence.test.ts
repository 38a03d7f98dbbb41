import { describe, expect, it } from 'vitest';
import { confidenceFromFeatures, estimateConfidence, evidenceFeatures, type EvidenceFeatures } from '../../../../bot/core/retrieval/confidence.ts';
import type { RetrievalHit } from '../../../../bot/core/retrieval/hybrid-retriever.ts';
import { fakeAnalyzer } from '../../../fakes/fake-analyzer.ts';
import { InMemoryLexicalIndex } from '../../../fakes/in-memory-lexical-index.ts';

const texts: Record<string, string> = {
  kantine: 'Die Kantine öffnet um 11:30 Uhr. Sie schließt um 14 Uhr.',
  kantineMenu: 'Die Kantine bietet jeden Tag vegetarische Gerichte an.',
  passwort: 'Passwörter müssen zwölf Zeichen haben. Sie werden alle 90 Tage geändert.',
  urlaub: 'Urlaub wird im Mitarbeiterportal beantragt.',
};
const lexical = new InMemoryLexicalIndex(fakeAnalyzer);
lexical.upsert(Object.entries(texts).map(([id, text]) => ({ id, text })));

const hit = (id: string, overrides: Partial<RetrievalHit> = {}): RetrievalHit => ({
  id, score: 1, lexicalScore: 1, lexicalRank: 0, vectorScore: 0.4, vectorRank: 0, evidence: null, ...overrides,
});
const confidence = (query: string, hits: RetrievalHit[]) =>
  estimateConfidence({ query, hits, textOf: (id) => texts[id] ?? '', analyzer: fakeAnalyzer, lexical });

describe('estimateConfidence', () => {
  it('stays within 0..1 and is 0 without hits', () => {
    for (const query of ['Wann öffnet die Kantine?', 'Hundesteuer', '']) {
      const value = confidence(query, [hit('kantine')]);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(confidence('Wann öffnet die Kantine?', [])).toBe(0);
  });

  it('is higher when the best passage answers the question than for a same-topic passage', () => {
    const answering = confidence('Wann öffnet die Kantine?', [hit('kantine')]);
    const sameTopic = confidence('Wann öffnet die Kantine?', [hit('kantineMenu')]);
    const offTopic = confidence('Wann öffnet die Kantine?', [hit('urlaub')]);
    expect(answering).toBeGreaterThan(sameTopic);
    expect(sameTopic).toBeGreaterThan(offTopic);
  });

  it('falls when the question asks about something the documents never mention', () => {
    const known = confidence('Wie lang müssen Passwörter sein?', [hit('passwort')]);
    const unknown = confidence('Wie lang müssen Passwörter für Hundesteuerbescheide sein?', [hit('passwort')]);
    expect(known).toBeGreaterThan(unknown);
  });
});

describe('confidenceFromFeatures', () => {
  const base: EvidenceFeatures = {
    passageCoverage: 0.5, sentenceCoverage: 0.5, softSentence: 0.5, maxMissing: 0.3, unknownShare: 0.2,
    vectorSimilarity: 0.3, agreement: 0, margin: 0.3,
  };
  const rising = ['passageCoverage', 'sentenceCoverage', 'softSentence', 'vectorSimilarity', 'agreement', 'margin'] as const;
  const falling = ['maxMissing', 'unknownShare'] as const;
  const sweep = (feature: keyof EvidenceFeatures) => [0, 0.25, 0.5, 0.75, 1].map((value) => confidenceFromFeatures({ ...base, [feature]: value }));

  it.each(rising)('rises strictly with %s', (feature) => {
    const values = sweep(feature);
    values.slice(1).forEach((value, index) => expect(value).toBeGreaterThan(values[index]!));
  });

  it.each(falling)('falls strictly with %s', (feature) => {
    const values = sweep(feature);
    values.slice(1).forEach((value, index) => expect(value).toBeLessThan(values[index]!));
  });

  it('maps full evidence near 1 and no evidence near 0', () => {
    const full = { passageCoverage: 1, sentenceCoverage: 1, softSentence: 1, maxMissing: 0, unknownShare: 0, vectorSimilarity: 0.7, agreement: 1, margin: 1 };
    const none = { passageCoverage: 0, sentenceCoverage: 0, softSentence: 0, maxMissing: 1, unknownShare: 1, vectorSimilarity: 0, agreement: 0, margin: 0 };
    expect(confidenceFromFeatures(full)).toBeGreaterThan(0.95);
    expect(confidenceFromFeatures(none)).toBeLessThan(0.01);
  });

  it('exposes the features it is computed from', () => {
    const features = evidenceFeatures({ query: 'Öffnet die Kantine?', hits: [hit('kantine')], textOf: (id) => texts[id] ?? '', analyzer: fakeAnalyzer, lexical });
    expect(features.sentenceCoverage).toBeCloseTo(1);
    expect(features.softSentence).toBeCloseTo(1);
    expect(features.maxMissing).toBe(0);
    expect(features.unknownShare).toBe(0);
    expect(features.agreement).toBe(1);
    expect(features.vectorSimilarity).toBeCloseTo(0.4);
  });
});
