import { describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';
import { neighbourDefaults, vectorSource, withNeighbours, WordNeighbours } from '../../../../bot/adapters/search/word-neighbours.ts';

const table = WordNeighbours.parse(
  ['#lotse-word-neighbours-v1 dim=200', 'knet geld:0.82 lohn:0.71 teig:0.55', 'urlaub ferien:0.8', ''].join('\n'),
);

describe('WordNeighbours', () => {
  it('parses the neighbour lines, best first', () => {
    expect(table.size).toBe(2);
    expect(table.of('knet')).toEqual([
      { term: 'geld', similarity: 0.82 },
      { term: 'lohn', similarity: 0.71 },
      { term: 'teig', similarity: 0.55 },
    ]);
    expect(table.of('unbekannt')).toEqual([]);
  });

  it('adds close neighbours as weak related terms with source "vectors"', () => {
    const [word] = withNeighbours([{ forms: ['knet'], parts: [] }], table);
    expect(word!.related).toEqual([
      { term: 'geld', weight: neighbourDefaults.scale * 0.82, source: vectorSource },
      { term: 'lohn', weight: neighbourDefaults.scale * 0.71, source: vectorSource },
    ]);
    expect(Math.max(...word!.related!.map((entry) => entry.weight))).toBeLessThan(0.35);
  });

  it("skips the word's own terms, and terms it already relates to, and respects the cap", () => {
    const [word] = withNeighbours(
      [{ forms: ['knet'], parts: ['geld'], related: [{ term: 'lohn', weight: 0.5, source: 'thesaurus' }] }],
      table,
      { ...neighbourDefaults, perWord: 1 },
    );
    expect(word!.related).toEqual([{ term: 'lohn', weight: 0.5, source: 'thesaurus' }]);
    const [plain] = withNeighbours([{ forms: ['dienst'], parts: [] }], table);
    expect(plain).toEqual({ forms: ['dienst'], parts: [] });
  });

  it('ships a neighbour file that the analyzer uses for questions only', () => {
    const shipped = WordNeighbours.fromFile();
    expect(shipped?.size).toBeGreaterThan(10_000);
    const analyzer = createGermanAnalyzer();
    const chef = analyzer.expandQuery!('Chef').find((word) => word.forms.includes('chef'));
    expect(chef?.related?.some((entry) => entry.source === vectorSource)).toBe(true);
    expect(analyzer.analyze('Chef')).toEqual(['chef']);
    const off = createGermanAnalyzer({ wordNeighboursPath: false }).expandQuery!('Chef');
    expect(off.flatMap((word) => word.related ?? []).some((entry) => entry.source === vectorSource)).toBe(false);
  });
});
