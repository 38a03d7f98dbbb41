import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiChatModel } from '../../../../bot/adapters/llm/openai-chat-model.ts';
import { parseLlmConfig, type AzureLlmConfig, type OpenAiLlmConfig } from '../../../../bot/config/llm-config.ts';
import type { ChatChunk, ChatModel, ChatResult } from '../../../../bot/ports/chat-model.ts';
import { startOpenAiMockServer, type OpenAiMockServer } from '../../../support/openai-mock-server.ts';

const question = { messages: [{ role: 'user' as const, content: 'Wann hat das Bürgerbüro geöffnet?' }] };

let mock: OpenAiMockServer;

function openAiConfig(timeoutMs = 2000): OpenAiLlmConfig {
  const config = parseLlmConfig({
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: mock.baseUrl,
    LLM_API_KEY: 'sk-test',
    LLM_MODEL: 'gpt-test',
    LLM_TIMEOUT_MS: String(timeoutMs),
  });
  if (config.provider !== 'openai') throw new Error('expected openai config');
  return config;
}

function azureConfig(apiKey = 'azure-key'): AzureLlmConfig {
  const config = parseLlmConfig({
    LLM_PROVIDER: 'azure',
    LLM_BASE_URL: mock.origin,
    LLM_API_KEY: apiKey,
    LLM_MODEL: 'gpt-4o-dep',
    LLM_API_VERSION: '2024-10-21',
  });
  if (config.provider !== 'azure') throw new Error('expected azure config');
  return config;
}

async function collect(model: ChatModel): Promise<{ deltas: string[]; result: ChatResult | undefined }> {
  const deltas: string[] = [];
  let result: ChatResult | undefined;
  for await (const chunk of model.stream(question) as AsyncIterable<ChatChunk>) {
    if (chunk.kind === 'delta') deltas.push(chunk.text);
    else result = chunk.result;
  }
  return { deltas, result };
}

beforeAll(async () => {
  mock = await startOpenAiMockServer();
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.requests.length = 0;
  mock.respondWith({ kind: 'text', text: 'Montags von 8 bis 12 Uhr [1].' });
});

