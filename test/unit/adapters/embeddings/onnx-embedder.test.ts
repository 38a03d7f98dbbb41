import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOnnxEmbedder } from '../../../../bot/adapters/embeddings/onnx-embedder.ts';

const root = join(import.meta.dirname, '../../../..');
const modelPath = join(root, 'test/fixtures/tiny-bert/lotse/tiny-german-bert');
const transformersInstalled = existsSync(join(root, 'node_modules/@huggingface/transformers/package.json'));

function cosine(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
}

describe('createOnnxEmbedder', () => {
  it('names the missing files when the model folder is absent', async () => {
    await expect(createOnnxEmbedder({ modelPath: join(root, 'test/fixtures/tiny-bert/lotse/missing') })).rejects.toThrow(
      /ONNX embedding model not found in .*missing: missing config\.json, tokenizer\.json, tokenizer_config\.json, onnx\/model\.onnx/,
    );
  });

  it.skipIf(!transformersInstalled)('loads the tiny BERT fixture offline and returns normalised mean-pooled vectors', async () => {
    const embedder = await createOnnxEmbedder({ modelPath, batchSize: 2 }); // no load-time assertion: a hang hits the test limit
    expect(embedder.id).toBe('onnx:lotse/tiny-german-bert');
    expect(embedder.dimensions).toBe(32);
    const [steuer, steuerAgain, urlaub] = await embedder.embed([
      'Wie hoch ist die Hundesteuer?',
      'Hundesteuer: wie hoch?',
      'Urlaub und Dienstreise',
    ]);
    for (const vector of [steuer, steuerAgain, urlaub]) {
      expect(vector).toHaveLength(32);
      expect(Math.hypot(...vector!)).toBeCloseTo(1, 5);
    }
    // shared word pieces (hund, ##steuer, wie, hoch) dominate the mean; unrelated words do not
    expect(cosine(steuer!, steuerAgain!)).toBeGreaterThan(0.8);
    expect(cosine(steuer!, urlaub!)).toBeLessThan(cosine(steuer!, steuerAgain!) - 0.3);
  });

  it.skipIf(!transformersInstalled)('is deterministic and independent of batching', async () => {
    const embedder = await createOnnxEmbedder({ modelPath, batchSize: 1 });
    const texts = ['Bürgerbüro Öffnungszeiten', 'Führerschein Zulassungsstelle'];
    const single = await embedder.embed(texts);
    const batched = await (await createOnnxEmbedder({ modelPath, batchSize: 8 })).embed(texts);
    single.forEach((vector, row) => vector.forEach((value, column) => expect(value).toBeCloseTo(batched[row]![column]!, 5)));
  });
});
