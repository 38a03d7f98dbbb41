/**
 * The container image (issue #21, docs/operations/container.md). Always: the Dockerfile keeps its contract —
 * two stages, non-root at run time, nothing fetched but npm packages, install scripts only for the packages
 * package.json allows, a HEALTHCHECK on /readyz, every COPY source present, state on volumes. Where a Docker
 * daemon answers, the image is built and started with an (unreachable) OIDC issuer, and /readyz must answer
 * inside the container; without a daemon that part is skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
/** Instructions with their continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const stages = instructions.filter((line) => line.startsWith('FROM '));
const runtime = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));

const docker = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 15_000 });
const dockerAvailable = docker.status === 0;
if (!dockerAvailable) console.warn('Container build skipped: no Docker daemon answers `docker info` (the Dockerfile contract is still checked).');

describe('Dockerfile contract', () => {
  it('builds in one stage and runs in a slim one as the unprivileged node user', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm AS build$/);
    expect(stages[1]).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim$/);
    expect(runtime).toContain('USER node');
    expect(runtime.some((line) => /^HEALTHCHECK .*\/readyz/.test(line))).toBe(true);
  });

  it('fetches nothing but npm packages and runs only the install scripts package.json allows', () => {
    const runs = instructions.filter((line) => line.startsWith('RUN '));
    for (const run of runs) expect(run).not.toMatch(/\b(curl|wget|apt-get|apk|git clone|pip)\b/);
    const install = runs.find((run) => run.includes('npm ci'))!;
    expect(install).toMatch(/npm ci --omit=dev --ignore-scripts/);
    const allowed = Object.entries((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> }).allowScripts)
      .filter(([, allow]) => allow)
      .map(([name]) => name)
      .sort();
    const rebuilt = /npm rebuild ([^&]+)/.exec(install)![1]!.trim().split(/\s+/).sort();
    expect(rebuilt).toEqual(allowed);
    expect(dockerfile).toMatch(/npm_config_build_from_source=true/);
  });

  it('copies only sources that exist and keeps state on volumes', () => {
    const sources = instructions
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(5);
    expect(sources.filter((source) => !existsSync(join(repoRoot, source)))).toEqual([]);
    const volume = runtime.find((line) => line.startsWith('VOLUME '))!;
    expect(volume).toContain('/var/lib/lotse');
    expect(volume).toContain('/srv/lotse/knowledge');
    expect(dockerfile).toMatch(/DATA_DIR=\/var\/lib\/lotse/);
    expect(dockerfile).toMatch(/KNOWLEDGE_DIR=\/srv\/lotse\/knowledge/);
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', 'data', '.env', '.git']) expect(ignored).toContain(entry);
  });
});

describe.skipIf(!dockerAvailable)('container image (Docker)', () => {
  it('builds, starts and answers /readyz inside the container', { timeout: 1_800_000 }, async () => {
    const tag = `lotse-test:${randomUUID().slice(0, 8)}`;
    const name = `lotse-test-${randomUUID().slice(0, 8)}`;
    const run = (args: string[], timeout = 60_000) => spawnSync('docker', args, { cwd: repoRoot, encoding: 'utf8', timeout });
    try {
      const build = run(['build', '-t', tag, '.'], 1_500_000);
      expect(build.status, build.stderr.slice(-2000)).toBe(0);
      const start = run(['run', '-d', '--name', name,
        '-e', 'OIDC_ISSUER=https://idp.invalid/realms/lotse', '-e', 'OIDC_CLIENT_ID=lotse',
        '-e', 'OIDC_REDIRECT_URL=https://lotse.kreis.example/auth/callback', tag]);
      expect(start.status, start.stderr).toBe(0);
      const probe = "fetch('http://127.0.0.1:3978/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))";
      let ready = false;
      for (let attempt = 0; attempt < 60 && !ready; attempt += 1) {
        ready = run(['exec', name, 'node', '-e', probe]).status === 0;
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      expect(ready, run(['logs', name]).stderr.slice(-2000)).toBe(true);
      expect(run(['exec', name, 'id', '-un']).stdout.trim()).toBe('node');
    } finally {
      run(['rm', '-f', name]);
      run(['rmi', '-f', tag]);
    }
  });
});
