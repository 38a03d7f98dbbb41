/**
 * A circuit breaker around a `ChatModel`: after repeated outages it stops calling the endpoint for a
 * cooldown (answers fall back to extractive at once), then lets one probe through (half-open).
 */
import type { ChatChunk, ChatFailureKind, ChatModel, ChatRequest, ChatResult } from '../../ports/chat-model.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../shared/logger.ts';

/** Breaker settings. */
export interface CircuitBreakerOptions {
  /** Consecutive outage failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before a probe (a longer Retry-After wins). */
  readonly cooldownMs: number;
  readonly clock: Clock;
  readonly logger?: Logger;
}

/** The breaker's state, for health endpoints and tests. */
export type CircuitState = 'closed' | 'open' | 'half_open';

/** A `ChatModel` with its breaker state exposed. */
export interface BreakerChatModel extends ChatModel {
  readonly state: () => CircuitState;
}

/** Failures that say "the endpoint is not healthy"; filter hits and bad keys do not trip the breaker. */
const outageKinds: ReadonlySet<ChatFailureKind> = new Set(['unavailable', 'timeout', 'rate_limited']);

class Breaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly modelId: string,
    private readonly options: CircuitBreakerOptions,
  ) {}

  state(): CircuitState {
    return this.current;
  }

  /** Returns a failure to answer with instead of calling, or undefined when the call may go ahead. */
  admit(): ChatResult | undefined {
    const now = this.options.clock.now().getTime();
    if (this.current === 'open' && now >= this.openUntil) this.change('half_open', {});
    if (this.current === 'closed') return undefined;
    if (this.current === 'half_open' && !this.probing) {
      this.probing = true;
      return undefined;
    }
    const retryAfterMs = Math.max(0, this.openUntil - now);
    return { kind: 'unavailable', detail: `circuit open for ${this.modelId}`, retryAfterMs };
  }

  /** Ends a probe that produced no result (the consumer stopped early, or the model threw a bug). */
  release(): void {
    this.probing = false;
  }

  record(result: ChatResult): void {
    const wasProbe = this.probing;
    this.probing = false;
    if (result.kind === 'ok' || !outageKinds.has(result.kind)) {
      this.failures = 0;
      if (this.current !== 'closed') this.change('closed', {});
      return;
    }
    this.failures += 1;
    if (wasProbe || this.failures >= this.options.failureThreshold) {
      const cooldownMs = Math.max(this.options.cooldownMs, result.retryAfterMs ?? 0);
      this.openUntil = this.options.clock.now().getTime() + cooldownMs;
      this.change('open', { failures: this.failures, cooldownMs, lastFailure: result.kind });
    }
  }

  private change(next: CircuitState, data: Record<string, unknown>): void {
    if (next === this.current) return;
    this.options.logger?.warn(`llm circuit ${this.current} -> ${next}`, { model: this.modelId, ...data });
    this.current = next;
  }
}

async function* guardedStream(breaker: Breaker, model: ChatModel, request: ChatRequest): AsyncGenerator<ChatChunk> {
  const refusal = breaker.admit();
  if (refusal) {
    yield { kind: 'done', result: refusal };
    return;
  }
  let recorded = false;
  try {
    for await (const chunk of model.stream(request)) {
      if (chunk.kind === 'done') {
        breaker.record(chunk.result);
        recorded = true;
      }
      yield chunk;
    }
  } finally {
    // A consumer that stops early must not leave a half-open probe hanging.
    if (!recorded) breaker.release();
  }
}

/**
 * Wraps a model with a circuit breaker; while open, calls return `unavailable` without reaching the endpoint.
 * @example const model = withCircuitBreaker(createOpenAiChatModel(config), { failureThreshold: 3, cooldownMs: 30_000, clock });
 */
export function withCircuitBreaker(model: ChatModel, options: CircuitBreakerOptions): BreakerChatModel {
  const breaker = new Breaker(model.id, options);
  return {
    id: model.id,
    state: () => breaker.state(),
    async generate(request) {
      const refusal = breaker.admit();
      if (refusal) return refusal;
      try {
        const result = await model.generate(request);
        breaker.record(result);
        return result;
      } finally {
        breaker.release();
      }
    },
    stream: (request) => guardedStream(breaker, model, request),
  };
}
