/**
 * `Embedder` over a local ONNX sentence-embedding model with `@huggingface/transformers` (an optional
 * dependency, imported only when used). Never downloads: the model folder must be on disk in the
 * transformers.js layout `<folder>/{config.json,tokenizer.json,tokenizer_config.json,onnx/model.onnx}`.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Embedder } from '../../ports/search.ts';
import { AppError, describeError } from '../../shared/errors.ts';

/** Embedder options. */
export interface OnnxEmbedderOptions {
  /** The model folder itself, e.g. `/srv/lotse/models/intfloat/multilingual-e5-small` (`EMBEDDINGS_LOCAL_PATH`). */
  readonly modelPath: string;
  /** Texts per inference call (default 16). */
  readonly batchSize?: number;
  /** Prepended to every text, e.g. `passage: ` for e5 models (default none). */
  readonly prefix?: string;
}

const requiredFiles = ['config.json', 'tokenizer.json', 'tokenizer_config.json', join('onnx', 'model.onnx')];

function checkFolder(modelPath: string): void {
  const missing = requiredFiles.filter((file) => !existsSync(join(modelPath, file)));
  if (missing.length > 0) {
    throw new AppError(
      `ONNX embedding model not found in ${modelPath}: missing ${missing.join(', ')} ` +
        '(set EMBEDDINGS_LOCAL_PATH to a folder with config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx)',
      { modelPath, missing },
    );
  }
}

async function importTransformers(): Promise<typeof import('@huggingface/transformers')> {
  try {
    return await import('@huggingface/transformers');
  } catch (error) {
    throw new AppError(`@huggingface/transformers is not installed (optional dependency): ${describeError(error)}`, {}, { cause: error });
  }
}

function toRows(value: unknown, expected: number): number[][] {
  if (!Array.isArray(value) || value.length !== expected) throw new AppError('ONNX embedder returned an unexpected shape');
  return value.map((row: unknown) => {
    if (!Array.isArray(row) || !row.every((cell) => typeof cell === 'number')) {
      throw new AppError('ONNX embedder returned a non-numeric vector');
    }
    return row as number[];
  });
}

/**
 * Loads the model (offline only), measures its vector size and returns the embedder
 * (mean pooling over tokens, L2-normalised).
 * @example const embedder = await createOnnxEmbedder({ modelPath: config.embeddingsLocalPath });
 */
export async function createOnnxEmbedder(options: OnnxEmbedderOptions): Promise<Embedder> {
  const modelPath = resolve(options.modelPath);
  checkFolder(modelPath);
  const transformers = await importTransformers();
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  transformers.env.localModelPath = dirname(modelPath) + '/';
  const modelId = basename(modelPath);
  const extractor = await transformers.pipeline('feature-extraction', modelId, { dtype: 'fp32', local_files_only: true });
  const prefix = options.prefix ?? '';
  const batchSize = Math.max(1, options.batchSize ?? 16);
  const run = async (texts: readonly string[]): Promise<number[][]> => {
    const output = await extractor(
      texts.map((text) => prefix + text),
      { pooling: 'mean', normalize: true },
    );
    return toRows(output.tolist(), texts.length);
  };
  const dimensions = (await run(['Dimension']))[0]?.length ?? 0;
  if (dimensions <= 0) throw new AppError('ONNX embedder returned an empty vector', { modelPath });
  return {
    id: `onnx:${basename(dirname(modelPath))}/${modelId}`,
    dimensions,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) vectors.push(...(await run(texts.slice(start, start + batchSize))));
      return vectors;
    },
  };
}
