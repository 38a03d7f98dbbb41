/**
 * Configuration of the optional language model and embedding endpoint (`LLM_*`, `EMBEDDINGS_*`).
 * Validated once at start; an invalid value yields an English error naming the variable.
 */
import { z } from 'zod';
import { isLoopbackHost } from '../shared/loopback.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** The language-model variables; each `.describe()` is its meaning in docs/reference/configuration.md. */
export const llmEnvSchema = z.object({
  LLM_PROVIDER: z
    .string()
    .trim()
    .transform((value) => (value === '' ? 'none' : value.toLowerCase()))
    .pipe(z.enum(['none', 'openai', 'azure']))
    .default('none')
    .describe('`none`: extractive answers only, fully offline; `openai`: OpenAI, Ollama, vLLM, LiteLLM via `LLM_BASE_URL`; `azure`'),
  LLM_BASE_URL: optionalText
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .describe(
      'e.g. `http://127.0.0.1:11434/v1` (Ollama) or `https://<resource>.openai.azure.com`; https, plain http only to a loopback address',
    ),
  LLM_API_KEY: optionalText.describe('required for Azure and api.openai.com; local servers accept any value'),
  LLM_MODEL: optionalText.describe('model name (`openai`) or deployment name (`azure`)'),
  LLM_API_VERSION: optionalText.describe('Azure only, e.g. `2024-10-21`'),
  EMBEDDINGS_MODEL: optionalText.describe('dense embeddings from the same endpoint, added to the retrieval fusion'),
  EMBEDDINGS_LOCAL_PATH: optionalText.describe(
    'local ONNX model folder (`<dir>/<org>/<name>` with `config.json`, `tokenizer.json`, `onnx/model.onnx`), loaded offline; wins over `EMBEDDINGS_MODEL`',
  ),
  LLM_TIMEOUT_MS: optionalText
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .pipe(z.number().int().min(100).max(600_000).default(20_000))
    .describe('per request; slower answers fall back to the extractive answer'),
});

/** Settings shared by every model endpoint. */
interface EndpointSettings {
  readonly timeoutMs: number;
  /** Remote embedding model name served by the same endpoint, if any. */
  readonly embeddingsModel?: string;
  /** Local folder with an ONNX embedding model (transformers.js layout), if any. */
  readonly embeddingsLocalPath?: string;
}

/** An OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LiteLLM). */
export interface OpenAiLlmConfig extends EndpointSettings {
  readonly provider: 'openai';
  readonly baseUrl?: string;
  readonly apiKey: string;
  readonly model: string;
}

/** An Azure OpenAI deployment (`LLM_MODEL` is the deployment name). */
export interface AzureLlmConfig extends EndpointSettings {
  readonly provider: 'azure';
  readonly endpoint: string;
  readonly apiKey: string;
  readonly deployment: string;
  readonly apiVersion: string;
}

/** No language model: extractive answers only (the default). */
export interface NoLlmConfig extends EndpointSettings {
  readonly provider: 'none';
}

/** The validated LLM configuration. */
export type LlmConfig = OpenAiLlmConfig | AzureLlmConfig | NoLlmConfig;

/** Thrown for invalid `LLM_*` / `EMBEDDINGS_*` values; the message names the variable. */
export class LlmConfigError extends Error {
  override readonly name = 'LlmConfigError';
}

function required(value: string | undefined, name: string, provider: string): string {
  if (value === undefined) throw new LlmConfigError(`${name} is required when LLM_PROVIDER=${provider}`);
  return value;
}

/** True for https, and for plain http to a loopback address only. */
function transportSafe(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || isLoopbackHost(parsed.hostname);
}

/**
 * Parses the LLM settings from an environment record.
 * @example parseLlmConfig({ LLM_PROVIDER: 'openai', LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'llama3' })
 */
export function parseLlmConfig(env: Record<string, string | undefined>): LlmConfig {
  const parsed = llmEnvSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new LlmConfigError(`Invalid LLM configuration: ${details.join('; ')}`);
  }
  const values = parsed.data;
  if (values.LLM_BASE_URL && !transportSafe(values.LLM_BASE_URL)) {
    // Issue #18, item 14: questions, sources and the API key must not cross the network in clear text.
    throw new LlmConfigError(
      `Invalid LLM configuration: LLM_BASE_URL must use https; plain http is accepted only for a loopback address (127.0.0.1, ::1, localhost), got ${new URL(values.LLM_BASE_URL).host}`,
    );
  }
  const shared: EndpointSettings = {
    timeoutMs: values.LLM_TIMEOUT_MS,
    ...(values.EMBEDDINGS_MODEL ? { embeddingsModel: values.EMBEDDINGS_MODEL } : {}),
    ...(values.EMBEDDINGS_LOCAL_PATH ? { embeddingsLocalPath: values.EMBEDDINGS_LOCAL_PATH } : {}),
  };
  const provider = values.LLM_PROVIDER;
  if (provider === 'none') return { provider, ...shared };
  if (provider === 'azure') {
    return {
      provider,
      ...shared,
      endpoint: required(values.LLM_BASE_URL, 'LLM_BASE_URL', provider),
      apiKey: required(values.LLM_API_KEY, 'LLM_API_KEY', provider),
      deployment: required(values.LLM_MODEL, 'LLM_MODEL', provider),
      apiVersion: required(values.LLM_API_VERSION, 'LLM_API_VERSION', provider),
    };
  }
  return {
    provider,
    ...shared,
    ...(values.LLM_BASE_URL ? { baseUrl: values.LLM_BASE_URL } : {}),
    // Local servers (Ollama, vLLM) accept any key; the SDK refuses an empty one.
    apiKey: values.LLM_API_KEY ?? (values.LLM_BASE_URL ? 'not-needed' : required(undefined, 'LLM_API_KEY', provider)),
    model: required(values.LLM_MODEL, 'LLM_MODEL', provider),
  };
}
