/**
 * Maps `openai` SDK errors to `ChatFailureKind` values at the adapter boundary, so that the core never
 * sees a vendor exception for an expected failure (rate limit, timeout, filter, outage, bad key).
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  OpenAIError,
} from 'openai/core/error';
import type { ChatFailureKind } from '../../ports/chat-model.ts';

/** A failed `ChatResult`. */
export interface ChatFailure {
  readonly kind: ChatFailureKind;
  readonly detail: string;
  readonly retryAfterMs?: number;
}

/** Reads `retry-after-ms` / `retry-after` (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const milliseconds = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isContentFilter(error: APIError): boolean {
  const text = JSON.stringify(error.error ?? {}) + ' ' + String(error.code ?? '');
  return /content_filter|content_management_policy|ResponsibleAIPolicyViolation/i.test(text);
}

function mapStatus(error: APIError, status: number): ChatFailure {
  const detail = `HTTP ${status}: ${error.message}`;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(error.headers);
    return { kind: 'rate_limited', detail, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (status === 401 || status === 403) return { kind: 'unauthorized', detail };
  if (status === 400 && isContentFilter(error)) return { kind: 'content_filtered', detail };
  if (status === 408) return { kind: 'timeout', detail };
  if (status >= 500 || status === 404) return { kind: 'unavailable', detail };
  return { kind: 'invalid_response', detail };
}

/** True for the errors an aborted or timed-out request produces (SDK or fetch). */
function isAbort(error: unknown): boolean {
  return (
    error instanceof APIUserAbortError ||
    error instanceof APIConnectionTimeoutError ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  );
}

/**
 * Converts a thrown value from the SDK into a failure value; rethrows what is not a vendor or
 * transport error (a programming bug must stay loud).
 */
export function mapChatError(error: unknown): ChatFailure {
  if (isAbort(error)) return { kind: 'timeout', detail: error instanceof Error ? error.message : 'aborted' };
  if (error instanceof APIConnectionError) return { kind: 'unavailable', detail: error.message };
  if (error instanceof APIError && typeof error.status === 'number') {
    return mapStatus(error, error.status);
  }
  if (error instanceof ContentFilterFinishReasonError) return { kind: 'content_filtered', detail: error.message };
  if (error instanceof OpenAIError) return { kind: 'invalid_response', detail: error.message };
  if (error instanceof SyntaxError) return { kind: 'invalid_response', detail: `malformed JSON: ${error.message}` };
  throw error;
}
