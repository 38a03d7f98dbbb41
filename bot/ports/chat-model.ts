/**
 * The language-model port (OpenAI-compatible endpoints in production, a fake in tests). Failures
 * are values, mapped from vendor errors at the adapter boundary.
 */

/** One chat message sent to the model. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A generation request. */
export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly signal?: AbortSignal;
}

/** Why a generation did not produce text. */
export type ChatFailureKind = 'rate_limited' | 'timeout' | 'content_filtered' | 'unavailable' | 'unauthorized' | 'invalid_response';

/** The result of a generation. */
export type ChatResult =
  | { readonly kind: 'ok'; readonly text: string; readonly model: string }
  | { readonly kind: ChatFailureKind; readonly detail: string; readonly retryAfterMs?: number };

/** A piece of a streamed generation; the last item says how it ended. */
export type ChatChunk = { readonly kind: 'delta'; readonly text: string } | { readonly kind: 'done'; readonly result: ChatResult };

/** Generates text from messages, buffered or streamed. */
export interface ChatModel {
  readonly id: string;
  generate(request: ChatRequest): Promise<ChatResult>;
  stream(request: ChatRequest): AsyncIterable<ChatChunk>;
}
