/**
 * Issue #22, transparency and training gate, through the real server with a language model (OpenAI-compatible
 * mock): `/nutzungshinweise` names the current index version and links the text of the Dienstvereinbarung KI;
 * a person without the recorded "KI-Grundlagen" training gets source excerpts with a note saying why, naming
 * the next course date from the catalogue (LOTSE_TODAY 2026-11-22 → 08.12.2026); a trained person gets none.
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

async function ask(person: string, text: string): Promise<{ answer: string; provenance: { mode: string } }> {
  const session = new HttpSession(app.url);
  await session.devLogin({ person });
  const response = await session.request('POST', '/api/chat', {
    csrf: true,
    body: JSON.stringify({ text }),
    type: 'application/json',
    accept: 'application/json',
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { answer: string; provenance: { mode: string } };
}

describe('/nutzungshinweise', () => {
  it('shows the index version in use and links the text of the Dienstvereinbarung KI', async () => {
    const page = await (await fetch(`${app.url}/nutzungshinweise`)).text();
    expect(page).toContain(`<code>${app.lotse.knowledge.indexVersion()}</code>`);
    expect(page).toContain('href="/nutzungshinweise/dienstvereinbarung"');
    const agreement = await fetch(`${app.url}/nutzungshinweise/dienstvereinbarung`);
    expect(agreement.status).toBe(200);
    const text = await agreement.text();
    expect(text).toContain('<h1>Dienstvereinbarung über den Einsatz von Künstlicher Intelligenz (DV KI)</h1>');
    expect(text).toContain('Stand: 2025-06-01');
    expect(text).toContain('href="https://intranet.musterland.example/dienstvereinbarungen/dv-ki"');
    expect(text).toMatch(/<h2>[^<]*§ 8[^<]*<\/h2>/);
  });
});

describe('training gate', () => {
  it('tells an untrained person why the answer is an excerpt and names the next KI-Grundlagen date', async () => {
    const result = await ask('p-marek', 'Welche Kernarbeitszeit gilt beim mobilen Arbeiten?');
    expect(result.provenance.mode).toBe('extractive');
    expect(result.answer).toContain('Pflichtschulung „KI-Grundlagen“ noch nicht erfasst');
    expect(result.answer).toContain('am 08.12.2026, 09:00 Uhr');
    expect(result.answer).toContain('https://intranet.musterland.example/schulungen/ki-grundlagen');
  });

  it('adds no note for a trained person, who gets the model answer', async () => {
    const result = await ask('p-aylin', 'Welche Kernarbeitszeit gilt beim mobilen Arbeiten?');
    expect(result.provenance.mode).toBe('generative');
    expect(result.answer).not.toContain('KI-Grundlagen');
  });
});
