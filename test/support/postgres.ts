/**
 * A throw-away PostgreSQL cluster for tests: `initdb` + `pg_ctl` from the Debian server binaries, run as
 * the `postgres` user in a temp dir, listening on a free loopback port only. `findPostgresBinaries()`
 * returns undefined when no server is installed (tests then skip with a message).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A running test cluster. */
export interface TestPostgres {
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
  start(): void;
  /** Stops and removes the cluster. */
  destroy(): void;
}

/** Folder with `initdb`/`pg_ctl` (newest installed major version), or undefined. */
export function findPostgresBinaries(): string | undefined {
  if (process.env.LOTSE_TEST_POSTGRES === 'off') return undefined; // `npm run test:fast` (vitest.fast.config.ts)
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** Message printed when the PostgreSQL part of a test is skipped. */
export const postgresSkipMessage =
  process.env.LOTSE_TEST_POSTGRES === 'off'
    ? 'PostgreSQL tests skipped: LOTSE_TEST_POSTGRES=off (npm run test:fast); npm test runs them.'
    : 'PostgreSQL tests skipped: no server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql; .ci/run does this).';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function asPostgres(bin: string, args: string[]): void {
  const runAs = process.getuid?.() === 0 ? (['runuser', ['-u', 'postgres', '--', bin, ...args]] as const) : ([bin, args] as const);
  execFileSync(runAs[0], [...runAs[1]], { stdio: 'pipe', timeout: 60_000 });
}

/** Creates and starts a cluster (about 1 s). */
export async function startTestPostgres(bin = findPostgresBinaries()): Promise<TestPostgres> {
  if (!bin) throw new Error(postgresSkipMessage);
  const dir = mkdtempSync(join(tmpdir(), 'lotse-pg-'));
  if (process.getuid?.() === 0) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = join(dir, 'data');
  asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=60`;
  const start = (): void => asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  const stop = (): void => asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  const url = (database = 'postgres'): string => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    start,
    stop,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `work` with a short-lived client on `url` (for checks from outside the replicas), always closing it. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One query on a short-lived client; returns the rows. */
export async function queryRows<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  return withPgClient(url, async (client) => (await client.query<R>(sql, params)).rows);
}
