/**
 * Real `lotse serve` processes for scale-out and reliability tests: each replica is `node bin/lotse.js
 * serve` with its own data dir and loopback port, sharing whatever `DATABASE_URL` the test passes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

/** One running replica. */
export interface Replica {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** SIGKILL (no shutdown code runs) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/** Request limits high enough never to trigger in load and failover tests. */
const unlimited = {
  RATE_LIMIT_PER_MINUTE: '100000',
  RATE_LIMIT_BURST: '100000',
  RATE_LIMIT_CLIENT_PER_MINUTE: '1000000',
  RATE_LIMIT_CLIENT_BURST: '1000000',
};

/** Starts a replica and resolves once it serves; `dataDir` reuses a folder (restart after a crash). */
export async function startReplica(
  env: Record<string, string>,
  options: { dataDir?: string; ingest?: boolean; timeoutMs?: number } = {},
): Promise<Replica> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lotse-replica-'));
  const child = spawn(process.execPath, ['bin/lotse.js', 'serve', ...(options.ingest ? [] : ['--no-ingest'])], {
    cwd: repoRoot,
    // Load and failover tests drive many requests from one loopback client: request limits (issue #18) off unless a test sets them.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      AUTH_MODE: 'dev',
      LOTSE_TODAY: '2026-11-23',
      LOG_LEVEL: 'warn',
      ...unlimited,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`replica did not start within ${options.timeoutMs ?? 45_000} ms:\n${output}`)),
      options.timeoutMs ?? 45_000,
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /lotse web chat: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`replica exited with ${code} before serving:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    stderr: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Removes the data dirs of replicas. */
export function removeReplicaDirs(replicas: readonly Replica[]): void {
  for (const replica of replicas) rmSync(replica.dataDir, { recursive: true, force: true });
}

/** A throw-away PostgreSQL for this test file and the replicas started against it, all stopped afterwards. */
export function usePostgresReplicas(bin: string): { server: () => TestPostgres; readonly replicas: Replica[] } {
  let server: TestPostgres | undefined;
  const replicas: Replica[] = [];
  beforeAll(async () => {
    server = await startTestPostgres(bin);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    removeReplicaDirs(replicas);
    server?.destroy();
  }, 60_000);
  return { server: () => server!, replicas };
}
