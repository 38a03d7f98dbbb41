/**
 * Trusting a private or self-signed CA for the XMPP server (`XMPP_CA_FILE`), and recognising the
 * certificate errors that need it. `@xmpp/client` 0.14 has no TLS options: STARTTLS calls
 * `tls.connect({ socket, host })` through its TLS socket class (xmppjs/xmpp.js#598, #885). We therefore
 * wrap that class's `connect` once and add the configured CA for the configured host names only.
 */
import { rootCertificates } from 'node:tls';

/** Node's codes for a server certificate that does not chain to a trusted CA. */
const untrustedCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** Whether `error` says the server's certificate is not signed by a trusted CA (self-signed, private CA). */
export function isUntrustedCertificate(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && untrustedCodes.has(code);
}

/** Operator text (English, then German) when start-up stops on an untrusted certificate. */
export function untrustedCertificateMessage(service: string, error: unknown, caFile: string | undefined): string {
  const code = String((error as { code?: unknown }).code ?? 'unknown');
  const english = caFile
    ? `XMPP server ${service} presented a certificate that is not signed by the CA in XMPP_CA_FILE (${caFile}) (${code}): check that the file holds the CA that issued the server certificate`
    : `XMPP server ${service} presented a certificate that is not signed by a trusted CA (${code}): for a private or self-signed CA set XMPP_CA_FILE to its PEM file, or start lotse with NODE_EXTRA_CA_CERTS=<file>`;
  const german = caFile
    ? `Das Zertifikat des XMPP-Servers ist nicht von der Zertifizierungsstelle in XMPP_CA_FILE signiert.`
    : `Das Zertifikat des XMPP-Servers stammt von keiner vertrauenswürdigen Zertifizierungsstelle. Bei einer eigenen (privaten) oder selbst signierten Zertifizierungsstelle tragen Sie deren PEM-Datei in XMPP_CA_FILE ein oder starten lotse mit NODE_EXTRA_CA_CERTS=<Datei>.`;
  return `${english}. ${german}`;
}

type ConnectOptions = Record<string, unknown> & { host?: unknown; servername?: unknown; ca?: unknown };
type SocketClass = { prototype: { connect: (...args: unknown[]) => void } };

const trusted = new Map<string, string>();
const wrapped = new WeakSet<object>();

/**
 * Adds `caPem` to the trusted CAs of every TLS connection the XMPP library opens to `hosts`
 * (the XMPP domain for STARTTLS, the service host for direct TLS). `transports` are the client's
 * connection classes (`xmpp.transports`); the one with a TLS socket class is wrapped once per process.
 */
export function trustCaForHosts(transports: readonly unknown[], hosts: readonly string[], caPem: string): void {
  for (const host of hosts) trusted.set(host.toLowerCase(), caPem);
  for (const transport of transports) {
    const connection = (transport as { prototype?: { Socket?: SocketClass; socketParameters?: (service: string) => unknown } }).prototype;
    // The TLS transport is the one that handles `xmpps://`; STARTTLS upgrades use the same socket class.
    if (typeof connection?.socketParameters !== 'function' || connection.socketParameters('xmpps://probe.invalid') === undefined) continue;
    const prototype = connection.Socket?.prototype;
    if (!prototype || wrapped.has(prototype) || typeof prototype.connect !== 'function') continue;
    const original = prototype.connect;
    prototype.connect = function connectWithTrustedCa(this: unknown, ...args: unknown[]) {
      const [options] = args;
      if (options && typeof options === 'object') {
        const connectOptions = options as ConnectOptions;
        const host = String(connectOptions.servername ?? connectOptions.host ?? '').toLowerCase();
        const ca = trusted.get(host);
        if (ca && connectOptions.ca === undefined)
          return original.call(this, { ...connectOptions, ca: [...rootCertificates, ca] }, ...args.slice(1));
      }
      return original.apply(this, args);
    };
    wrapped.add(prototype);
  }
}
