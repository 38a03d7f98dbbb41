/**
 * Builds the configured chat model for the composition root: none, or the OpenAI/Azure adapter behind a
 * circuit breaker with production defaults.
 */
import type { LlmConfig } from '../../config/llm-config.ts';
import type { ChatModel } from '../../ports/chat-model.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import { withCircuitBreaker } from './circuit-breaker.ts';
import { createOpenAiChatModel } from './openai-chat-model.ts';

/** What the factory needs besides the configuration. */
export interface ChatModelWiring {
  readonly clock: Clock;
  readonly logger?: Logger;
  /** Consecutive outages before the breaker opens (default 3). */
  readonly failureThreshold?: number;
  /** Pause before a probe (default 30 s). */
  readonly cooldownMs?: number;
}

/**
 * Returns null for `LLM_PROVIDER=none` (extractive answers only), else the guarded adapter.
 * @example const model = createChatModel(parseLlmConfig(process.env), { clock, logger });
 */
export function createChatModel(config: LlmConfig, wiring: ChatModelWiring): ChatModel | null {
  if (config.provider === 'none') return null;
  return withCircuitBreaker(createOpenAiChatModel(config, { maxRetries: 1 }), {
    failureThreshold: wiring.failureThreshold ?? 3,
    cooldownMs: wiring.cooldownMs ?? 30_000,
    clock: wiring.clock,
    ...(wiring.logger ? { logger: wiring.logger } : {}),
  });
}
