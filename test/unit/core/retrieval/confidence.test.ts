import { describe, expect, it } from 'vitest';
import {
  confidenceFromFeatures,
  estimateConfidence,
  evidenceFeatures,
  type EvidenceFeatures,
} from '../../../../bot/core/retrieval/confidence.ts';
import type { RetrievalHit } from '../../../../bot/core/retrieval/hybrid-retriever.ts';
import { fakeAnalyzer } from '../../../fakes/fake-analyzer.ts';
import { InMemoryLexicalIndex } from '../../../fakes/in-memory-lexical-index.ts';

const texts: Record<string, string> = {
  kantine: 'Die Kantine öffnet um 11:30 Uhr. Sie schließt um 14 Uhr.',
  kantineMenu: 'Die Kantine bietet jeden Tag vegetarische Gerichte an.',
  kantinePlan: 'Die Kantine bietet jeden Tag vegetarische Gerichte an. Im Flur hängt der Plan. Es gibt 12 Gerichte in der Kantine.',
  passwort: 'Passwörter müssen zwölf Zeichen haben. Sie werden alle 90 Tage geändert.',
  urlaub: 'Urlaub wird im Mitarbeiterportal beantragt.',
  leitung: 'Die Leitung der Kantine hat eine neue Stelle. Frau Brandt leitet die Kantine seit 2024.',
  leitungOffen: 'Die Leitung der Kantine wird neu besetzt. Die Stelle ist ausgeschrieben.',
  mobil: 'Ausstattungsgrad mobiler Arbeitsplätze: 2021 waren es 60 Prozent, 2025 sind es 89 Prozent.',
};
const lexical = new InMemoryLexicalIndex(fakeAnalyzer);
lexical.upsert(Object.entries(texts).map(([id, text]) => ({ id, text })));

