/**
 * Chooses the optional neural embedder from the configuration: a local ONNX model folder wins, then an
 * embedding model on the configured endpoint; null means "keep the built-in hashed n-gram embedder".
 */
import type { LlmConfig } from '../../config/llm-config.ts';
import type { Embedder } from '../../ports/search.ts';
import { createOnnxEmbedder } from './onnx-embedder.ts';
import { createOpenAiEmbedder } from './openai-embedder.ts';

/**
 * Returns the configured embedder, or null when none is configured.
 * @example const dense = await createConfiguredEmbedder(parseLlmConfig(process.env));
 */
export async function createConfiguredEmbedder(config: LlmConfig): Promise<Embedder | null> {
  if (config.embeddingsLocalPath) return createOnnxEmbedder({ modelPath: config.embeddingsLocalPath });
  if (config.provider !== 'none' && config.embeddingsModel) return createOpenAiEmbedder(config);
  return null;
}
