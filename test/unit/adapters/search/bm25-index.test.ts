import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../bot/adapters/search/bm25-index.ts';
import { createGermanAnalyzer, createPlainAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';

const analyzer = createGermanAnalyzer();
const entries = [
  { id: 'a', text: 'Beschäftigte dürfen an drei Tagen pro Woche mobil arbeiten.' },
  { id: 'b', text: 'Die Kantine öffnet um 11:30 Uhr.' },
  { id: 'c', text: 'Passwörter müssen mindestens zwölf Zeichen lang sein.' },
];

describe('Bm25Index', () => {
  it('ranks the matching chunk first and respects filters', () => {
    const index = new Bm25Index(analyzer);
    index.upsert(entries);
    expect(index.search('Wann öffnet die Kantine?', 3)[0]?.id).toBe('b');
    expect(index.search('Kantine', 3, (id) => id !== 'b')).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('tolerates a typo in the query', () => {
    const index = new Bm25Index(analyzer);
    index.upsert(entries);
    expect(index.search('Pasword Zeichen', 1)[0]?.id).toBe('c');
  });

  it('removes and replaces entries', () => {
    const index = new Bm25Index(analyzer);
    index.upsert(entries);
    index.remove(['b']);
    expect(index.search('Kantine', 3)).toEqual([]);
    index.upsert([{ id: 'a', text: 'Die Kantine ist geschlossen.' }]);
    expect(index.search('Kantine', 3).map((hit) => hit.id)).toEqual(['a']);
    expect(index.size).toBe(2);
  });

  it('saves, loads and rejects a corrupt file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bm25-'));
    const index = new Bm25Index(analyzer);
    index.upsert(entries);
    index.remove(['c']);
    index.save(join(dir, 'bm25.bin'));
    const loaded = Bm25Index.load(join(dir, 'bm25.bin'), analyzer);
    expect(loaded.size).toBe(2);
    expect(loaded.search('mobil arbeiten', 1)[0]?.id).toBe('a');
    expect(loaded.idf('kantin')).toBeCloseTo(index.idf('kantin'), 1);
    writeFileSync(join(dir, 'broken.bin'), 'not an index');
    expect(() => Bm25Index.load(join(dir, 'broken.bin'), analyzer)).toThrow(/BM25 index/);
    expect(() => Bm25Index.load(join(dir, 'missing.bin'), analyzer)).toThrow(/rebuild/);
  });

  it('refuses a file of the previous format (v1, plain arrays) so the knowledge base rebuilds it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bm25-'));
    const v1 = { format: 'lotse-bm25-v1', ids: ['a'], lengths: [2], terms: [['kantin', [0], [1]]] };
    writeFileSync(join(dir, 'bm25.bin'), serialize(v1));
    expect(() => Bm25Index.load(join(dir, 'bm25.bin'), analyzer)).toThrow(/rebuild/);
  });

  it('refuses a file written with another analyzer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bm25-'));
    const index = new Bm25Index(analyzer);
    index.upsert(entries);
    index.save(join(dir, 'bm25.bin'));
    expect(() => Bm25Index.load(join(dir, 'bm25.bin'), createPlainAnalyzer())).toThrow(/analyzer/);
  });

  it('keeps long posting lists exact across growth, removal and a save/load round trip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bm25-'));
    const index = new Bm25Index(analyzer);
    const many = Array.from({ length: 300 }, (_, position) => ({
      id: `d${position}`,
      text: `Antrag ${'Frist '.repeat(1 + (position % 7))} Nummer ${position}`,
    }));
    index.upsert(many);
    index.remove(['d6', 'd13']);
    const before = index.search('Frist', 300);
    expect(before).toHaveLength(298);
    expect(before.map((hit) => hit.id)).not.toContain('d6');
    expect(before[0]!.score).toBeGreaterThan(before.at(-1)!.score);
    index.save(join(dir, 'bm25.bin'));
    const loaded = Bm25Index.load(join(dir, 'bm25.bin'), analyzer);
    expect(
      loaded
        .search('Frist', 300)
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(before.map((hit) => hit.id).sort());
    expect(loaded.search('Nummer 123', 1)[0]?.id).toBe('d123');
  });

  it('scores like textbook BM25 for a single-term query', () => {
    const plain = createPlainAnalyzer();
    const index = new Bm25Index(plain, { k1: 1.2, b: 0.75, correctSpelling: false });
    index.upsert([
      { id: 'a', text: 'x y' },
      { id: 'b', text: 'x x y z' },
      { id: 'c', text: 'z' },
    ]);
    const idf = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
    const average = (2 + 4 + 1) / 3;
    const expected = (frequency: number, length: number) =>
      (idf * frequency * 2.2) / (frequency + 1.2 * (1 - 0.75 + (0.75 * length) / average));
    const hits = index.search('x', 3);
    expect(hits.map((hit) => hit.id)).toEqual(['b', 'a']);
    expect(hits[0]!.score).toBeCloseTo(expected(2, 4), 10);
    expect(hits[1]!.score).toBeCloseTo(expected(1, 2), 10);
    expect(index.idf('x')).toBeCloseTo(idf, 10);
  });
});

describe('Bm25Index spelling correction and German words', () => {
  it('corrects a typo but never a German word the index lacks ("mitgemacht" is not "mitgedacht")', async () => {
    const { createGermanAnalyzer } = await import('../../../../bot/adapters/search/german-analyzer.ts');
    const index = new Bm25Index(createGermanAnalyzer());
    index.upsert([
      { id: 'thinking', text: 'Viele haben mitgedacht und Vorschläge gemacht.' },
      { id: 'office', text: 'Das Homeoffice ist an zwei Tagen möglich.' },
    ]);
    expect(index.search('wer hat mitgemacht', 5).map((hit) => hit.id)).not.toContain('thinking');
    expect(index.search('homeofice', 5).map((hit) => hit.id)).toEqual(['office']);
  });
});
