/**
 * A mock Bot Connector on loopback (plain node:http): records every request (`POST/PUT /v3/conversations/…`)
 * and answers like the connector (`{id}`), or with what a test injects (429 with Retry-After, 403, 404 …).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** One recorded request. */
export interface ConnectorRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
  readonly at: number;
}

/** An injected answer; `undefined` means "answer normally". */
export interface InjectedResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** The running mock. */
export interface MockBotConnector {
  /** Base URL to put into activities' `serviceUrl` (ends with a slash). */
  readonly serviceUrl: string;
  readonly requests: ConnectorRequest[];
  /** Decides the answer per request (return undefined for the normal answer). */
  respondWith(decide: ((request: ConnectorRequest) => InjectedResponse | undefined) | undefined): void;
  /** Requests whose path starts with `/v3/conversations/<conversationId>`. */
  to(conversationId: string): ConnectorRequest[];
  /** Waits until `predicate` holds for the recorded requests. */
  waitFor(predicate: (requests: readonly ConnectorRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the mock on 127.0.0.1 with an ephemeral port. */
export async function startMockBotConnector(): Promise<MockBotConnector> {
  const requests: ConnectorRequest[] = [];
  let decide: ((request: ConnectorRequest) => InjectedResponse | undefined) | undefined;
  let counter = 0;
  const answer = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body ?? {}));
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const recorded: ConnectorRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
        at: Date.now(),
      };
      requests.push(recorded);
      const injected = decide?.(recorded);
      if (injected) return answer(response, injected.status, injected.body, injected.headers);
      counter += 1;
      if (recorded.method === 'POST' && /^\/v3\/conversations\/?$/.test(recorded.url))
        return answer(response, 200, { id: `a:created-${counter}` });
      const existing = /\/activities\/([^/?]+)$/.exec(recorded.url);
      if (recorded.method === 'PUT' && existing?.[1]) return answer(response, 200, { id: decodeURIComponent(existing[1]) });
      answer(response, 200, { id: `activity-${counter}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    requests,
    respondWith: (next) => {
      decide = next;
    },
    to: (conversationId) => requests.filter((entry) => decodeURIComponent(entry.url).startsWith(`/v3/conversations/${conversationId}/`)),
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > until) throw new Error(`mock connector: condition not met after ${timeoutMs} ms (${requests.length} requests)`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
