/**
 * Hostile HTTP requests against the web API and console: each must get a clear German error (4xx) and
 * leave the service healthy.
 */

/** One hostile request. */
export interface HostileRequest {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly contentType?: string;
  readonly body?: string | Uint8Array<ArrayBuffer>;
  /** Statuses that count as a clear refusal for this case. */
  readonly expect: readonly number[];
}

const json = 'application/json';
const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const tenMegabytes = JSON.stringify({ text: 'x'.repeat(10 * 1024 * 1024) });

/** The corpus. */
export const hostileRequests: readonly HostileRequest[] = [
  { name: 'malformed JSON', method: 'POST', path: '/api/chat', contentType: json, body: '{"text": "Hallo"', expect: [400] },
  { name: 'truncated JSON', method: 'POST', path: '/api/chat', contentType: json, body: '{"text": "Wie beantr', expect: [400] },
  { name: 'JSON array instead of object', method: 'POST', path: '/api/chat', contentType: json, body: '["Hallo"]', expect: [400] },
  { name: 'JSON null', method: 'POST', path: '/api/chat', contentType: json, body: 'null', expect: [400] },
  { name: 'text is a number', method: 'POST', path: '/api/chat', contentType: json, body: '{"text": 42}', expect: [400] },
  { name: 'text is an object', method: 'POST', path: '/api/chat', contentType: json, body: '{"text": {"$gt": ""}}', expect: [400] },
  { name: 'empty text', method: 'POST', path: '/api/chat', contentType: json, body: '{"text": "   "}', expect: [400] },
  {
    name: 'text too long',
    method: 'POST',
    path: '/api/chat',
    contentType: json,
    body: JSON.stringify({ text: 'a'.repeat(5000) }),
    expect: [400],
  },
  {
    name: 'control characters',
    method: 'POST',
    path: '/api/chat',
    contentType: json,
    body: JSON.stringify({ text: 'Hallo\u0007\u0001' }),
    expect: [400],
  },
  {
    name: 'invalid UTF-8',
    method: 'POST',
    path: '/api/chat',
    contentType: json,
    body: new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    expect: [400],
  },
  { name: '10 MB body', method: 'POST', path: '/api/chat', contentType: json, body: tenMegabytes, expect: [413] },
  {
    name: 'deeply nested JSON (100,000 levels)',
    method: 'POST',
    path: '/api/chat',
    contentType: json,
    body: nested(100_000),
    expect: [400],
  },
  { name: 'wrong content type', method: 'POST', path: '/api/chat', contentType: 'text/plain', body: 'Hallo', expect: [415] },
  { name: 'no body', method: 'POST', path: '/api/chat', contentType: json, expect: [400] },
  {
    name: 'conversation id too long',
    method: 'POST',
    path: '/api/chat',
    contentType: json,
    body: JSON.stringify({ text: 'Hallo', conversationId: 'c'.repeat(500) }),
    expect: [400],
  },
  {
    name: 'feedback with unknown rating',
    method: 'POST',
    path: '/api/feedback',
    contentType: json,
    body: '{"messageId":"m","rating":"meh"}',
    expect: [400],
  },
  {
    name: 'feedback for a foreign message',
    method: 'POST',
    path: '/api/feedback',
    contentType: json,
    body: '{"messageId":"msg-gibt-es-nicht","rating":"down"}',
    expect: [404],
  },
  {
    name: 'ticket for a conversation of somebody else',
    method: 'POST',
    path: '/api/tickets',
    contentType: json,
    body: '{"conversationId":"fremd"}',
    expect: [404],
  },
  {
    name: 'ticket with an invalid reason',
    method: 'POST',
    path: '/api/tickets',
    contentType: json,
    body: '{"conversationId":"c","reason":"drop table"}',
    expect: [400],
  },
  {
    name: 'path traversal in a conversation id',
    method: 'GET',
    path: '/api/conversations/..%2F..%2Fetc%2Fpasswd/messages',
    expect: [200, 404],
  },
  { name: 'path traversal in an asset path', method: 'GET', path: '/assets/..%2F..%2Fpackage.json', expect: [404] },
  { name: 'unknown route', method: 'GET', path: '/api/gibt-es-nicht', expect: [404] },
  { name: 'wrong method', method: 'GET', path: '/api/chat', expect: [404, 405] },
  { name: 'console without login', method: 'GET', path: '/api/tickets', expect: [401] },
  { name: 'open redirect after login', method: 'GET', path: '/login?returnTo=https%3A%2F%2Fevil.example', expect: [302] },
];
