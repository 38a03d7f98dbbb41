/**
 * Issue #18, item 3: the development login is chosen explicitly and answers only direct loopback requests
 * (no reverse proxy, no foreign `Host`), so a proxied `POST /dev-login` cannot mint a Personalrat session.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseAuthConfig } from '../../../bot/config/auth-config.ts';
import { withDemoLogin } from '../../../bot/cli/commands/serve.ts';
import type { CliIo } from '../../../bot/cli/cli-io.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';
import { rawRequest, securityTable } from './security-table.ts';

const table = securityTable('Dev login (issue #18, item 3)');
let app: RunningApp;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'lotse-sec-dev-'));
  writeFileSync(join(folder, 'passwort.md'), '# Passwort\n\nDas Passwort gilt 90 Tage.\n');
  app = await startRealApp(folder, { AUTH_MODE: 'dev' });
});

afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

const form = 'role=personalrat&returnTo=%2Fkonsole';

async function postDevLogin(headers: Record<string, string>): Promise<{ status: number; session: boolean }> {
  const port = new URL(app.url).port;
  const response = await rawRequest(`${app.url}/dev-login`, {
    method: 'POST',
    headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form,
  });
  const cookies = [response.headers['set-cookie'] ?? []].flat();
  return { status: response.status, session: cookies.some((line) => /^lotse_session=[^;]+/.test(line)) };
}

describe('dev login mode', () => {
  it('is off unless AUTH_MODE=dev is set explicitly', () => {
    table.record('no AUTH_MODE, no OIDC_ISSUER → login mode', 'none', parseAuthConfig({}, '127.0.0.1').mode);
    const io = { env: {} } as unknown as CliIo;
    table.record('npm start (serve --demo) on a fresh checkout → AUTH_MODE', 'dev', withDemoLogin(io).env.AUTH_MODE ?? 'unset');
    const oidc = { env: { OIDC_ISSUER: 'https://idp.kreis.example' } } as unknown as CliIo;
    table.record('serve --demo with OIDC_ISSUER set → AUTH_MODE', 'unset', withDemoLogin(oidc).env.AUTH_MODE ?? 'unset');
  });
});

describe('dev login requests', () => {
  it('still works directly on loopback', async () => {
    const direct = await postDevLogin({});
    table.record('POST /dev-login direct on 127.0.0.1', '302 session', `${direct.status} ${direct.session ? 'session' : 'none'}`);
  });

  it('refuses a foreign Host header', async () => {
    const foreign = await postDevLogin({ host: 'lotse.kreis.example' });
    table.record('POST /dev-login Host: lotse.kreis.example', '403 none', `${foreign.status} ${foreign.session ? 'session' : 'none'}`);
    const picker = await rawRequest(`${app.url}/dev-login`, { headers: { host: 'lotse.kreis.example' } });
    table.record('GET /dev-login Host: lotse.kreis.example', 403, picker.status);
    table.record('403 text is German', true, /Entwicklungsanmeldung/.test(picker.body));
  });

  it('refuses requests that passed a reverse proxy', async () => {
    for (const [name, value] of [
      ['x-forwarded-for', '10.1.2.3'],
      ['x-forwarded-host', 'lotse.kreis.example'],
      ['x-forwarded-proto', 'https'],
      ['forwarded', 'for=10.1.2.3'],
    ] as const) {
      const proxied = await postDevLogin({ [name]: value });
      table.record(`POST /dev-login ${name}: ${value}`, '403 none', `${proxied.status} ${proxied.session ? 'session' : 'none'}`);
    }
  });
});
