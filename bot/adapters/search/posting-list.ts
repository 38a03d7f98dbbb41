/**
 * The postings of one term: document slots and term frequencies. Short lists (most terms) stay small
 * JS arrays; a list that grows past `typedFrom` entries moves into typed arrays (Int32 slots, Uint16
 * frequencies) that double on growth, which halves the memory of the long lists that dominate the index.
 */

const typedFrom = 32;
const maxFrequency = 65_535;

/** Append-only postings of one term. */
export class PostingList {
  docs: Int32Array | number[] = [];
  freqs: Uint16Array | number[] = [];
  length = 0;

  /** Appends one document slot with its term frequency. */
  push(slot: number, frequency: number): void {
    const clamped = Math.min(frequency, maxFrequency);
    if (Array.isArray(this.docs)) {
      this.docs.push(slot);
      (this.freqs as number[]).push(clamped);
      this.length += 1;
      if (this.length >= typedFrom) this.grow(typedFrom * 2);
      return;
    }
    if (this.length === this.docs.length) this.grow(this.length * 2);
    this.docs[this.length] = slot;
    this.freqs[this.length] = clamped;
    this.length += 1;
  }

  private grow(capacity: number): void {
    const docs = new Int32Array(capacity);
    const freqs = new Uint16Array(capacity);
    for (let index = 0; index < this.length; index += 1) {
      docs[index] = this.docs[index]!;
      freqs[index] = this.freqs[index]!;
    }
    this.docs = docs;
    this.freqs = freqs;
  }

  /** A list holding exactly the given entries (used when loading a saved index); adopts long typed arrays. */
  static from(docs: Int32Array, freqs: Uint16Array): PostingList {
    const list = new PostingList();
    if (docs.length >= typedFrom) {
      list.docs = docs;
      list.freqs = freqs;
      list.length = docs.length;
      return list;
    }
    for (let index = 0; index < docs.length; index += 1) list.push(docs[index]!, freqs[index]!);
    return list;
  }
}
