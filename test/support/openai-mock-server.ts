/**
 * A scriptable OpenAI-compatible HTTP mock on 127.0.0.1 (ephemeral port) for adapter tests: OpenAI paths
 * (`/v1/chat/completions`, `/v1/embeddings`) and Azure deployment paths, JSON and SSE, error statuses,
 * hangs and malformed bodies. Every request is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the mock answers to one request. */
export type MockReply =
  | { kind: 'text'; text: string; delayMs?: number; finishReason?: string; model?: string; chunkSize?: number }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status?: number; body: string; contentType?: string }
  | { kind: 'hang' }
  | { kind: 'embeddings'; vectors?: number[][] };

/** One recorded request. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Record<string, unknown> | null;
}

/** Chooses a reply for a request (used when no queued reply is left). */
export type MockResponder = (request: RecordedRequest) => MockReply;

/** The running mock. */
export interface OpenAiMockServer {
  /** `http://127.0.0.1:<port>` (Azure endpoint). */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/v1` (OpenAI base URL). */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Sets the default reply (a value or a function of the request). */
  respondWith(reply: MockReply | MockResponder): void;
  /** Queues replies that are used, in order, before the default. */
  enqueue(...replies: MockReply[]): void;
  close(): Promise<void>;
}

/** A deterministic 8-d vector of a text (letters histogram), for embedding replies. */
export function mockVector(text: string): number[] {
  const vector = new Array<number>(8).fill(0);
  for (const char of text.toLowerCase()) vector[char.charCodeAt(0) % 8]! += 1;
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

function completion(text: string, model: string, finishReason: string): unknown {
  return {
    id: 'chatcmpl-mock',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finishReason }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

function chunk(model: string, delta: Record<string, string>, finishReason: string | null): string {
  const body = {
    id: 'chatcmpl-mock',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

async function sendText(response: ServerResponse, reply: Extract<MockReply, { kind: 'text' }>, request: RecordedRequest): Promise<void> {
  const model = reply.model ?? String(request.body?.['model'] ?? 'mock-model');
  const finishReason = reply.finishReason ?? 'stop';
  if (request.body?.['stream'] !== true) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(completion(reply.text, model, finishReason)));
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.write(chunk(model, { role: 'assistant', content: '' }, null));
  const size = reply.chunkSize ?? 8;
  for (let index = 0; index < reply.text.length; index += size) {
    response.write(chunk(model, { content: reply.text.slice(index, index + size) }, null));
    await new Promise((resolve) => setImmediate(resolve));
  }
  response.write(chunk(model, {}, finishReason));
  response.end('data: [DONE]\n\n');
}

function sendEmbeddings(response: ServerResponse, reply: Extract<MockReply, { kind: 'embeddings' }>, request: RecordedRequest): void {
  const input = request.body?.['input'];
  const texts = Array.isArray(input) ? input.map(String) : [String(input)];
  const vectors = reply.vectors ?? texts.map(mockVector);
  const base64 = request.body?.['encoding_format'] === 'base64';
  const data = vectors.map((vector, index) => ({
    object: 'embedding',
    index,
    embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector,
  }));
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({ object: 'list', data, model: request.body?.['model'] ?? 'mock-embed', usage: { prompt_tokens: 1, total_tokens: 1 } }),
  );
}

async function send(response: ServerResponse, reply: MockReply, request: RecordedRequest): Promise<void> {
  if (reply.kind === 'text' && reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (response.destroyed) return;
  switch (reply.kind) {
    case 'hang':
      return;
    case 'text':
      return sendText(response, reply, request);
    case 'embeddings':
      return sendEmbeddings(response, reply, request);
    case 'raw':
      response.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' });
      response.end(reply.body);
      return;
    case 'status':
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(reply.body ?? { error: { message: `mock status ${reply.status}`, type: 'mock' } }));
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): Record<string, unknown> | null {
  if (text === '') return null;
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

const defaultResponder: MockResponder = (request) =>
  request.path.endsWith('/embeddings') ? { kind: 'embeddings' } : { kind: 'text', text: 'Antwort vom Mock.' };

/**
 * Starts the mock on an ephemeral loopback port.
 * @example const mock = await startOpenAiMockServer(); mock.enqueue({ kind: 'status', status: 500 });
 */
export async function startOpenAiMockServer(): Promise<OpenAiMockServer> {
  const requests: RecordedRequest[] = [];
  const queue: MockReply[] = [];
  const sockets = new Set<Socket>();
  let responder: MockResponder = defaultResponder;
  const server = createServer((incoming, response) => {
    void readBody(incoming).then(async (text) => {
      const url = incoming.url ?? '/';
      const record: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url,
        path: url.split('?')[0] ?? url,
        headers: incoming.headers,
        body: parseJson(text),
      };
      requests.push(record);
      await send(response, queue.shift() ?? responder(record), record);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/v1`,
    requests,
    respondWith: (reply) => {
      responder = typeof reply === 'function' ? reply : () => reply;
    },
    enqueue: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
