/**
 * A small deterministic pseudo-random generator (mulberry32) for reproducible training data, corpora and
 * simulations: the same seed gives the same sequence on every machine.
 */

/** Returns a generator of numbers in [0, 1) for the seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
