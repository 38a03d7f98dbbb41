import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfiguredEmbedder } from '../../../../bot/adapters/embeddings/create-embedder.ts';
import { createChatModel } from '../../../../bot/adapters/llm/create-chat-model.ts';
import { parseLlmConfig } from '../../../../bot/config/llm-config.ts';
import { FixedClock } from '../../../fakes/fixed-clock.ts';
import { startOpenAiMockServer, type OpenAiMockServer } from '../../../support/openai-mock-server.ts';

let mock: OpenAiMockServer;
beforeAll(async () => {
  mock = await startOpenAiMockServer();
});
afterAll(async () => {
  await mock.close();
});

describe('createChatModel and createConfiguredEmbedder', () => {
  it('return null when nothing is configured', async () => {
    const config = parseLlmConfig({});
    expect(createChatModel(config, { clock: new FixedClock() })).toBeNull();
    expect(await createConfiguredEmbedder(config)).toBeNull();
  });

  it('build a guarded chat model and an endpoint embedder from the environment', async () => {
    const config = parseLlmConfig({ LLM_PROVIDER: 'openai', LLM_BASE_URL: mock.baseUrl, LLM_MODEL: 'm', EMBEDDINGS_MODEL: 'e' });
    const model = createChatModel(config, { clock: new FixedClock(), failureThreshold: 1 });
    mock.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    expect((await model?.generate({ messages: [{ role: 'user', content: 'Hallo' }] }))?.kind).toBe('unavailable');
    expect(mock.requests).toHaveLength(2);
    expect(await model?.generate({ messages: [{ role: 'user', content: 'Hallo' }] })).toMatchObject({
      kind: 'unavailable',
      detail: 'circuit open for openai:m',
    });
    expect(mock.requests).toHaveLength(2);
    const embedder = await createConfiguredEmbedder(config);
    expect(embedder?.id).toBe('openai:e');
  });

  it('prefers a local ONNX folder and reports a missing one clearly', async () => {
    const config = parseLlmConfig({ EMBEDDINGS_LOCAL_PATH: '/nonexistent/org/model' });
    await expect(createConfiguredEmbedder(config)).rejects.toThrow('ONNX embedding model not found in /nonexistent/org/model');
  });
});
