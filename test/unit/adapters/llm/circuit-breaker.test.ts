import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCircuitBreaker } from '../../../../bot/adapters/llm/circuit-breaker.ts';
import { createOpenAiChatModel } from '../../../../bot/adapters/llm/openai-chat-model.ts';
import type { ChatResult } from '../../../../bot/ports/chat-model.ts';
import type { Logger } from '../../../../bot/shared/logger.ts';
import { FakeChatModel } from '../../../fakes/fake-chat-model.ts';
import { FixedClock } from '../../../fakes/fixed-clock.ts';
import { startOpenAiMockServer, type OpenAiMockServer } from '../../../support/openai-mock-server.ts';

const request = { messages: [{ role: 'user' as const, content: 'Frage' }] };
const down: ChatResult = { kind: 'unavailable', detail: 'HTTP 500' };

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const push = (event: string): void => void lines.push(event);
  return { lines, logger: { debug: push, info: push, warn: push, error: push } };
}

describe('withCircuitBreaker', () => {
  it('opens after the threshold and answers unavailable without calling the model', async () => {
    const clock = new FixedClock();
    const inner = new FakeChatModel(down);
    const model = withCircuitBreaker(inner, { failureThreshold: 2, cooldownMs: 10_000, clock });
    await model.generate(request);
    expect(model.state()).toBe('closed');
    await model.generate(request);
    expect(model.state()).toBe('open');
    const refused = await model.generate(request);
    expect(refused).toMatchObject({ kind: 'unavailable', retryAfterMs: 10_000 });
    expect(inner.calls).toHaveLength(2);
  });

  it('lets one probe through after the cooldown and closes on success', async () => {
    const clock = new FixedClock();
    const inner = new FakeChatModel([down, down, 'wieder da']);
    const { logger, lines } = recordingLogger();
    const model = withCircuitBreaker(inner, { failureThreshold: 2, cooldownMs: 5000, clock, logger });
    await model.generate(request);
    await model.generate(request);
    clock.advance(5000);
    const probe = await model.generate(request);
    expect(probe).toMatchObject({ kind: 'ok', text: 'wieder da' });
    expect(model.state()).toBe('closed');
    expect(lines).toEqual(['llm circuit closed -> open', 'llm circuit open -> half_open', 'llm circuit half_open -> closed']);
  });

  it('re-opens when the half-open probe fails and refuses concurrent calls during the probe', async () => {
    const clock = new FixedClock();
    let release: (result: ChatResult) => void = () => undefined;
    const inner = new FakeChatModel(down);
    const slow = {
      ...inner,
      id: inner.id,
      generate: () => new Promise<ChatResult>((resolve) => (release = resolve)),
      stream: inner.stream.bind(inner),
    };
    const model = withCircuitBreaker(slow, { failureThreshold: 1, cooldownMs: 1000, clock });
    const first = model.generate(request);
    release(down);
    await first;
    clock.advance(1000);
    const probe = model.generate(request);
    expect((await model.generate(request)).kind).toBe('unavailable');
    release(down);
    await probe;
    expect(model.state()).toBe('open');
  });

  it('keeps the circuit open for a longer Retry-After', async () => {
    const clock = new FixedClock();
    const model = withCircuitBreaker(new FakeChatModel({ kind: 'rate_limited', detail: '429', retryAfterMs: 60_000 }), {
      failureThreshold: 1,
      cooldownMs: 1000,
      clock,
    });
    await model.generate(request);
    clock.advance(30_000);
    expect(await model.generate(request)).toMatchObject({ kind: 'unavailable', retryAfterMs: 30_000 });
  });

  it('does not count content filter or unauthorized results as outages', async () => {
    const clock = new FixedClock();
    const model = withCircuitBreaker(
      new FakeChatModel([
        { kind: 'content_filtered', detail: 'x' },
        { kind: 'unauthorized', detail: 'x' },
      ]),
      { failureThreshold: 1, cooldownMs: 1000, clock },
    );
    await model.generate(request);
    await model.generate(request);
    expect(model.state()).toBe('closed');
  });

  it('guards streams the same way', async () => {
    const clock = new FixedClock();
    const inner = new FakeChatModel([down, 'Hallo Welt']);
    const model = withCircuitBreaker(inner, { failureThreshold: 1, cooldownMs: 1000, clock });
    const kinds: string[] = [];
    for await (const chunk of model.stream(request)) kinds.push(chunk.kind === 'done' ? chunk.result.kind : 'delta');
    for await (const chunk of model.stream(request)) kinds.push(chunk.kind === 'done' ? chunk.result.kind : 'delta');
    clock.advance(1000);
    for await (const chunk of model.stream(request)) kinds.push(chunk.kind === 'done' ? chunk.result.kind : 'delta');
    expect(kinds).toEqual(['unavailable', 'unavailable', 'delta', 'delta', 'ok']);
    expect(inner.calls).toHaveLength(2);
  });
});

describe('withCircuitBreaker over the OpenAI adapter', () => {
  let mock: OpenAiMockServer;
  beforeAll(async () => {
    mock = await startOpenAiMockServer();
  });
  afterAll(async () => {
    await mock.close();
  });

  it('opens on real 500s, stops sending requests, and recovers half-open', async () => {
    const clock = new FixedClock();
    const adapter = createOpenAiChatModel({ provider: 'openai', baseUrl: mock.baseUrl, apiKey: 'k', model: 'm', timeoutMs: 2000 });
    const model = withCircuitBreaker(adapter, { failureThreshold: 3, cooldownMs: 30_000, clock });
    mock.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    for (let call = 0; call < 5; call += 1) expect((await model.generate(request)).kind).toBe('unavailable');
    expect(mock.requests).toHaveLength(3);
    clock.advance(30_000);
    expect((await model.generate(request)).kind).toBe('ok');
    expect(model.state()).toBe('closed');
    expect(mock.requests).toHaveLength(4);
  });
});
