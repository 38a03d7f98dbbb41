/**
 * The deployment examples under deploy/ stay in step with the code they front (issue #21,
 * docs/operations/): the systemd unit gives the outbox drain its time and may write exactly the data dir
 * and the knowledge folder; the nginx example keeps the original Host (the CSRF check compares Origin with
 * it), streams /api/chat and lets the largest console upload through. `systemd-analyze verify` runs
 * where systemd's tools are installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config/config.ts';
import { maxUploadBytes } from '../../../bot/http/console/upload.ts';

const root = resolve(import.meta.dirname, '../../..');
const unitFile = join(root, 'deploy/lotse.service');
const unit = readFileSync(unitFile, 'utf8');
const nginx = readFileSync(join(root, 'deploy/nginx-lotse.conf'), 'utf8');

/** Values of a systemd directive (all occurrences). */
function directive(name: string): string[] {
  return [...unit.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((match) => match[1]!.trim());
}

describe('deploy/lotse.service', () => {
  it('runs serve as the lotse user from /opt/lotse with the env file', () => {
    expect(directive('ExecStart')).toEqual(['/usr/bin/node bin/lotse.js serve']);
    expect(directive('User')).toEqual(['lotse']);
    expect(directive('WorkingDirectory')).toEqual(['/opt/lotse']);
    expect(directive('EnvironmentFile')).toEqual(['/etc/lotse/lotse.env']);
  });

  it('waits longer than the default outbox drain before SIGKILL', () => {
    const drainSeconds = loadConfig({}, {}, '/opt/lotse').shutdownDrainMs / 1000;
    expect(Number(directive('TimeoutStopSec')[0])).toBeGreaterThan(drainSeconds);
  });

  it('may write only the data dir and the knowledge folder', () => {
    expect(directive('ProtectSystem')).toEqual(['strict']);
    expect(directive('StateDirectory')).toEqual(['lotse']);
    expect(directive('ReadWritePaths')).toEqual(['/var/lib/lotse /srv/lotse/knowledge']);
    // V8 compiles code at run time: this option would stop node.
    expect(directive('MemoryDenyWriteExecute')).toEqual([]);
  });

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('passes systemd-analyze verify', () => {
    const result = spawnSync('/usr/bin/systemd-analyze', ['verify', unitFile], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('deploy/nginx-lotse.conf', () => {
  it('keeps the original Host with its port', () => {
    expect(nginx).toMatch(/^\s*proxy_set_header Host \$http_host;/m);
    expect(nginx).not.toMatch(/proxy_set_header Host (?!\$http_host;)/);
  });

  it('streams /api/chat without buffering', () => {
    expect(nginx).toMatch(/location = \/api\/chat \{[^}]*proxy_buffering off;[^}]*\}/);
  });

  it('lets the largest console upload through', () => {
    const limit = /client_max_body_size (\d+)m;/.exec(nginx);
    expect(Number(limit![1]) * 1024 * 1024).toBeGreaterThan(maxUploadBytes);
  });

  it('proxies to the port lotse listens on by default', () => {
    const port = loadConfig({}, {}, '/opt/lotse').port;
    expect(nginx).toContain(`server 127.0.0.1:${port};`);
  });
});