describe('createOpenAiChatModel', () => {
  it('returns the completion text and sends model, messages and bearer key', async () => {
    const model = createOpenAiChatModel(openAiConfig());
    const result = await model.generate({ ...question, temperature: 0, maxTokens: 300 });
    expect(result).toEqual({ kind: 'ok', text: 'Montags von 8 bis 12 Uhr [1].', model: 'gpt-test' });
    expect(model.id).toBe('openai:gpt-test');
    const request = mock.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers['authorization']).toBe('Bearer sk-test');
    expect(request.body).toMatchObject({ model: 'gpt-test', temperature: 0, max_tokens: 300, messages: question.messages });
  });

  it('streams deltas and ends with the full text', async () => {
    const { deltas, result } = await collect(createOpenAiChatModel(openAiConfig()));
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe('Montags von 8 bis 12 Uhr [1].');
    expect(result).toEqual({ kind: 'ok', text: 'Montags von 8 bis 12 Uhr [1].', model: 'gpt-test' });
    expect(mock.requests[0]!.body?.['stream']).toBe(true);
  });

  it('maps 429 with Retry-After to rate_limited with retryAfterMs', async () => {
    mock.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    const result = await createOpenAiChatModel(openAiConfig()).generate(question);
    expect(result).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(mock.requests).toHaveLength(1);
  });

  it('maps 500 to unavailable without retrying by default', async () => {
    mock.enqueue({ kind: 'status', status: 500 });
    const result = await createOpenAiChatModel(openAiConfig()).generate(question);
    expect(result.kind).toBe('unavailable');
    expect(mock.requests).toHaveLength(1);
  });

  it('retries once when maxRetries is 1', async () => {
    mock.enqueue({ kind: 'status', status: 500, headers: { 'retry-after-ms': '1' } });
    const result = await createOpenAiChatModel(openAiConfig(), { maxRetries: 1 }).generate(question);
    expect(result.kind).toBe('ok');
    expect(mock.requests).toHaveLength(2);
  });

  // No wall-clock assertion: the SDK's own default is 10 minutes, so a timeout that ignored LLM_TIMEOUT_MS would
  // exceed this test's 10 s limit instead of answering 'timeout'.
  it('maps a hanging server to timeout after LLM_TIMEOUT_MS', { timeout: 10_000 }, async () => {
    mock.enqueue({ kind: 'hang' });
    const result = await createOpenAiChatModel(openAiConfig(300)).generate(question);
    expect(result.kind).toBe('timeout');
  });

  it('maps a hanging stream to timeout', async () => {
    mock.enqueue({ kind: 'hang' });
    const { result } = await collect(createOpenAiChatModel(openAiConfig(300)));
    expect(result?.kind).toBe('timeout');
  });

  it('maps a caller abort to timeout', async () => {
    mock.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const pending = createOpenAiChatModel(openAiConfig()).generate({ ...question, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await pending).kind).toBe('timeout');
  });

  it('maps malformed JSON to invalid_response', async () => {
    mock.enqueue({ kind: 'raw', body: '{"choices": [ {"message": ' });
    const result = await createOpenAiChatModel(openAiConfig()).generate(question);
    expect(result.kind).toBe('invalid_response');
  });

  it('maps a completion without choices to invalid_response', async () => {
    mock.enqueue({ kind: 'raw', body: '{"id":"x","choices":[]}' });
    expect((await createOpenAiChatModel(openAiConfig()).generate(question)).kind).toBe('invalid_response');
  });

  it('maps finish_reason content_filter to content_filtered', async () => {
    mock.enqueue({ kind: 'text', text: '', finishReason: 'content_filter' });
    expect((await createOpenAiChatModel(openAiConfig()).generate(question)).kind).toBe('content_filtered');
  });

  it('maps an Azure 400 content_filter error to content_filtered', async () => {
    mock.enqueue({
      kind: 'status',
      status: 400,
      body: {
        error: { code: 'content_filter', message: 'The response was filtered', innererror: { code: 'ResponsibleAIPolicyViolation' } },
      },
    });
    expect((await createOpenAiChatModel(openAiConfig()).generate(question)).kind).toBe('content_filtered');
  });

  it('maps a streamed content_filter finish to content_filtered', async () => {
    mock.enqueue({ kind: 'text', text: 'Teil', finishReason: 'content_filter' });
    const { result } = await collect(createOpenAiChatModel(openAiConfig()));
    expect(result?.kind).toBe('content_filtered');
  });

  it('calls the Azure deployment path with api-version and api-key header', async () => {
    const model = createOpenAiChatModel(azureConfig());
    const result = await model.generate(question);
    expect(result.kind).toBe('ok');
    expect(model.id).toBe('azure:gpt-4o-dep');
    const request = mock.requests[0]!;
    expect(request.url).toBe('/openai/deployments/gpt-4o-dep/chat/completions?api-version=2024-10-21');
    expect(request.headers['api-key']).toBe('azure-key');
  });

  it('maps a rejected key to unauthorized', async () => {
    mock.respondWith((request) =>
      request.headers['api-key'] === 'azure-key' ? { kind: 'text', text: 'ok' } : { kind: 'status', status: 401 },
    );
    const result = await createOpenAiChatModel(azureConfig('wrong-key')).generate(question);
    expect(result.kind).toBe('unauthorized');
    mock.enqueue({ kind: 'status', status: 403 });
    expect((await createOpenAiChatModel(openAiConfig()).generate(question)).kind).toBe('unauthorized');
  });

  it('maps a refused connection to unavailable', async () => {
    const closed = await startOpenAiMockServer();
    await closed.close();
    const config = { ...openAiConfig(), baseUrl: closed.baseUrl };
    expect((await createOpenAiChatModel(config).generate(question)).kind).toBe('unavailable');
  });
});
