import { describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../../../../bot/adapters/search/hashed-ngram-embedder.ts';
import { foldGerman } from '../../../../bot/shared/text.ts';

const dot = (x: readonly number[], y: readonly number[]): number => x.reduce((sum, value, index) => sum + value * y[index]!, 0);

/** The straightforward definition: every 3..5-gram of the padded word hashed on its own (FNV-1a, signed bucket), log-damped, L2-normalised. */
function referenceVector(text: string, dimensions: number): number[] {
  const vector = new Float64Array(dimensions);
  for (const word of foldGerman(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = ` ${word} `;
    for (let n = 3; n <= 5; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1) {
        let hash = 0x811c9dc5;
        for (let index = start; index < start + n; index += 1) hash = Math.imul(hash ^ padded.charCodeAt(index), 0x01000193);
        const unsigned = hash >>> 0;
        vector[unsigned % dimensions]! += unsigned & 0x80000000 ? -1 : 1;
      }
    }
  }
  const damped = Array.from(vector, (value) => (value === 0 ? 0 : Math.sign(value) * (1 + Math.log(Math.abs(value)))));
  const norm = Math.hypot(...damped);
  return damped.map((value) => (norm > 0 ? value / norm : 0));
}

describe('HashedNgramEmbedder', () => {
  it('gives the same vectors as hashing every n-gram on its own (snapshots stay valid)', async () => {
    const texts = ['Antrag auf Mietzuschuss', 'Öffnungszeiten der Kantine: 11:30 Uhr', 'a bc def Straße § 4', 'x'];
    const embedded = await new HashedNgramEmbedder({ dimensions: 512 }).embed(texts);
    texts.forEach((text, index) => {
      const reference = referenceVector(text, 512);
      embedded[index]!.forEach((value, position) => expect(value).toBeCloseTo(reference[position]!, 12));
    });
  });

  it('names its configuration in the id and returns vectors of its dimensions', async () => {
    const embedder = new HashedNgramEmbedder({ dimensions: 128 });
    expect(embedder.id).toBe('hash-ngram-3-5-128');
    const [vector] = await embedder.embed(['Antrag auf Mietzuschuss']);
    expect(vector).toHaveLength(128);
    expect(Array.isArray(vector)).toBe(true);
    expect(dot(vector!, vector!)).toBeCloseTo(1, 6);
  });

  it('returns a zero vector for text without letters or digits', async () => {
    const [vector] = await new HashedNgramEmbedder({ dimensions: 32 }).embed(['  …  ']);
    expect(vector!.every((value) => value === 0)).toBe(true);
  });

  it('brings "Mietzuschuss" close to "Zuschuss zur Miete" and folds umlauts', async () => {
    const embedder = new HashedNgramEmbedder();
    const [query, paraphrase, unrelated, folded, umlaut] = await embedder.embed([
      'Mietzuschuss',
      'Zuschuss zur Miete',
      'Kantine Öffnungszeiten',
      'Offnungszeiten',
      'Öffnungszeiten',
    ]);
    expect(dot(query!, paraphrase!)).toBeGreaterThan(dot(query!, unrelated!) + 0.1);
    expect(dot(folded!, umlaut!)).toBeCloseTo(1, 6);
  });
});
