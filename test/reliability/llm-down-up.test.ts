/**
 * Reliability: the language-model endpoint goes down and comes back. While it is down every question is
 * still answered (the extractive fallback, never a 5xx; after three failures the circuit breaker answers at
 * once); once it is back and the breaker's 30 s cooldown has passed (a shifted clock), answers are
 * generative again without a restart. A small TCP relay on a fixed port plays the endpoint.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createLotse } from '../../bot/app/create-lotse.ts';
import type { Lotse } from '../../bot/app/lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { createHttpServer, startHttpServer } from '../../bot/http/create-server.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { startOpenAiMockServer, type OpenAiMockServer } from '../support/openai-mock-server.ts';

/** Listens on `port` and relays every connection to `target`; `down()` refuses connections and cuts open ones. */
function relay(target: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const up = (port: number) =>
    new Promise<number>((resolve) => {
      server = createServer((socket) => {
        const upstream = connect(target, '127.0.0.1');
        sockets.add(socket).add(upstream);
        socket.pipe(upstream).pipe(socket);
        const drop = () => {
          socket.destroy();
          upstream.destroy();
        };
        socket.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      }).listen(port, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      server ? server.close(() => resolve()) : resolve();
    });
  return { up, down };
}

describe('LLM endpoint down and up', () => {
  let mock: OpenAiMockServer;
  let lotse: Lotse;
  let app: { url: string; close(): Promise<void> };
  let offset = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-llm-down-'));
  const repoRoot = join(import.meta.dirname, '../..');
  let endpoint: ReturnType<typeof relay>;
  let port: number;
  beforeAll(async () => {
    mock = await startOpenAiMockServer();
    mock.respondWith(() => ({ kind: 'text', text: 'Die Kernarbeitszeit gilt von 9:00 bis 13:00 Uhr [1].', model: 'mock-gpt' }));
    endpoint = relay(Number(new URL(mock.baseUrl).port));
    port = await endpoint.up(0);
    const env = {
      LOTSE_TODAY: '2026-11-22',
      LLM_PROVIDER: 'openai',
      LLM_BASE_URL: `http://127.0.0.1:${port}/v1`,
      LLM_MODEL: 'mock-gpt',
      LLM_TIMEOUT_MS: '2000',
    };
    lotse = await createLotse(loadConfig(env, { dataDir }, repoRoot), silentLogger, {
      clock: { now: () => new Date(Date.now() + offset) },
    });
    await ingestKnowledge(lotse.knowledge, { folder: join(repoRoot, 'knowledge/sources'), dataDir });
    app = await startHttpServer(createHttpServer({ chat: lotse.chat, logger: silentLogger, transparency: lotse.transparency }), {
      port: 0,
      host: '127.0.0.1',
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await lotse?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await endpoint?.down();
    await mock?.close();
  });

  const ask = async () => {
    const started = Date.now();
    const response = await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Welche Kernarbeitszeit gilt beim mobilen Arbeiten?' }),
    });
    const body = (await response.json()) as { outcome: string; provenance: { mode: string } };
    return { status: response.status, mode: body.provenance?.mode, outcome: body.outcome, ms: Date.now() - started };
  };

  it('falls back to extractive answers while the endpoint is down and uses it again when it is back', async () => {
    expect(await ask()).toMatchObject({ status: 200, mode: 'generative' });
    await endpoint.down();
    const during = [await ask(), await ask(), await ask(), await ask(), await ask()];
    for (const answer of during) {
      expect(answer.status).toBe(200);
      expect(answer.mode).not.toBe('generative');
    }
    await endpoint.up(port);
    offset = 31_000; // the breaker's cooldown has passed: the next question probes the endpoint again
    const after = await ask();
    expect(after).toMatchObject({ status: 200, mode: 'generative' });
    console.info(
      `llm down/up: ${during.length} answers during the outage (${during.map((answer) => `${answer.mode} ${answer.ms} ms`).join(', ')}), generative again after it`,
    );
  }, 60_000);
});
