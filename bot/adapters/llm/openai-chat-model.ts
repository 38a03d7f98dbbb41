/**
 * `ChatModel` over the `openai` SDK 6.x: OpenAI, Azure OpenAI and compatible servers (Ollama, vLLM, LiteLLM).
 * Expected failures come back as `ChatResult` values (see `map-chat-error.ts`); nothing expected throws.
 */
import type OpenAI from 'openai';
import { z } from 'zod';
import type { ChatChunk, ChatModel, ChatRequest, ChatResult } from '../../ports/chat-model.ts';
import { createOpenAiClient, modelNameOf, type RemoteLlmConfig } from './openai-client.ts';
import { mapChatError } from './map-chat-error.ts';

/** Adapter options; `maxRetries` is 0 or 1 because the circuit breaker handles repeated failures. */
export interface OpenAiChatModelOptions {
  readonly maxRetries?: 0 | 1;
  /** Used when a request sets none (grounded answers want 0). */
  readonly defaultTemperature?: number;
}

const completionSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

const chunkSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
});

function toResult(raw: unknown, fallbackModel: string): ChatResult {
  const parsed = completionSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid_response', detail: `unexpected completion shape: ${parsed.error.message}` };
  const choice = parsed.data.choices[0];
  if (choice?.finish_reason === 'content_filter') return { kind: 'content_filtered', detail: 'finish_reason content_filter' };
  const text = choice?.message?.content;
  if (typeof text !== 'string') return { kind: 'invalid_response', detail: 'completion without text content' };
  return { kind: 'ok', text, model: parsed.data.model ?? fallbackModel };
}

function requestBody(request: ChatRequest, model: string, options: OpenAiChatModelOptions) {
  const temperature = request.temperature ?? options.defaultTemperature;
  return {
    model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    ...(temperature === undefined ? {} : { temperature }),
    ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
  };
}

/** Aborts when no chunk arrived for `idleMs` (the SDK timeout only covers the wait for the headers). */
function idleWatchdog(idleMs: number, outer: AbortSignal | undefined) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const reset = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`no stream data for ${idleMs} ms`)), idleMs);
  };
  reset();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  return { signal, reset, stop: () => clearTimeout(timer) };
}

async function* streamCompletion(
  client: OpenAI,
  body: ReturnType<typeof requestBody>,
  request: { signal?: AbortSignal; idleMs: number },
): AsyncGenerator<ChatChunk> {
  let text = '';
  let model = body.model;
  const watchdog = idleWatchdog(request.idleMs, request.signal);
  try {
    const stream = await client.chat.completions.create({ ...body, stream: true }, { signal: watchdog.signal });
    for await (const raw of stream) {
      watchdog.reset();
      const parsed = chunkSchema.safeParse(raw);
      if (!parsed.success) {
        yield { kind: 'done', result: { kind: 'invalid_response', detail: 'unexpected stream chunk shape' } };
        return;
      }
      model = parsed.data.model ?? model;
      const choice = parsed.data.choices?.[0];
      if (choice?.finish_reason === 'content_filter') {
        yield { kind: 'done', result: { kind: 'content_filtered', detail: 'finish_reason content_filter' } };
        return;
      }
      const delta = choice?.delta?.content;
      if (delta) {
        text += delta;
        yield { kind: 'delta', text: delta };
      }
    }
  } catch (error) {
    yield { kind: 'done', result: mapChatError(error) };
    return;
  } finally {
    watchdog.stop();
  }
  yield { kind: 'done', result: { kind: 'ok', text, model } };
}

/**
 * Creates the chat model for an OpenAI-compatible or Azure endpoint.
 * @example if (config.provider !== 'none') model = createOpenAiChatModel(config, { maxRetries: 1 });
 */
export function createOpenAiChatModel(config: RemoteLlmConfig, options: OpenAiChatModelOptions = {}): ChatModel {
  const client = createOpenAiClient(config, { maxRetries: options.maxRetries ?? 0 });
  const model = modelNameOf(config);
  return {
    id: `${config.provider}:${model}`,
    async generate(request) {
      try {
        const raw: unknown = await client.chat.completions.create(
          requestBody(request, model, options),
          request.signal ? { signal: request.signal } : {},
        );
        return toResult(raw, model);
      } catch (error) {
        return mapChatError(error);
      }
    },
    stream(request) {
      return streamCompletion(client, requestBody(request, model, options), {
        idleMs: config.timeoutMs,
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },
  };
}
