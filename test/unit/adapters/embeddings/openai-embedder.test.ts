import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiEmbedder } from '../../../../bot/adapters/embeddings/openai-embedder.ts';
import type { AzureLlmConfig, OpenAiLlmConfig } from '../../../../bot/config/llm-config.ts';
import { mockVector, startOpenAiMockServer, type OpenAiMockServer } from '../../../support/openai-mock-server.ts';

let mock: OpenAiMockServer;
const openAi = (): OpenAiLlmConfig => ({
  provider: 'openai',
  baseUrl: mock.baseUrl,
  apiKey: 'k',
  model: 'chat',
  timeoutMs: 2000,
  embeddingsModel: 'embed-small',
});

beforeAll(async () => {
  mock = await startOpenAiMockServer();
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.requests.length = 0;
  mock.respondWith({ kind: 'embeddings' });
});

describe('createOpenAiEmbedder', () => {
  it('probes the size, requests float vectors and batches', async () => {
    const embedder = await createOpenAiEmbedder(openAi(), { batchSize: 2 });
    expect(embedder.id).toBe('openai:embed-small');
    expect(embedder.dimensions).toBe(8);
    const texts = ['Hundesteuer', 'Bürgerbüro', 'Elternzeit', 'Dienstreise', 'Urlaub'];
    const vectors = await embedder.embed(texts);
    expect(vectors).toEqual(texts.map(mockVector));
    const bodies = mock.requests.map((request) => request.body);
    expect(bodies.map((body) => body?.['input'])).toEqual([['Dimension'], texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    expect(bodies.every((body) => body?.['encoding_format'] === 'float' && body['model'] === 'embed-small')).toBe(true);
    expect(mock.requests[0]?.path).toBe('/v1/embeddings');
  });

  it('skips the probe when dimensions are given and calls the Azure deployment path', async () => {
    const azure: AzureLlmConfig = {
      provider: 'azure',
      endpoint: mock.origin,
      apiKey: 'a',
      deployment: 'gpt',
      apiVersion: '2024-10-21',
      timeoutMs: 2000,
    };
    const embedder = await createOpenAiEmbedder(azure, { model: 'embed-dep', dimensions: 8 });
    await embedder.embed(['Text']);
    expect(mock.requests.map((request) => request.url)).toEqual(['/openai/deployments/embed-dep/embeddings?api-version=2024-10-21']);
    expect(mock.requests[0]?.headers['api-key']).toBe('a');
  });

  it('throws a clear error for outages and wrong sizes', async () => {
    const embedder = await createOpenAiEmbedder(openAi(), { dimensions: 8 });
    mock.enqueue({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    await expect(embedder.embed(['x'])).rejects.toThrow(/embedding request failed \(unavailable\)/);
    mock.enqueue({ kind: 'embeddings', vectors: [[1, 0]] });
    await expect(embedder.embed(['x'])).rejects.toThrow('embedding has the wrong size');
    mock.enqueue({ kind: 'raw', body: '{"data": "kaputt"}' });
    await expect(embedder.embed(['x'])).rejects.toThrow('unexpected shape');
  });

  it('requires a model name', async () => {
    await expect(createOpenAiEmbedder({ ...openAi(), embeddingsModel: undefined } as OpenAiLlmConfig)).rejects.toThrow('EMBEDDINGS_MODEL');
  });
});
