import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../bot/adapters/search/bm25-index.ts';
import { createGermanAnalyzer } from '../../../../bot/adapters/search/german-analyzer.ts';

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
    expect(() => Bm25Index.load(join(dir, 'broken.bin'), analyzer)).toThrow();
  });
});
