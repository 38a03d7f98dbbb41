/**
 * Issue #22 with a language model (OpenAI-compatible mock) through the real server: `plainLanguage: true` on
 * `/api/chat` makes the generated answer use the Leichte-Sprache prompt, and a generated answer carries
 * suggestions from its cited documents like an extractive one.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startOpenAiMockServer, type OpenAiMockServer } from '../../support/openai-mock-server.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';

let mock: OpenAiMockServer;
let app: RunningApp;

beforeAll(async () => {
  mock = await startOpenAiMockServer();
  mock.respondWith(() => ({
    kind: 'text',
    text: 'Die Kernarbeitszeit von 9:00 bis 13:00 Uhr gilt auch beim mobilen Arbeiten [1].',
    model: 'mock-gpt',
  }));
  app = await startRealApp(join(repoRoot, 'knowledge/sources'), {
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: mock.baseUrl,
    LLM_MODEL: 'mock-gpt',
    LLM_TIMEOUT_MS: '2000',
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await mock?.close();
});

async function ask(body: Record<string, unknown>): Promise<{ provenance: { mode: string; promptId?: string }; suggestions: string[] }> {
  const session = new HttpSession(app.url);
  await session.devLogin({ person: 'p-aylin' });
  const response = await session.request('POST', '/api/chat', {
    csrf: true,
    body: JSON.stringify(body),
    type: 'application/json',
    accept: 'application/json',
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { provenance: { mode: string; promptId?: string }; suggestions: string[] };
}

function lastSystemPrompt(): string {
  const chat = mock.requests.filter((request) => request.path.endsWith('/chat/completions')).at(-1);
  const messages = (chat?.body?.messages ?? []) as { role: string; content: string }[];
  return messages.find((message) => message.role === 'system')?.content ?? '';
}

describe('Leichte Sprache with a model', () => {
  it('uses the Leichte-Sprache prompt only when asked for', async () => {
    const question = 'Welche Kernarbeitszeit gilt beim mobilen Arbeiten?';
    const normal = await ask({ text: question });
    expect(normal.provenance).toMatchObject({ mode: 'generative', promptId: 'answer.grounded' });
    expect(lastSystemPrompt()).not.toContain('Leichter Sprache');
    expect(normal.suggestions.length).toBeGreaterThanOrEqual(2);
    const plain = await ask({ text: question, plainLanguage: true });
    expect(plain.provenance).toMatchObject({ mode: 'generative', promptId: 'answer.grounded-leichte-sprache', plainLanguage: true });
    expect(lastSystemPrompt()).toContain('Du antwortest in Leichter Sprache.');
  });
});
