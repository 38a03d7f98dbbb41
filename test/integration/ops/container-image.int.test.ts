/**
 * The container image (issue #21, docs/operations/container.md). Always: the Dockerfile keeps its contract —
 * two stages, non-root at run time, nothing fetched but npm packages, install scripts only for the packages
 * package.json allows, a HEALTHCHECK on /readyz, every COPY source present, state on volumes. Building and starting
 * the image needs a Docker daemon and the registry of the `node` base image, which this suite's machine has not:
 * operators run `scripts/container/check-image.sh` for that (docs/operations/container.md).
 */
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
    const allowed = Object.entries(
      (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> }).allowScripts,
    )
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
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['node_modules', 'data', '.env', '.git']) expect(ignored).toContain(entry);
  });
});
