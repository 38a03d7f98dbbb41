/**
 * BM25 scores of related query terms (synonyms, expanded abbreviations): a chunk that lacks a question word but
 * contains a related term gets `weight` × that term's BM25 score, taking the best related group of the word
 * (terms of one phrase add up within their group). Chunks that contain the word itself get nothing extra, so
 * expansion never outweighs the person's own words and several synonyms in one chunk do not pile up.
 */
import type { RelatedTerm } from '../../ports/search.ts';
import type { PostingList } from './posting-list.ts';

/** The index state the related scoring reads and writes. */
export interface RelatedScoringState {
  readonly docIds: readonly (string | undefined)[];
  readonly lengths: readonly number[];
  /** The scores of the query so far; related contributions are added here. */
  readonly scores: Float64Array;
  /** Slots with a non-zero score (new ones are appended). */
  readonly touched: number[];
  readonly k1: number;
  readonly b: number;
  readonly averageLength: number;
  readonly size: number;
  /** Postings of an indexed term, undefined for unknown terms. */
  postings(term: string): PostingList | undefined;
  /** Whether a term may be scored (large indexes leave out very frequent terms). */
  scorable(list: PostingList): boolean;
}

/** Reusable per-slot buffers, grown to the number of slots. */
export class RelatedScratch {
  wordHit = new Uint32Array(0);
  best = new Float64Array(0);
  group = new Float64Array(0);
  private stamp = 0;

  /** A fresh stamp for one word; clears the hit marks when the counter wraps. */
  next(slots: number): number {
    if (this.wordHit.length < slots) {
      this.wordHit = new Uint32Array(slots * 2);
      this.best = new Float64Array(slots * 2);
      this.group = new Float64Array(slots * 2);
      this.stamp = 0;
    }
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.wordHit.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

/** Whether a posting list (slots ascending, as appended) contains a slot. */
function containsSlot(list: PostingList, slot: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = list.docs[middle]!;
    if (value === slot) return true;
    if (value < slot) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** BM25 contribution of one posting entry (same formula as the main scoring loops). */
function contribution(state: RelatedScoringState, idf: number, frequency: number, slot: number): number {
  const norm = frequency + state.k1 * (1 - state.b + (state.b * state.lengths[slot]!) / state.averageLength);
  return (idf * frequency * (state.k1 + 1)) / norm;
}

/** Adds the related-term scores of one question word (`forms`: its own terms, after spelling correction). */
export function addRelatedScores(
  state: RelatedScoringState,
  scratch: RelatedScratch,
  forms: readonly string[],
  related: readonly RelatedTerm[],
): void {
  const stamp = scratch.next(state.docIds.length);
  const { wordHit, best, group } = scratch;
  const formLists = forms.map((form) => state.postings(form)).filter((list): list is PostingList => list !== undefined);
  const relatedLength = related.reduce((sum, entry) => sum + (state.postings(entry.term)?.length ?? 0), 0);
  // Mark the chunks that contain the word when that is cheap; else look each related posting up (postings are sorted).
  const marked = formLists.reduce((sum, list) => sum + list.length, 0) <= 4 * relatedLength;
  if (marked) for (const list of formLists) for (let index = 0; index < list.length; index += 1) wordHit[list.docs[index]!] = stamp;
  const hasWord = (slot: number): boolean => (marked ? wordHit[slot] === stamp : formLists.some((list) => containsSlot(list, slot)));
  const groups = new Map<string, RelatedTerm[]>();
  for (const entry of related) {
    const key = entry.group ?? `term:${entry.term}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const bestTouched: number[] = [];
  for (const members of groups.values()) {
    const groupTouched: number[] = [];
    for (const { term, weight } of members) {
      const list = state.postings(term);
      if (!list || !state.scorable(list)) continue;
      const idf = Math.log(1 + (state.size - list.length + 0.5) / (list.length + 0.5));
      for (let index = 0; index < list.length; index += 1) {
        const slot = list.docs[index]!;
        if (state.docIds[slot] === undefined || hasWord(slot)) continue;
        if (group[slot] === 0) groupTouched.push(slot);
        group[slot] = group[slot]! + weight * contribution(state, idf, list.freqs[index]!, slot);
      }
    }
    for (const slot of groupTouched) {
      if (best[slot] === 0) bestTouched.push(slot);
      if (group[slot]! > best[slot]!) best[slot] = group[slot]!;
      group[slot] = 0;
    }
  }
  const { scores, touched } = state;
  for (const slot of bestTouched) {
    if (scores[slot] === 0) touched.push(slot);
    scores[slot] = scores[slot]! + best[slot]!;
    best[slot] = 0;
  }
}
