/**
 * The pilot's parts that need real programs (issue #21, docs/operations/container.md). Where Prosody is installed,
 * `prosodyctl check config` accepts deploy/compose/prosody.cfg.lua; where a Docker daemon answers, the image builds,
 * starts and answers /readyz (scripts/container/check-image.sh). Each part skips with the reason in its name
 * otherwise; test/unit/docs/compose.test.ts checks compose.yaml's structure everywhere.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prosodyAvailable } from '../../support/prosody.ts';

const root = resolve(import.meta.dirname, '../../..');
const dockerDaemon = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
const skipped = (reason: string) => ` (skipped: ${reason})`;

describe(`deploy/compose/prosody.cfg.lua${prosodyAvailable ? '' : skipped('Prosody is not installed, apt-get install prosody')}`, () => {
  it.skipIf(!prosodyAvailable)('passes prosodyctl check config with XMPP_DOMAIN set, and names the host without it', () => {
    // prosodyctl reads the file as the prosody user: a world-readable copy outside the checkout.
    const dir = mkdtempSync(join(tmpdir(), 'lotse-compose-prosody-'));
    try {
      chmodSync(dir, 0o755);
      const config = join(dir, 'prosody.cfg.lua');
      copyFileSync(join(root, 'deploy/compose/prosody.cfg.lua'), config);
      chmodSync(config, 0o644);
      const check = (domain: string | undefined) => {
        const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'XMPP_DOMAIN'));
        const result = spawnSync('prosodyctl', ['--config', config, 'check', 'config'], {
          encoding: 'utf8',
          timeout: 30_000,
          env: domain ? { ...env, XMPP_DOMAIN: domain } : env,
        });
        return `${result.stdout}${result.stderr}`;
      };
      expect(check('pilot.kreis.example')).toContain('All checks passed');
      expect(check(undefined)).toContain('Host must have a name');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(`container image build${dockerDaemon ? '' : skipped('no Docker daemon answers `docker info`; run scripts/container/check-image.sh where one does')}`, () => {
  it.skipIf(!dockerDaemon)('builds, starts as node and answers /readyz', { timeout: 30 * 60_000 }, () => {
    const result = spawnSync('bash', [join(root, 'scripts/container/check-image.sh')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    expect(result.stdout, result.stderr.slice(-4000)).toContain('container image: /readyz answers, runs as node');
    expect(result.status).toBe(0);
  });
});
