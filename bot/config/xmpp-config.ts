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

const intWithDefault = (min: number, max: number, fallback: number) =>
  optionalText
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .pipe(z.number().int().min(min).max(max).default(fallback));

const whenSet = 'required when XMPP_SERVICE is set';

/** The Jabber variables; each `.describe()` is its meaning in docs/reference/configuration.md. */
export const xmppEnvSchema = z.object({
  XMPP_SERVICE: z
    .string()
    .trim()
    .regex(/^(xmpp|xmpps):\/\/[^/\s]+$/, 'expected xmpp://host[:port] or xmpps://host[:port]')
    .meta({
      description: '`xmpp://host:5222` (STARTTLS required) or `xmpps://host:5223` (direct TLS)',
      derivedDefault: 'unset or empty: channel off',
    }),
  XMPP_DOMAIN: optionalText.meta({
    description: "XMPP domain of the account when it differs from the server's host name (Cisco IM&P: the presence domain)",
    derivedDefault: 'host of `XMPP_SERVICE`',
  }),
  XMPP_USERNAME: z.string().trim().min(1, whenSet).describe('local part of the bot account, e.g. `lotse`'),
  XMPP_PASSWORD: z.string().min(1, whenSet).describe('password of the bot account'),
  XMPP_RESOURCE: optionalText.pipe(z.string().default('lotse')).describe('XMPP resource of the connection'),
  XMPP_ALLOW_PLAIN: optionalText
    .pipe(z.enum(['true', 'false']).default('false'))
    .describe('`true` allows an unencrypted connection, only to a loopback `XMPP_SERVICE` (tests)'),
  XMPP_RATE_PER_MINUTE: intWithDefault(1, 10_000, 20).describe('questions per user and minute'),
  XMPP_RATE_BURST: intWithDefault(1, 1000, 5).describe('burst of questions allowed per user'),
  XMPP_MAX_MESSAGE_CHARS: intWithDefault(200, 100_000, 2000).describe('longer replies are split into several chat messages'),
  XMPP_RECONNECT_MAX_MS: intWithDefault(1000, 600_000, 2000).describe('upper bound of the reconnect backoff'),
  XMPP_LEASE_TTL_MS: intWithDefault(1000, 600_000, 30_000).describe(
    'several replicas: only the holder of the lease `xmpp` connects; its lifetime',
  ),
  XMPP_LEASE_RENEW_MS: optionalInt(100, 300_000).meta({
    description: 'how often every replica renews or tries to take the lease; at most half of `XMPP_LEASE_TTL_MS`',
    derivedDefault: 'a third of `XMPP_LEASE_TTL_MS`',
  }),
  XMPP_CA_FILE: optionalText.describe(
    'PEM file of a private or self-signed CA trusted for the XMPP server in addition to the public ones (or `NODE_EXTRA_CA_CERTS`)',
  ),
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
  const parsed = xmppEnvSchema.safeParse(env);
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
    resource: values.XMPP_RESOURCE,
    allowPlain,
    ratePerMinute: values.XMPP_RATE_PER_MINUTE,
    rateBurst: values.XMPP_RATE_BURST,
    maxMessageChars: values.XMPP_MAX_MESSAGE_CHARS,
    reconnectMaxMs: values.XMPP_RECONNECT_MAX_MS,
    ...leaseTimes(values.XMPP_LEASE_TTL_MS, values.XMPP_LEASE_RENEW_MS),
    ...readCa(values.XMPP_CA_FILE),
  };
}
