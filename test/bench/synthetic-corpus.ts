/**
 * Synthetic distractor chunks for scale benchmarks: sentences of the real paragraphs recombined at
 * random (seeded), so that vocabulary and length resemble the real corpus.
 */

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` chunks of 4–7 random sentences drawn from `sources`. */
export function syntheticChunks(count: number, sources: readonly { text: string }[], seed = 7): { id: string; text: string }[] {
  const sentences = sources.flatMap((source) => source.text.split(/(?<=[.!?])\s+/)).filter((sentence) => sentence.length > 30);
  const random = seededRandom(seed);
  return Array.from({ length: Math.max(0, count) }, (_, index) => {
    const length = 4 + Math.floor(random() * 4);
    const picked = Array.from({ length }, () => sentences[Math.floor(random() * sentences.length)]!);
    return { id: `synthetic-${index}`, text: picked.join(' ') };
  });
}