const hit = (id: string, overrides: Partial<RetrievalHit> = {}): RetrievalHit => ({
  id,
  score: 1,
  lexicalScore: 1,
  lexicalRank: 0,
  vectorScore: 0.4,
  vectorRank: 0,
  evidence: null,
  ...overrides,
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

/** The features of `query` over the one passage `id`. */
const featuresOver = (query: string, id: string) =>
  evidenceFeatures({ query, hits: [hit(id)], textOf: (chunk) => texts[chunk] ?? '', analyzer: fakeAnalyzer, lexical });

describe('evidenceFeatures: topic words and single-word evidence', () => {
  const features = featuresOver;

  it('flags a best window that shares only one word with a longer question', () => {
    expect(features('Wie beantrage ich Elterngeld?', 'urlaub').singleWord).toBe(1);
    expect(features('Wo wird Urlaub beantragt?', 'urlaub').singleWord).toBe(0);
  });

  it('weighs an unknown word the passages do not bridge (unknownAbsent), not one they cover by a compound part', () => {
    expect(features('Wie beantrage ich Elterngeld?', 'urlaub').unknownAbsent).toBeGreaterThan(0.3);
    expect(features('Urlaub im Mitarbeiterportal beantragt?', 'urlaub').unknownAbsent).toBe(0);
  });
});

describe('evidenceFeatures: missingNamedValue', () => {
  const features = featuresOver;

  it('is 1 when a name is asked for and the passage names only the role', () => {
    expect(features('Wer leitet die Kantine?', 'leitungOffen').missingNamedValue).toBe(1);
    expect(features('Wer leitet die Kantine?', 'leitung').missingNamedValue).toBe(0);
  });

  it('is 0 for a question that asks for no name, amount or phone number', () => {
    expect(features('Ist die Stelle in der Kantine ausgeschrieben?', 'leitungOffen').missingNamedValue).toBe(0);
  });
});

describe('evidenceFeatures: otherYear', () => {
  const features = (query: string) =>
    evidenceFeatures({ query, hits: [hit('mobil')], textOf: (id) => texts[id] ?? '', analyzer: fakeAnalyzer, lexical });

  it('is 1 when the passage gives other years than the one asked for, 0 when it gives that year', () => {
    expect(features('Ausstattungsgrad mobiler Arbeitsplätze 2023?').otherYear).toBe(1);
    expect(features('Ausstattungsgrad mobiler Arbeitsplätze 2025?').otherYear).toBe(0);
    expect(features('Ausstattungsgrad mobiler Arbeitsplätze?').otherYear).toBe(0);
  });

  it('ignores the year that names a paper ("Strategie 2023")', () => {
    expect(features('Ausstattungsgrad mobiler Arbeitsplätze laut Strategie 2023?').otherYear).toBe(0);
  });
});

describe('confidenceFromFeatures (the fitted model)', () => {
  const base: EvidenceFeatures = {
    passageCoverage: 0.6,
    sentenceCoverage: 0.6,
    softSentence: 0.6,
    maxMissing: 0.2,
    unknownShare: 0.1,
    vectorSimilarity: 0.3,
    agreement: 1,
    margin: 0.5,
    missingNumber: 0,
    missingAnswerType: 0,
    strictSentence: 0.6,
    knownSentence: 0.7,
    knownAbsent: 0,
    unknownAbsent: 0,
    singleWord: 0,
    dominantAbsent: 0,
    allUnknown: 0,
    focusAnswered: 1,
    outsideScope: 0,
    asksSpecifics: 0,
    betterElsewhere: 0,
    otherYear: 0,
    neighbourPassage: 0,
    missingNamedValue: 0,
    indefiniteOnly: 0,
    pairProximity: 0,
    onlyGivenValue: 0,
    missingUnit: 0,
    missingProperName: 0,
  };
  const full: EvidenceFeatures = {
    ...base,
    passageCoverage: 1,
    sentenceCoverage: 1,
    softSentence: 1,
    maxMissing: 0,
    unknownShare: 0,
    strictSentence: 1,
    knownSentence: 1,
    margin: 1,
  };
  const none: EvidenceFeatures = {
    passageCoverage: 0,
    sentenceCoverage: 0,
    softSentence: 0,
    maxMissing: 1,
    unknownShare: 1,
    vectorSimilarity: 0,
    agreement: 0,
    margin: 0,
    missingNumber: 1,
    missingAnswerType: 1,
    strictSentence: 0,
    knownSentence: 0,
    knownAbsent: 1,
    unknownAbsent: 1,
    singleWord: 1,
    dominantAbsent: 1,
    allUnknown: 1,
    focusAnswered: 0,
    outsideScope: 1,
    asksSpecifics: 1,
    betterElsewhere: 1,
    otherYear: 1,
    neighbourPassage: 0,
    missingNamedValue: 1,
    indefiniteOnly: 0,
    pairProximity: 0,
    onlyGivenValue: 0,
    missingUnit: 0,
    missingProperName: 0,
  };

  it('answers on full evidence and abstains on none at ANSWER_MIN_CONFIDENCE 0.4', () => {
    expect(confidenceFromFeatures(full)).toBeGreaterThan(0.8);
    expect(confidenceFromFeatures(none)).toBeLessThan(0.05);
  });

  it('lowers confidence when a number of the question is missing or the answer type is absent', () => {
    expect(confidenceFromFeatures({ ...base, missingNumber: 1 })).toBeLessThan(confidenceFromFeatures(base));
    expect(confidenceFromFeatures({ ...base, missingAnswerType: 1 })).toBeLessThan(confidenceFromFeatures(base));
  });

  it('abstains on full word coverage when the name, amount or phone number asked for is missing', () => {
    const roleOnly = { ...full, missingAnswerType: 1, missingNamedValue: 1 };
    expect(confidenceFromFeatures({ ...full, missingAnswerType: 1 })).toBeGreaterThan(confidenceFromFeatures(roleOnly));
    expect(confidenceFromFeatures(roleOnly)).toBeLessThan(0.4);
  });

  it('lowers confidence when question words are unknown to the corpus or absent from the passages', () => {
    expect(confidenceFromFeatures({ ...base, unknownShare: 0.6 })).toBeLessThan(confidenceFromFeatures(base));
    // The fit may leave a feature out (weight 0) but never lets it act in the wrong direction.
    for (const feature of ['knownAbsent', 'unknownAbsent', 'dominantAbsent', 'outsideScope', 'maxMissing', 'asksSpecifics'] as const) {
      expect(confidenceFromFeatures({ ...base, [feature]: 1 })).toBeLessThanOrEqual(confidenceFromFeatures(base));
    }
  });

  it('rises with the coverage of the best window', () => {
    const coverage = (value: number) => ({
      ...base,
      softSentence: value,
      sentenceCoverage: value,
      strictSentence: value,
      knownSentence: value,
    });
    expect(confidenceFromFeatures(coverage(0.9))).toBeGreaterThan(confidenceFromFeatures(coverage(0.3)));
  });

  it('exposes the features it is computed from', () => {
    const features = evidenceFeatures({
      query: 'Öffnet die Kantine?',
      hits: [hit('kantine')],
      textOf: (id) => texts[id] ?? '',
      analyzer: fakeAnalyzer,
      lexical,
    });
    expect(features.sentenceCoverage).toBeCloseTo(1);
    expect(features.softSentence).toBeCloseTo(1);
    expect(features.maxMissing).toBe(0);
    expect(features.unknownShare).toBe(0);
    expect(features.agreement).toBe(1);
    expect(features.vectorSimilarity).toBeCloseTo(0.4);
    expect(features.missingAnswerType).toBe(0);
    expect(features.knownAbsent).toBe(0);
  });

  it('flags a year of the question that no passage contains, and a missing answer type', () => {
    const year = evidenceFeatures({
      query: 'Wann öffnete die Kantine 2019?',
      hits: [hit('kantine')],
      textOf: (id) => texts[id] ?? '',
      analyzer: fakeAnalyzer,
      lexical,
    });
    expect(year.missingNumber).toBe(1);
    const type = evidenceFeatures({
      query: 'Wie viele Gerichte bietet die Kantine?',
      hits: [hit('kantineMenu')],
      textOf: (id) => texts[id] ?? '',
      analyzer: fakeAnalyzer,
      lexical,
    });
    expect(type.missingAnswerType).toBe(1);
  });

  it('measures the coverage lost when the sentence must hold the asked-for value (an article is no number)', () => {
    const article = evidenceFeatures({
      query: 'Wie viele Gerichte bietet die Kantine?',
      hits: [hit('kantineMenu')],
      textOf: () => 'Die Kantine bietet eine Auswahl an Gerichten.',
      analyzer: fakeAnalyzer,
      lexical,
    });
    expect(article.missingAnswerType).toBe(1);
    const elsewhere = evidenceFeatures({
      query: 'Wie viele Gerichte bietet die Kantine?',
      hits: [hit('kantinePlan')],
      textOf: (id) => texts[id] ?? '',
      analyzer: fakeAnalyzer,
      lexical,
    });
    expect(elsewhere.missingAnswerType).toBeGreaterThan(0);
    expect(elsewhere.missingAnswerType).toBeLessThan(1);
  });
});
