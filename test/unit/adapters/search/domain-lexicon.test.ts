import { describe, expect, it } from 'vitest';
import { DomainLexicon, lexiconKey } from '../../../../bot/adapters/search/domain-lexicon.ts';

const yaml = `version: 1
defaultWeight: 0.5
entries:
  - { terms: [IT-SD, Servicedesk], weight: 0.6 }
  - { from: [digi], to: [digital, Digitalisierung] }
`;

describe('DomainLexicon', () => {
  it('normalises keys case-, umlaut- and hyphen-insensitively', () => {
    expect(lexiconKey('E-Akte')).toBe(lexiconKey('e akte'));
    expect(lexiconKey('Führungskraft')).toBe('fuhrungskraft');
  });

  it('maps a group both ways and a one-way entry only forward, with weights', () => {
    const lexicon = DomainLexicon.fromYaml(yaml);
    expect(lexicon.byNormalisedKey(lexiconKey('ITSD'))).toEqual([{ text: 'Servicedesk', weight: 0.6 }]);
    expect(lexicon.byNormalisedKey('servicedesk')).toEqual([{ text: 'IT-SD', weight: 0.6 }]);
    expect(lexicon.byNormalisedKey('digi').map((entry) => entry.text)).toEqual(['digital', 'Digitalisierung']);
    expect(lexicon.byNormalisedKey('digital')).toEqual([]);
  });

  it('rewrites words that start with a prefix, but not words that already start with the target', () => {
    const lexicon = DomainLexicon.fromYaml(`${yaml}  - { prefix: digi, to: [digital, digitalisierungs] }\n`);
    expect(lexicon.byPrefix('digilotsen').map((entry) => entry.text)).toEqual([
      'digitallotsen',
      'digitalisierungslotsen',
      'digital lotsen',
    ]);
    expect(lexicon.byPrefix('digitalisierung')).toEqual([]);
    expect(lexicon.byPrefix('dig')).toEqual([]);
  });

  it('indexes one-word keys by stem', () => {
    const lexicon = DomainLexicon.fromYaml(yaml, (word) => word.toLowerCase().slice(0, 7));
    expect(lexicon.byStemOf('service').map((entry) => entry.text)).toEqual(['IT-SD']);
  });

  it('rejects an invalid file with a message', () => {
    expect(() => DomainLexicon.fromYaml('version: 1\ndefaultWeight: 2\nentries: []')).toThrow(/Invalid domain lexicon/);
    expect(() => DomainLexicon.fromYaml('version: 1\ndefaultWeight: 0.5\nentries: [{ terms: [KI] }]')).toThrow(/Invalid domain lexicon/);
  });

  it('loads the shipped lexicon', () => {
    const lexicon = DomainLexicon.fromFile();
    expect(lexicon?.byNormalisedKey('ki').map((entry) => entry.text)).toContain('künstliche Intelligenz');
    expect(lexicon?.byNormalisedKey(lexiconKey('Bürger*innen')).length).toBeGreaterThan(0);
  });
});
