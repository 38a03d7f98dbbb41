import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiMockServer, type OpenAiMockServer, type RecordedRequest } from '../../support/openai-mock-server.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';
import { join } from 'node:path';

let mock: OpenAiMockServer;
let app: RunningApp;

/** The number of the source block that contains `needle`, read from the prompt the app sent. */
function sourceNumber(request: RecordedRequest, needle: string): number {
  const prompt = JSON.stringify(request.body);
  const blocks = prompt.split('<quelle nr=\\"').slice(1);
  const found = blocks.find((block) => block.includes(needle));
  return found ? Number(found.split('\\"')[0]) : 1;
}

beforeAll(async () => {
  mock = await startOpenAiMockServer();
  app = await startRealApp(join(repoRoot, 'knowledge/sources'), {
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: mock.baseUrl,
    LLM_MODEL: 'mock-gpt',
    LLM_TIMEOUT_MS: '2000',
  });
});
afterAll(async () => {
  await app.close();
  await mock.close();
});
beforeEach(() => {
  mock.respondWith((request) => ({
    kind: 'text',
    text: `Die Kernarbeitszeit von 9:00 bis 13:00 Uhr gilt auch beim mobilen Arbeiten [${sourceNumber(request, '13:00')}].`,
    model: 'mock-gpt',
  }));
});

async function ask(text: string, stream = false) {
  const response = await fetch(`${app.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(stream ? { accept: 'text/event-stream' } : {}) },
    body: JSON.stringify({ text }),
  });
  return {
    response,
    body: stream ? await response.text() : ((await response.json()) as Record<string, unknown> & { provenance: Record<string, unknown> }),
  };
}

describe('generative answers through the OpenAI-compatible mock (real app)', () => {
  it('answers with a verified, cited sentence and records model and prompt version', async () => {
    const { body } = await ask('Welche Kernarbeitszeit gilt beim mobilen Arbeiten?');
    if (typeof body === 'string') throw new Error('expected JSON');
    expect(body.outcome).toBe('answered');
    expect(String(body.answer)).toContain('13:00 Uhr');
    expect(body.provenance).toMatchObject({ mode: 'generative', model: 'mock-gpt', promptId: 'answer.grounded' });
    expect((body.citations as { document: string }[]).length).toBeGreaterThan(0);
    const sent = JSON.stringify(mock.requests.at(-1)?.body);
    expect(sent).toContain('<quelle nr=');
  });

  it('streams verified sentences over SSE and ends with the result event', async () => {
    const { response, body } = await ask('Welche Kernarbeitszeit gilt beim mobilen Arbeiten?', true);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = String(body);
    expect(text).toMatch(/event: delta\ndata: \{"text":"Die Kernarbeitszeit von 9:00 bis 13:00 Uhr/);
    expect(text.indexOf('event: result')).toBeGreaterThan(text.indexOf('event: delta'));
  });

  it('drops an invented number and falls back to the extractive answer with a notice', async () => {
    mock.respondWith((request) => ({
      kind: 'text',
      text: `Die Kernarbeitszeit von 9:00 bis 15:00 Uhr gilt auch beim mobilen Arbeiten [${sourceNumber(request, '13:00')}].`,
    }));
    const { body } = await ask('Welche Kernarbeitszeit gilt beim mobilen Arbeiten?');
    if (typeof body === 'string') throw new Error('expected JSON');
    expect(body.outcome).toBe('answered');
    expect(String(body.answer)).not.toContain('15:00');
    expect(String(body.answer)).toContain('Sprachmodell ist gerade nicht verfügbar');
    expect(body.provenance).toMatchObject({ mode: 'extractive', modelFallback: 'unverifiable' });
  });

  it('falls back on a server error and when the model says the sources do not answer', async () => {
    mock.respondWith({ kind: 'status', status: 500, body: { error: { message: 'boom' } } });
    const failed = await ask('Welche Kernarbeitszeit gilt beim mobilen Arbeiten?');
    if (typeof failed.body === 'string') throw new Error('expected JSON');
    expect(failed.body.provenance).toMatchObject({ mode: 'extractive', modelFallback: 'unavailable' });
    mock.respondWith({ kind: 'text', text: 'KEINE_ANTWORT' });
    const none = await ask('Welche Ausstattung stellt das Amt beim mobilen Arbeiten bereit?');
    if (typeof none.body === 'string') throw new Error('expected JSON');
    expect(['no_answer', 'answered']).toContain(none.body.outcome);
    if (none.body.provenance.modelFallback === undefined) expect(none.body.outcome).toBe('no_answer');
  });
});
