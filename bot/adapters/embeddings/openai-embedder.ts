/**
 * `Embedder` over an OpenAI-compatible or Azure embeddings endpoint. Always asks for float vectors:
 * openai 6.x defaults to base64 and silently returns [] from servers that ignore it (Ollama, vLLM).
 */
import { z } from 'zod';
import { createOpenAiClient, type RemoteLlmConfig } from '../llm/openai-client.ts';
import { mapChatError } from '../llm/map-chat-error.ts';
import type { Embedder } from '../../ports/search.ts';
import { AppError } from '../../shared/errors.ts';

/** Embedder options. */
export interface OpenAiEmbedderOptions {
  /** Embedding model (OpenAI) or deployment (Azure); defaults to `EMBEDDINGS_MODEL`. */
  readonly model?: string;
  /** Vector size; probed with one request when absent. */
  readonly dimensions?: number;
  /** Texts per request (default 64). */
  readonly batchSize?: number;
}

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

type EmbedBatch = (texts: readonly string[]) => Promise<number[][]>;

function batchEmbedder(config: RemoteLlmConfig, model: string): EmbedBatch {
  const client = createOpenAiClient(config, { deployment: model, maxRetries: 1 });
  return async (texts) => {
    let raw: unknown;
    try {
      raw = await client.embeddings.create({ model, input: [...texts], encoding_format: 'float' });
    } catch (error) {
      const failure = mapChatError(error);
      throw new AppError(`embedding request failed (${failure.kind}): ${failure.detail}`, { model, kind: failure.kind }, { cause: error });
    }
    const parsed = responseSchema.safeParse(raw);
    if (!parsed.success || parsed.data.data.length !== texts.length) {
      throw new AppError('embedding response has an unexpected shape', { model, expected: texts.length });
    }
    return [...parsed.data.data].sort((a, b) => a.index - b.index).map((entry) => entry.embedding);
  };
}

/**
 * Creates the embedder; probes the vector size with one request when `dimensions` is not given.
 * @example const embedder = await createOpenAiEmbedder(config, { model: 'text-embedding-3-small' });
 */
export async function createOpenAiEmbedder(config: RemoteLlmConfig, options: OpenAiEmbedderOptions = {}): Promise<Embedder> {
  const model = options.model ?? config.embeddingsModel;
  if (!model) throw new AppError('EMBEDDINGS_MODEL is required for the endpoint embedder');
  const embedBatch = batchEmbedder(config, model);
  const dimensions = options.dimensions ?? (await embedBatch(['Dimension']))[0]?.length ?? 0;
  if (dimensions <= 0) throw new AppError('embedding endpoint returned an empty vector', { model });
  const batchSize = Math.max(1, options.batchSize ?? 64);
  return {
    id: `${config.provider}:${model}`,
    dimensions,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        const batch = await embedBatch(texts.slice(start, start + batchSize));
        const wrong = batch.find((vector) => vector.length !== dimensions);
        if (wrong) throw new AppError('embedding has the wrong size', { model, expected: dimensions, actual: wrong.length });
        vectors.push(...batch);
      }
      return vectors;
    },
  };
}
