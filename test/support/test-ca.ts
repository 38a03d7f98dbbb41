/**
 * A private CA and a server certificate it signed (openssl, 2-day validity, temp dir), for tests of
 * servers with a private or self-signed CA (issue #19, item 3).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PEM files of the CA and of the server certificate for `domain`. */
export interface TestCa {
  readonly caFile: string;
  readonly certificate: string;
  readonly key: string;
  close(): void;
}

/** Creates the CA and a server certificate with `domain` as its subject alternative name. */
export async function createTestCa(domain: string): Promise<TestCa> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-ca-'));
  const file = (name: string): string => join(dir, name);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=Musterland Test CA',
  ]);
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    `/CN=${domain}`,
  ]);
  writeFileSync(file('ext.cnf'), `subjectAltName=DNS:${domain}\n`);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.crt'),
    '-days',
    '2',
    '-extfile',
    file('ext.cnf'),
  ]);
  return {
    caFile: file('ca.crt'),
    certificate: file('server.crt'),
    key: file('server.key'),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A self-signed server certificate for `domain` (it is its own CA: `caFile` is the certificate itself). */
export async function createSelfSigned(domain: string): Promise<TestCa> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-selfsigned-'));
  const file = (name: string): string => join(dir, name);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.crt'),
    '-days',
    '2',
    '-subj',
    `/CN=${domain}`,
    '-addext',
    `subjectAltName=DNS:${domain}`,
  ]);
  return {
    caFile: file('server.crt'),
    certificate: file('server.crt'),
    key: file('server.key'),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
