/**
 * Our own BM25 index (k1 = 1.2, b = 0.75): integer term ids, growable postings, tombstones for removed
 * chunks (compacted on save), persisted with `v8.serialize` (bm25-file.ts). Scores are accumulated into a typed array,
 * so a query costs one pass over the postings of its terms. Related terms of the analyzer's query expansion
 * count with their weight, only in chunks that lack the question word (see `bm25-related.ts`).
 */
import type { IdFilter, LexicalEntry, LexicalIndex, ScoredId, TextAnalyzer, WordForms } from '../../ports/search.ts';
import { readBm25File, writeBm25File, type SavedIndex } from './bm25-file.ts';
import { addRelatedScores, RelatedScratch, type RelatedScoringState } from './bm25-related.ts';
import { PostingList } from './posting-list.ts';
import { selectTop } from './select-top.ts';
import { closestTerm } from './spelling.ts';
import { vectorSource } from './word-neighbours.ts';

/** BM25 parameters (defaults measured on XQuAD-de paragraphs, see docs/measurements-history.md). */
export interface Bm25Parameters {
  readonly k1: number;
  readonly b: number;
  /** Map unknown query terms to close indexed terms (typo tolerance); off for the plain baseline. */
  readonly correctSpelling: boolean;
  /** Factor on the weights of related query terms (1 = as the analyzer gives them, 0 = no expansion). */
  readonly relatedScale?: number;
  /**
   * Further factor for the related terms of a word the index contains: the documents already use the person's
   * word, so its synonyms mostly add noise ("KRZN" → "Rechenzentrum"); words the documents lack keep full weight.
   */
  readonly knownWordRelatedScale?: number;
  /**
   * Factor for the related terms of a word the index does not contain (weights capped at 1): no chunk has the
   * person's word, so its related terms compete only with the other words of the question ("Digilotsen").
   */
  readonly unknownWordRelatedScale?: number;
}

const defaultParameters: Bm25Parameters = { k1: 1.2, b: 0.75, correctSpelling: true };
const defaultKnownWordRelatedScale = 1;
const defaultUnknownWordRelatedScale = 2;

