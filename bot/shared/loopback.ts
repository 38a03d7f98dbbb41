/**
 * Loopback checks for the development-only entry points (dev login, Teams dev mode): they trust the
 * caller, so they may only be reached from this machine, never through a reverse proxy (issue #18).
 */

/** True for 127.0.0.0/8, ::1 and localhost (with or without IPv6 brackets). */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || /^::ffff:127(\.\d{1,3}){3}$/.test(bare);
}

/** Strips the port from a `Host` header value (`127.0.0.1:3978`, `[::1]:3978`, `localhost`). */
export function hostNameOf(hostHeader: string): string {
  const value = hostHeader.trim();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon > -1 && value.indexOf(':') === colon ? value.slice(0, colon) : value;
}

/** The part of a request the loopback check reads. */
export interface LoopbackRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly socket?: { readonly remoteAddress?: string | undefined };
}

/** Why a request is not a direct loopback request, or undefined when it is one. */
export type LoopbackRefusal = 'forwarded' | 'host' | 'remote';

/**
 * Checks that a request came straight from this machine: a loopback `Host`, no `Forwarded`, `X-Forwarded-*`
 * or `X-Real-IP` header (a proxy was involved), and a loopback peer address.
 */
export function loopbackRefusal(request: LoopbackRequest): LoopbackRefusal | undefined {
  const names = Object.keys(request.headers).map((name) => name.toLowerCase());
  if (names.some((name) => name === 'forwarded' || name.startsWith('x-forwarded-') || name === 'x-real-ip')) return 'forwarded';
  const host = request.headers.host;
  if (typeof host !== 'string' || !isLoopbackHost(hostNameOf(host))) return 'host';
  const remote = request.socket?.remoteAddress;
  if (remote !== undefined && !isLoopbackHost(remote)) return 'remote';
  return undefined;
}
