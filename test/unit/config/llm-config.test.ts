import { describe, expect, it } from 'vitest';
import { parseLlmConfig } from '../../../bot/config/llm-config.ts';

describe('parseLlmConfig', () => {
  it('defaults to no model and a 20 s timeout', () => {
    expect(parseLlmConfig({})).toEqual({ provider: 'none', timeoutMs: 20_000 });
    expect(parseLlmConfig({ LLM_PROVIDER: '' })).toEqual({ provider: 'none', timeoutMs: 20_000 });
  });

  it('reads an OpenAI-compatible endpoint and embedding settings', () => {
    expect(
      parseLlmConfig({
        LLM_PROVIDER: 'OpenAI',
        LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
        LLM_MODEL: 'llama3.1',
        LLM_TIMEOUT_MS: '5000',
        EMBEDDINGS_MODEL: 'nomic-embed-text',
        EMBEDDINGS_LOCAL_PATH: '/srv/models/e5',
      }),
    ).toEqual({
      provider: 'openai',
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: 'not-needed',
      model: 'llama3.1',
      timeoutMs: 5000,
      embeddingsModel: 'nomic-embed-text',
      embeddingsLocalPath: '/srv/models/e5',
    });
  });

  it('reads an Azure deployment', () => {
    expect(
      parseLlmConfig({
        LLM_PROVIDER: 'azure',
        LLM_BASE_URL: 'https://kreis.openai.azure.com',
        LLM_API_KEY: 'k',
        LLM_MODEL: 'gpt-4o',
        LLM_API_VERSION: '2024-10-21',
      }),
    ).toEqual({
      provider: 'azure',
      endpoint: 'https://kreis.openai.azure.com',
      apiKey: 'k',
      deployment: 'gpt-4o',
      apiVersion: '2024-10-21',
      timeoutMs: 20_000,
    });
  });

  it('names the variable that is wrong or missing', () => {
    expect(() => parseLlmConfig({ LLM_PROVIDER: 'ollama' })).toThrow(/LLM_PROVIDER/);
    expect(() => parseLlmConfig({ LLM_BASE_URL: 'ftp://x' })).toThrow(/LLM_BASE_URL/);
    expect(() => parseLlmConfig({ LLM_TIMEOUT_MS: 'soon' })).toThrow(/LLM_TIMEOUT_MS/);
    expect(() => parseLlmConfig({ LLM_TIMEOUT_MS: '10' })).toThrow(/LLM_TIMEOUT_MS/);
    expect(() => parseLlmConfig({ LLM_PROVIDER: 'openai', LLM_API_KEY: 'k' })).toThrow('LLM_MODEL is required when LLM_PROVIDER=openai');
    expect(() => parseLlmConfig({ LLM_PROVIDER: 'openai', LLM_MODEL: 'gpt-4o-mini' })).toThrow('LLM_API_KEY is required');
    expect(() => parseLlmConfig({ LLM_PROVIDER: 'azure', LLM_BASE_URL: 'https://a', LLM_API_KEY: 'k', LLM_MODEL: 'd' })).toThrow(
      'LLM_API_VERSION is required when LLM_PROVIDER=azure',
    );
    expect(() => parseLlmConfig({ LLM_PROVIDER: 'azure' })).toThrow('LLM_BASE_URL is required when LLM_PROVIDER=azure');
  });
});