/** A mutable in-memory BM25 index. */
export class Bm25Index implements LexicalIndex {
  private readonly termIds = new Map<string, number>();
  private postings: PostingList[] = [];
  private docIds: (string | undefined)[] = [];
  private lengths: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private totalLength = 0;
  private scores = new Float64Array(0);
  private readonly corrections = new Map<string, string | undefined>();
  private readonly relatedScratch = new RelatedScratch();

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
        this.postings.push(new PostingList());
      }
      this.postings[termId]!.push(slot, count);
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
    const frequency = termId === undefined ? 0 : this.postings[termId]!.length;
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /** Whether some chunk that the filter admits contains the analysed term (scope checks of question words). */
  contains(term: string, filter?: IdFilter): boolean {
    const list = this.postings[this.termIds.get(term) ?? -1];
    for (let index = 0; list && index < list.length; index += 1) {
      const id = this.docIds[list.docs[index]!];
      if (id !== undefined && (!filter || filter(id))) return true;
    }
    return false;
  }

  /** The indexed term a misspelt query term most likely means; undefined when it is known or nothing is close. */
  correct(term: string): string | undefined {
    if (!this.parameters.correctSpelling || this.termIds.has(term)) return undefined;
    if (this.corrections.has(term)) return this.corrections.get(term);
    const corrected = closestTerm(term, this.termIds.keys(), (candidate) => this.postings[this.termIds.get(candidate)!]!.length);
    if (this.corrections.size > 10_000) this.corrections.clear();
    this.corrections.set(term, corrected);
    return corrected;
  }

  search(query: string, k: number, filter?: IdFilter): ScoredId[] {
    const words: readonly WordForms[] =
      this.analyzer.expandQuery?.(query) ?? this.analyzer.analyze(query).map((term) => ({ forms: [term], parts: [] }));
    // A German word (in the word list) is never a typo: "mitgemacht" must not become "mitgedacht".
    const terms = words.flatMap((word) =>
      [...word.forms, ...word.parts].map((term) => (word.dictionary ? term : (this.correct(term) ?? term))),
    );
    const termIds = [...new Set(terms)].map((term) => this.termIds.get(term)).filter((termId): termId is number => termId !== undefined);
    const relatedScale = this.parameters.relatedScale ?? 1;
    const expanded = relatedScale > 0 ? words.filter((word) => word.related?.length) : [];
    if ((termIds.length === 0 && expanded.length === 0) || this.size === 0) return [];
    if (this.scores.length < this.docIds.length) this.scores = new Float64Array(this.docIds.length * 2);
    const scores = this.scores;
    const touched: number[] = [];
    const averageLength = this.totalLength / this.size || 1;
    const { k1, b } = this.parameters;
    // In large indexes a term found in over a tenth of all chunks adds little to the ranking but costs the most
    // time; such terms are left out as long as the query has rarer ones.
    const rare = termIds.filter((termId) => this.postings[termId]!.length <= this.size * 0.1);
    const scoring = this.size > 50_000 && rare.length > 0 ? rare : termIds;
    const shape = { docIds: this.docIds, lengths: this.lengths, scores, touched, k1, b, averageLength };
    for (const termId of scoring) {
      const list = this.postings[termId]!;
      const weight = Math.log(1 + (this.size - list.length + 0.5) / (list.length + 0.5));
      // Two copies of the loop keep each one monomorphic (typed arrays vs. short JS arrays); one mixed loop was
      // measured 1.6 times slower.
      if (Array.isArray(list.docs)) accumulateShort(list.docs, list.freqs as number[], list.length, weight, shape);
      else accumulateTyped(list.docs, list.freqs as Uint16Array, list.length, weight, shape);
    }
    if (expanded.length) this.scoreRelated(expanded, relatedScale, { ...shape, large: this.size > 50_000 });
    const candidates: ScoredId[] = [];
    for (const slot of touched) {
      const id = this.docIds[slot]!;
      if (!filter || filter(id)) candidates.push({ id, score: scores[slot]! });
      scores[slot] = 0;
    }
    return selectTop(candidates, k);
  }

  /** Adds the weighted scores of the words' related terms (never for chunks that contain the word itself). */
  private scoreRelated(words: readonly WordForms[], scale: number, shape: ScoringState & { readonly large: boolean }): void {
    const state: RelatedScoringState = {
      ...shape,
      size: this.size,
      postings: (term) => {
        const termId = this.termIds.get(term);
        return termId === undefined ? undefined : this.postings[termId];
      },
      // Like the main loop: in large indexes a very frequent related term costs much and ranks little.
      scorable: (list) => !shape.large || list.length <= this.size * 0.1,
    };
    for (const word of words) {
      const forms = word.forms.map((term) => (word.dictionary ? term : (this.correct(term) ?? term)));
      const known = forms.some((term) => this.termIds.has(term));
      const factor =
        scale *
        (known
          ? (this.parameters.knownWordRelatedScale ?? defaultKnownWordRelatedScale)
          : (this.parameters.unknownWordRelatedScale ?? defaultUnknownWordRelatedScale));
      if (factor <= 0) continue;
      // Word-vector neighbours only stand in for a word no chunk contains (colloquial "Knete" for "Entgelt"): for a
      // known word they mostly pull in near misses.
      const candidates = known ? word.related!.filter((entry) => entry.source !== vectorSource) : word.related!;
      if (!candidates.length) continue;
      const related = factor === 1 ? candidates : candidates.map((entry) => ({ ...entry, weight: Math.min(1, entry.weight * factor) }));
      addRelatedScores(state, this.relatedScratch, forms, related);
    }
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
      for (let index = 0; index < list.length; index += 1) {
        const next = live.get(list.docs[index]!);
        if (next === undefined) continue;
        docs.push(next);
        freqs.push(list.freqs[index]!);
      }
      if (docs.length) terms.push([term, Int32Array.from(docs), Uint16Array.from(freqs)]);
    }
    writeBm25File(file, this.analyzer, { ids, lengths, terms });
  }

  /** Loads an index written by `save`; throws a clear Error when the file is missing, corrupt, of another format or analyzer. */
  static load(file: string, analyzer: TextAnalyzer): Bm25Index {
    const raw = readBm25File(file, analyzer);
    const index = new Bm25Index(analyzer);
    index.docIds = raw.ids;
    index.lengths = raw.lengths;
    raw.ids.forEach((id, slot) => index.slotOf.set(id, slot));
    index.totalLength = raw.lengths.reduce((sum, length) => sum + length, 0);
    for (const [term, docs, freqs] of raw.terms) {
      index.termIds.set(term, index.postings.length);
      index.postings.push(PostingList.from(docs, freqs));
    }
    return index;
  }
}

/** What the scoring loops read and write (the related scoring's state without its own extras). */
type ScoringState = Omit<RelatedScoringState, 'size' | 'postings' | 'scorable'>;

/** Adds the BM25 contribution of one long (typed) posting list to the scores. */
function accumulateTyped(docs: Int32Array, freqs: Uint16Array, length: number, weight: number, state: ScoringState): void {
  const { docIds, lengths, scores, touched, k1, b, averageLength } = state;
  for (let index = 0; index < length; index += 1) {
    const slot = docs[index]!;
    if (docIds[slot] === undefined) continue;
    const frequency = freqs[index]!;
    const norm = frequency + k1 * (1 - b + (b * lengths[slot]!) / averageLength);
    if (scores[slot] === 0) touched.push(slot);
    scores[slot] = scores[slot]! + (weight * frequency * (k1 + 1)) / norm;
  }
}

/** Adds the BM25 contribution of one short (JS array) posting list to the scores. */
function accumulateShort(docs: number[], freqs: number[], length: number, weight: number, state: ScoringState): void {
  const { docIds, lengths, scores, touched, k1, b, averageLength } = state;
  for (let index = 0; index < length; index += 1) {
    const slot = docs[index]!;
    if (docIds[slot] === undefined) continue;
    const frequency = freqs[index]!;
    const norm = frequency + k1 * (1 - b + (b * lengths[slot]!) / averageLength);
    if (scores[slot] === 0) touched.push(slot);
    scores[slot] = scores[slot]! + (weight * frequency * (k1 + 1)) / norm;
  }
}
