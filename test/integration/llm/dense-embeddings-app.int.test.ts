import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiMockServer, type OpenAiMockServer } from '../../support/openai-mock-server.ts';
import { repoRoot, startRealApp } from '../../support/real-app.ts';

let mock: OpenAiMockServer;
beforeAll(async () => {
  mock = await startOpenAiMockServer();
});
afterAll(async () => mock.close());

async function ask(url: string, text: string) {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  return (await response.json()) as { outcome: string; answer: string; provenance: { indexVersion: string } };
}

describe('dense embeddings as an extra retrieval list (real app)', () => {
  it('embeds chunks and questions through the endpoint and keeps answering', async () => {
    const app = await startRealApp(join(repoRoot, 'knowledge/sources'), {
      LLM_PROVIDER: 'openai',
      LLM_BASE_URL: mock.baseUrl,
      LLM_MODEL: 'mock-gpt',
      EMBEDDINGS_MODEL: 'mock-embed',
    });
    try {
      mock.respondWith((request) => (request.path.endsWith('/embeddings') ? { kind: 'embeddings' } : { kind: 'status', status: 503 }));
      const embeddingCalls = mock.requests.filter((request) => request.path.endsWith('/embeddings')).length;
      expect(embeddingCalls).toBeGreaterThan(0);
      const result = await ask(app.url, 'Wie viele Tage darf ich mobil arbeiten?');
      expect(result.outcome).toBe('answered');
      expect(result.provenance.indexVersion).toContain('openai:mock-embed');
      expect(mock.requests.filter((request) => request.path.endsWith('/embeddings')).length).toBeGreaterThan(embeddingCalls);
    } finally {
      await app.close();
    }
  });

  it('loads a local ONNX model folder offline (tiny test model) and keeps answering', async () => {
    const app = await startRealApp(join(repoRoot, 'knowledge/sources'), {
      EMBEDDINGS_LOCAL_PATH: join(repoRoot, 'test/fixtures/tiny-bert/lotse/tiny-german-bert'),
    });
    try {
      const result = await ask(app.url, 'Wie viele Tage darf ich mobil arbeiten?');
      expect(result.outcome).toBe('answered');
      expect(result.provenance.indexVersion).toContain('onnx:');
    } finally {
      await app.close();
    }
  });
});
