/**
 * Our own BM25 index (k1 = 1.2, b = 0.75): integer term ids, growable postings, tombstones for removed
 * chunks (compacted on save), persisted with `v8.serialize`. Scores are accumulated into a typed array,
 * so a query costs one pass over the postings of its terms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { IdFilter, LexicalEntry, LexicalIndex, ScoredId, TextAnalyzer } from '../../ports/search.ts';
import { selectTop } from './select-top.ts';
import { closestTerm } from './spelling.ts';

/** BM25 parameters (defaults measured on XQuAD-de paragraphs, see README). */
export interface Bm25Parameters {
  readonly k1: number;
  readonly b: number;
  /** Map unknown query terms to close indexed terms (typo tolerance); off for the plain baseline. */
  readonly correctSpelling: boolean;
}

const defaultParameters: Bm25Parameters = { k1: 1.2, b: 0.75, correctSpelling: true };
const fileFormat = 'lotse-bm25-v1';

interface Postings {
  docs: number[];
  freqs: number[];
}

interface SavedIndex {
  format: string;
  ids: string[];
  lengths: number[];
  terms: [string, number[], number[]][];
}

/** A mutable in-memory BM25 index. */
export class Bm25Index implements LexicalIndex {
  private readonly termIds = new Map<string, number>();
  private postings: Postings[] = [];
  private docIds: (string | undefined)[] = [];
  private lengths: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private totalLength = 0;
  private scores = new Float64Array(0);
  private readonly corrections = new Map<string, string | undefined>();

  constructor(
    private readonly analyzer: TextAnalyzer,
    private readonly parameters: Bm25Parameters = defaultParameters,
  ) {}

  get size(): number {
    return this.slotOf.size;
  }

  upsert(entries: readonly LexicalEntry[]): void {
    this.corrections.clear();
    this.remove(entries.map((entry) => entry.id).filter((id) => this.slotOf.has(id)));
    for (const entry of entries) this.add(entry.id, this.analyzer.analyze(entry.text));
  }

  private add(id: string, terms: readonly string[]): void {
    const slot = this.docIds.length;
    this.docIds.push(id);
    this.lengths.push(terms.length);
    this.slotOf.set(id, slot);
    this.totalLength += terms.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      let termId = this.termIds.get(term);
      if (termId === undefined) {
        termId = this.postings.length;
        this.termIds.set(term, termId);
        this.postings.push({ docs: [], freqs: [] });
      }
      const list = this.postings[termId]!;
      list.docs.push(slot);
      list.freqs.push(count);
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.slotOf.delete(id);
      this.docIds[slot] = undefined;
      this.totalLength -= this.lengths[slot] ?? 0;
    }
  }

  /** BM25 idf; document frequencies include removed chunks until the next save (compaction). */
  idf(term: string): number {
    const termId = this.termIds.get(term);
    const frequency = termId === undefined ? 0 : this.postings[termId]!.docs.length;
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /** The indexed term a misspelt query term most likely means; undefined when it is known or nothing is close. */
  correct(term: string): string | undefined {
    if (!this.parameters.correctSpelling || this.termIds.has(term)) return undefined;
    if (this.corrections.has(term)) return this.corrections.get(term);
    const corrected = closestTerm(term, this.termIds.keys(), (candidate) => this.postings[this.termIds.get(candidate)!]!.docs.length);
    if (this.corrections.size > 10_000) this.corrections.clear();
    this.corrections.set(term, corrected);
    return corrected;
  }

  search(query: string, k: number, filter?: IdFilter): ScoredId[] {
    const terms = this.analyzer.expandQuery?.(query).flatMap((word) => [...word.forms, ...word.parts]) ?? this.analyzer.analyze(query);
    const termIds = [...new Set(terms.map((term) => this.correct(term) ?? term))]
      .map((term) => this.termIds.get(term))
      .filter((termId): termId is number => termId !== undefined);
    if (termIds.length === 0 || this.size === 0) return [];
    if (this.scores.length < this.docIds.length) this.scores = new Float64Array(this.docIds.length * 2);
    const scores = this.scores;
    const touched: number[] = [];
    const averageLength = this.totalLength / this.size || 1;
    const { k1, b } = this.parameters;
    // In large indexes a term found in over a tenth of all chunks adds little to the ranking but costs the most
    // time; such terms are left out as long as the query has rarer ones.
    const rare = termIds.filter((termId) => this.postings[termId]!.docs.length <= this.size * 0.1);
    const scoring = this.size > 50_000 && rare.length > 0 ? rare : termIds;
    for (const termId of scoring) {
      const list = this.postings[termId]!;
      const weight = Math.log(1 + (this.size - list.docs.length + 0.5) / (list.docs.length + 0.5));
      for (let index = 0; index < list.docs.length; index += 1) {
        const slot = list.docs[index]!;
        if (this.docIds[slot] === undefined) continue;
        const frequency = list.freqs[index]!;
        const norm = frequency + k1 * (1 - b + (b * this.lengths[slot]!) / averageLength);
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = scores[slot]! + (weight * frequency * (k1 + 1)) / norm;
      }
    }
    const candidates: ScoredId[] = [];
    for (const slot of touched) {
      const id = this.docIds[slot]!;
      if (!filter || filter(id)) candidates.push({ id, score: scores[slot]! });
      scores[slot] = 0;
    }
    return selectTop(candidates, k);
  }

  /** Writes a compacted copy of the index (removed chunks dropped). */
  save(file: string): void {
    const live = new Map<number, number>();
    const ids: string[] = [];
    const lengths: number[] = [];
    this.docIds.forEach((id, slot) => {
      if (id === undefined) return;
      live.set(slot, ids.length);
      ids.push(id);
      lengths.push(this.lengths[slot]!);
    });
    const terms: SavedIndex['terms'] = [];
    for (const [term, termId] of this.termIds) {
      const list = this.postings[termId]!;
      const docs: number[] = [];
      const freqs: number[] = [];
      list.docs.forEach((slot, index) => {
        const next = live.get(slot);
        if (next === undefined) return;
        docs.push(next);
        freqs.push(list.freqs[index]!);
      });
      if (docs.length) terms.push([term, docs, freqs]);
    }
    const saved: SavedIndex = { format: fileFormat, ids, lengths, terms };
    writeFileSync(file, serialize(saved));
  }

  /** Loads an index written by `save`; throws when the file is missing, corrupt or of another format. */
  static load(file: string, analyzer: TextAnalyzer): Bm25Index {
    const raw: unknown = deserialize(readFileSync(file));
    const saved = raw as Partial<SavedIndex> | null;
    if (!saved || saved.format !== fileFormat || !Array.isArray(saved.ids) || !Array.isArray(saved.lengths) || !Array.isArray(saved.terms)) {
      throw new Error(`Not a lotse BM25 index file: ${file}`);
    }
    const index = new Bm25Index(analyzer);
    index.docIds = saved.ids;
    index.lengths = saved.lengths;
    saved.ids.forEach((id, slot) => index.slotOf.set(id, slot));
    index.totalLength = saved.lengths.reduce((sum, length) => sum + length, 0);
    for (const [term, docs, freqs] of saved.terms) {
      index.termIds.set(term, index.postings.length);
      index.postings.push({ docs, freqs });
    }
    return index;
  }
}
