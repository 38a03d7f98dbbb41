/**
 * Builds an `openai` SDK client for an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LiteLLM) or an
 * Azure OpenAI deployment. The only place that knows how the two differ.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import type { AzureLlmConfig, OpenAiLlmConfig } from '../../config/llm-config.ts';

/** An endpoint that a client can be built for. */
export type RemoteLlmConfig = OpenAiLlmConfig | AzureLlmConfig;

/** Client options the adapters control; `maxRetries` stays small because the circuit breaker handles the rest. */
export interface OpenAiClientOptions {
  readonly maxRetries?: number;
  /** Azure only: the deployment to call (defaults to the chat deployment). */
  readonly deployment?: string;
}

/** Creates the SDK client; the timeout comes from `LLM_TIMEOUT_MS`. */
export function createOpenAiClient(config: RemoteLlmConfig, options: OpenAiClientOptions = {}): OpenAI {
  const common = { apiKey: config.apiKey, timeout: config.timeoutMs, maxRetries: options.maxRetries ?? 0 };
  if (config.provider === 'azure') {
    return new AzureOpenAI({
      ...common,
      endpoint: config.endpoint,
      apiVersion: config.apiVersion,
      deployment: options.deployment ?? config.deployment,
    });
  }
  return new OpenAI({ ...common, ...(config.baseUrl ? { baseURL: config.baseUrl } : {}) });
}

/** The model name sent in requests (Azure ignores it in favour of the deployment in the path). */
export function modelNameOf(config: RemoteLlmConfig): string {
  return config.provider === 'azure' ? config.deployment : config.model;
}
