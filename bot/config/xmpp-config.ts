/**
 * Configuration of the Jabber/XMPP channel (`XMPP_*`). The channel is configured only when
 * `XMPP_SERVICE` is set. TLS is required unless `XMPP_ALLOW_PLAIN=true`, which is accepted only for a
 * loopback service address (tests, a Prosody on the same host).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalInt = (min: number, max: number) =>
  optionalText.transform((value) => (value === undefined ? undefined : Number(value))).pipe(z.number().int().min(min).max(max).optional());

const envSchema = z.object({
  XMPP_SERVICE: z
    .string()
    .trim()
    .regex(/^(xmpp|xmpps):\/\/[^/\s]+$/, 'expected xmpp://host[:port] or xmpps://host[:port]'),
  XMPP_DOMAIN: optionalText,
  XMPP_USERNAME: z.string().trim().min(1, 'required when XMPP_SERVICE is set'),
  XMPP_PASSWORD: z.string().min(1, 'required when XMPP_SERVICE is set'),
  XMPP_RESOURCE: optionalText,
  XMPP_ALLOW_PLAIN: optionalText.pipe(z.enum(['true', 'false']).optional()),
  XMPP_RATE_PER_MINUTE: optionalInt(1, 10_000),
  XMPP_RATE_BURST: optionalInt(1, 1000),
  XMPP_MAX_MESSAGE_CHARS: optionalInt(200, 100_000),
  XMPP_RECONNECT_MAX_MS: optionalInt(1000, 600_000),
  XMPP_LEASE_TTL_MS: optionalInt(1000, 600_000),
  XMPP_LEASE_RENEW_MS: optionalInt(100, 300_000),
  XMPP_CA_FILE: optionalText,
});

/** Validated settings of the XMPP channel. */
export interface XmppConfig {
  /** `xmpp://host:port` (STARTTLS) or `xmpps://host:port` (direct TLS). */
  readonly service: string;
  readonly domain: string;
  readonly username: string;
  readonly password: string;
  readonly resource: string;
  /** Unencrypted connections allowed (loopback only). */
  readonly allowPlain: boolean;
  /** Questions per user and minute (token bucket refill) and the burst size. */
  readonly ratePerMinute: number;
  readonly rateBurst: number;
  /** Longer replies are split into several chat messages. */
  readonly maxMessageChars: number;
  /** Upper bound of the reconnect backoff (2 s: back within 5 s once the server is reachable again, issue #19). */
  readonly reconnectMaxMs: number;
  /** Several replicas: only the holder of the lease `xmpp` connects; lease lifetime and renewal interval. */
  readonly leaseTtlMs: number;
  readonly leaseRenewMs: number;
  /** A private or self-signed CA (`XMPP_CA_FILE`, PEM) trusted for the XMPP server in addition to the public ones. */
  readonly ca?: { readonly file: string; readonly pem: string };
}

/** Thrown for invalid `XMPP_*` values (operator-facing, English). */
export class XmppConfigError extends Error {
  override readonly name = 'XmppConfigError';
}

/** Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

function hostOf(service: string): string {
  const authority = service.replace(/^[a-z]+:\/\//, '');
  const ipv6 = /^\[([^\]]+)\]/.exec(authority);
  return ipv6 ? ipv6[1]! : authority.split(':')[0]!;
}

function leaseTimes(leaseTtlMs: number, renew: number | undefined): { leaseTtlMs: number; leaseRenewMs: number } {
  const leaseRenewMs = renew ?? Math.round(leaseTtlMs / 3);
  if (leaseRenewMs * 2 > leaseTtlMs)
    throw new XmppConfigError('Invalid configuration: XMPP_LEASE_RENEW_MS must be at most half of XMPP_LEASE_TTL_MS');
  return { leaseTtlMs, leaseRenewMs };
}

function readCa(file: string | undefined): { ca?: { file: string; pem: string } } {
  if (!file) return {};
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new XmppConfigError(
      `Invalid configuration: XMPP_CA_FILE ${file} cannot be read (${(error as { code?: string }).code ?? String(error)})`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new XmppConfigError(`Invalid configuration: XMPP_CA_FILE ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return { ca: { file, pem } };
}

/** Parses the `XMPP_*` variables; `undefined` when `XMPP_SERVICE` is not set (channel off). */
export function parseXmppConfig(env: Record<string, string | undefined>): XmppConfig | undefined {
  if (!env.XMPP_SERVICE?.trim()) return undefined;
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new XmppConfigError(`Invalid configuration: ${details}`);
  }
  const values = parsed.data;
  const host = hostOf(values.XMPP_SERVICE);
  const allowPlain = values.XMPP_ALLOW_PLAIN === 'true';
  if (allowPlain && !isLoopbackHost(host)) {
    throw new XmppConfigError(
      `Invalid configuration: XMPP_ALLOW_PLAIN=true is only allowed for a loopback XMPP_SERVICE (got host "${host}")`,
    );
  }
  return {
    service: values.XMPP_SERVICE,
    domain: values.XMPP_DOMAIN ?? host,
    username: values.XMPP_USERNAME,
    password: values.XMPP_PASSWORD,
    resource: values.XMPP_RESOURCE ?? 'lotse',
    allowPlain,
    ratePerMinute: values.XMPP_RATE_PER_MINUTE ?? 20,
    rateBurst: values.XMPP_RATE_BURST ?? 5,
    maxMessageChars: values.XMPP_MAX_MESSAGE_CHARS ?? 2000,
    reconnectMaxMs: values.XMPP_RECONNECT_MAX_MS ?? 2000,
    ...leaseTimes(values.XMPP_LEASE_TTL_MS ?? 30_000, values.XMPP_LEASE_RENEW_MS),
    ...readCa(values.XMPP_CA_FILE),
  };
}
