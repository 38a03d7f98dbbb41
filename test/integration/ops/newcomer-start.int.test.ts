/**
 * Issue #21: a newcomer's first minutes. `npm start` runs `node bin/lotse.js serve --demo` (package.json); on a fresh
 * data dir it ingests the sample knowledge base, serves the web chat, answers with a citation, and opens the console
 * through the development login — offline, without any configuration. The README's links into docs/ exist.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'lotse-newcomer-'));
let child: ChildProcess | undefined;
let url = '';

beforeAll(async () => {
  const start = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts.start as string;
  expect(start).toBe('node bin/lotse.js serve --demo');
  // No AUTH_MODE, no OIDC, no model: what a fresh checkout has. PORT 0 and the data dir keep the test on its own.
  child = spawn(process.execPath, ['bin/lotse.js', 'serve', '--demo'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  url = await new Promise<string>((done, fail) => {
    child!.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /lotse web chat: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) done(match[1]!);
    });
    child!.once('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on a fresh checkout (issue #21)', () => {
  it('serves the web chat and answers a first question with a cited source', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const session = new HttpSession(url);
    await session.devLogin({ person: 'p-marek' });
    const response = await session.request('POST', '/api/chat', {
      body: JSON.stringify({ text: 'Wie lange gilt mein Passwort?' }),
      type: 'application/json',
      csrf: true,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { outcome: string; citations: { document: string; quote: string }[] };
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations[0]!.quote.length).toBeGreaterThan(0);
  });

  it('opens the console through the development login', async () => {
    const session = new HttpSession(url);
    await session.devLogin({ role: 'admin' });
    const console = await session.request('GET', '/konsole', { accept: 'text/html' });
    expect(console.status).toBe(200);
    expect(await console.text()).toContain('Konsole');
  });

  it('links from the README only to files that exist', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(((?:docs|test|bot|knowledge|policies|prompts)\/[^)#\s]+)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((target) => !existsSync(join(repoRoot, target)))).toEqual([]);
  });
});
