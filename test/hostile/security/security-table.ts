/**
 * Helpers of the security suite (`npm run test:security`): raw loopback HTTP requests (custom `Host` and
 * forwarding headers, which `fetch` does not let a test set) and the attack / expected / observed table.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, expect } from 'vitest';

/** One answer of `rawRequest`. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Sends one request to a loopback URL with exactly the given headers (including `Host`); `path` is sent verbatim. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; path?: string } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: options.path ?? `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (options.body !== undefined) outgoing.write(options.body);
    outgoing.end();
  });
}

interface Row {
  readonly attack: string;
  readonly expected: string;
  readonly observed: string;
}

/** Collects rows and prints the table after the file's tests; `record` also asserts expected === observed. */
export function securityTable(title: string): {
  record(attack: string, expected: string | number | boolean, observed: string | number | boolean): void;
} {
  const rows: Row[] = [];
  afterAll(() => {
    const width = (key: keyof Row, header: string): number => Math.max(header.length, ...rows.map((row) => row[key].length));
    const [a, e, o] = [width('attack', 'attack'), width('expected', 'expected'), width('observed', 'observed')];
    const line = (row: Row): string => `| ${row.attack.padEnd(a)} | ${row.expected.padEnd(e)} | ${row.observed.padEnd(o)} |`;
    const text = [
      `\n${title}`,
      line({ attack: 'attack', expected: 'expected', observed: 'observed' }),
      `|${'-'.repeat(a + 2)}|${'-'.repeat(e + 2)}|${'-'.repeat(o + 2)}|`,
      ...rows.map(line),
    ].join('\n');
    process.stdout.write(`${text}\n`);
  });
  return {
    record(attack, expected, observed) {
      rows.push({ attack, expected: String(expected), observed: String(observed) });
      expect(String(observed), attack).toBe(String(expected));
    },
  };
}
