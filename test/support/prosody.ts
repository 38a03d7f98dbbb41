/**
 * A real Prosody XMPP server for integration tests and benchmarks: loopback-only config in a temp dir,
 * a random free port, accounts registered with `prosodyctl`, started as the `prosody` user and stopped
 * by PID (dependencies.md §7). Plain-text auth without TLS is allowed because it never leaves 127.0.0.1.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian installs Prosody; the tests skip with a message when it is missing. */
export const prosodyBinary = '/usr/bin/prosody';

/** Whether Prosody is installed on this machine. */
export const prosodyAvailable = existsSync(prosodyBinary) && existsSync('/usr/bin/prosodyctl');

/** An account to register. */
export interface XmppAccount {
  readonly username: string;
  readonly password: string;
}

/** A running (or stopped) Prosody instance. */
export interface ProsodyServer {
  readonly domain: string;
  readonly port: number;
  /** `xmpp://127.0.0.1:<port>` */
  readonly service: string;
  readonly dir: string;
  register(accounts: readonly XmppAccount[]): Promise<void>;
  start(): Promise<void>;
  /** Stops the server by PID and waits until it has exited. */
  stop(): Promise<void>;
  /** Stops and removes the temp dir. */
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A certificate and key (PEM files) for the server; with it the server requires STARTTLS. */
export interface ProsodyTls {
  readonly certificate: string;
  readonly key: string;
}

function encryptionLines(dir: string, tls: ProsodyTls | undefined): string {
  if (!tls)
    return `modules_disabled = { "s2s"; "tls" }
allow_registration = false; c2s_require_encryption = false; allow_unencrypted_plain_auth = true`;
  return `modules_disabled = { "s2s" }
allow_registration = false; c2s_require_encryption = true; allow_unencrypted_plain_auth = false
ssl = { certificate = "${join(dir, 'certs', 'server.crt')}"; key = "${join(dir, 'certs', 'server.key')}" }`;
}

function configText(dir: string, domain: string, port: number, options: { nagle?: boolean; tls?: ProsodyTls }): string {
  return `
pidfile = "${dir}/prosody.pid"; data_path = "${dir}/data"; certificates = "${dir}/certs"
daemonize = false
log = { error = "${dir}/prosody-error.log"; info = "${dir}/prosody.log" }
interfaces = { "127.0.0.1" }; c2s_ports = { ${port} }; local_interfaces = { "127.0.0.1" }
http_ports = { }; https_ports = { }; s2s_ports = { }; c2s_direct_tls_ports = { }
modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; "carbons"; "smacks"; "offline"; "presence"; "message"; "iq"; "posix"${options.tls ? '; "tls"' : ''} }
${encryptionLines(dir, options.tls)}
authentication = "internal_hashed"; storage = "internal"
smacks_hibernation_time = 60
${options.nagle === false ? 'network_settings = { nagle = false }' : ''}
VirtualHost "${domain}"
`;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`prosody did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function ownByProsody(dir: string): void {
  if (!asRoot) return;
  // The data dir must belong to the prosody user, which the server drops to.
  const { uid, gid } = prosodyIds();
  for (const path of [
    dir,
    join(dir, 'data'),
    join(dir, 'certs'),
    ...['server.crt', 'server.key'].map((name) => join(dir, 'certs', name)).filter(existsSync),
  ])
    chownSync(path, uid, gid);
}

function prosodyIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('prosody:'));
  const fields = line?.split(':') ?? [];
  if (fields.length < 4) throw new Error('the prosody system user does not exist (apt-get install prosody)');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** Writes the config and starts Prosody for `domain` on a free loopback port; `nagle: false` sets TCP_NODELAY on its sockets. */
export async function startProsody(
  options: { domain?: string; accounts?: readonly XmppAccount[]; nagle?: boolean; tls?: ProsodyTls } = {},
): Promise<ProsodyServer> {
  const domain = options.domain ?? 'musterland.example';
  const dir = mkdtempSync(join(tmpdir(), 'lotse-prosody-'));
  mkdirSync(join(dir, 'data'));
  mkdirSync(join(dir, 'certs'));
  const port = await freePort();
  const config = join(dir, 'prosody.cfg.lua');
  writeFileSync(config, configText(dir, domain, port, options));
  if (options.tls) {
    copyFileSync(options.tls.certificate, join(dir, 'certs', 'server.crt'));
    copyFileSync(options.tls.key, join(dir, 'certs', 'server.key'));
  }
  ownByProsody(dir);
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const register = async (accounts: readonly XmppAccount[]): Promise<void> => {
    // prosodyctl takes ~40 ms per account; a few in parallel keep 50 accounts well under a second or two.
    const queue = [...accounts];
    const worker = async (): Promise<void> => {
      for (let account = queue.shift(); account; account = queue.shift()) {
        await run('prosodyctl', ['--config', config, 'register', account.username, domain, account.password]);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
  };

  const start = async (): Promise<void> => {
    const command = asRoot ? 'runuser' : prosodyBinary;
    const args = asRoot ? ['-u', 'prosody', '--', prosodyBinary, '--config', config, '-F'] : ['--config', config, '-F'];
    const started = spawn(command, args, { stdio: 'ignore' });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    await waitForPort(port, 15_000);
  };

  const stop = async (): Promise<void> => {
    if (!child || child.exitCode !== null) return;
    const pidFile = join(dir, 'prosody.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : child.pid;
    if (pid) process.kill(pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (pid && child?.exitCode === null) process.kill(pid, 'SIGKILL');
    }, 5000);
    await exited;
    clearTimeout(timer);
    child = undefined;
  };

  if (options.accounts?.length) await register(options.accounts);
  await start();
  return {
    domain,
    port,
    service: `xmpp://127.0.0.1:${port}`,
    dir,
    register,
    start,
    stop,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
