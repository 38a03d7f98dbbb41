/**
 * Issue #6: a full OpenID Connect login in Chromium against a real provider (oidc-provider in-process):
 * unreachable issuer at start, login, role mapping from groups and directory, forbidden pages, CSRF
 * rejection, tampered cookie, wrong state, expired session, logout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { HttpSession } from '../../support/http-session.ts';
import { freePort, startOidcProvider, type TestOidcProvider } from '../../support/oidc-provider.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

const executable = chromiumPath();
const accounts = {
  erika: { email: 'erika.mustermann@musterland.example', name: 'Erika Mustermann', groups: ['lotse-digitallotsen'] },
  rat: { email: 'unbekannt@musterland.example', name: 'Rita Rat', groups: ['lotse-personalrat', 'fremde-gruppe'] },
};

async function loginAt(page: Page, app: RunningApp, account: string, path = '/konsole'): Promise<void> {
  await page.goto(`${app.url}${path}`);
  // The provider remembers its own session (single sign-on): the form only appears on the first login.
  if (await page.locator('input[name=login]').count()) {
    await page.fill('input[name=login]', account);
    await page.fill('input[name=password]', 'egal');
    await page.click('button[type=submit]');
  }
  const consent = page.locator('button:has-text("Continue")');
  if (await consent.count()) await consent.click();
  await page.waitForURL(`${app.url}${path}`);
}

describe.skipIf(!executable)('OIDC login in Chromium against oidc-provider', () => {
  let provider: TestOidcProvider | undefined;
  let app: RunningApp;
  let browser: Browser;
  let offsetMs = 0;
  let unreachableStatus = 0;

  beforeAll(async () => {
    const [idpPort, appPort] = [await freePort(), await freePort()];
    const redirect = `http://127.0.0.1:${appPort}/auth/callback`;
    const env = {
      OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
      OIDC_CLIENT_ID: 'lotse-test',
      OIDC_CLIENT_SECRET: 'lotse-test-secret-0123456789abcdef',
      OIDC_REDIRECT_URL: redirect,
      OIDC_ALLOW_HTTP: 'true',
      OIDC_SCOPES: 'openid profile email groups',
    };
    // The issuer is not up yet: lotse starts anyway, login answers 503 and discovery is retried.
    app = await startRealApp(undefined, env, { port: appPort, clock: { now: () => new Date(Date.now() + offsetMs) } });
    unreachableStatus = (await fetch(`${app.url}/login`, { redirect: 'manual' })).status;
    provider = await startOidcProvider(idpPort, redirect, accounts);
    browser = await launchChromium(executable!);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.close();
  });

  it('answers 503 while the issuer is unreachable and recovers when it comes up', async () => {
    expect(unreachableStatus).toBe(503);
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 302; attempt += 1) {
      status = (await fetch(`${app.url}/login`, { redirect: 'manual' })).status;
      if (status !== 302) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(302);
  });

  it('requires a login for chat and console in OIDC mode', async () => {
    const anonymous = new HttpSession(app.url);
    expect((await anonymous.request('POST', '/api/chat', { body: '{"text":"Hallo"}', type: 'application/json' })).status).toBe(401);
    expect((await anonymous.request('GET', '/', { accept: 'text/html' })).headers.get('location')).toMatch(/^\/login\?returnTo=/);
  });

  it('logs a Lotse in, maps roles, forbids foreign pages and rejects requests without CSRF token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAt(page, app, 'erika', '/konsole/tickets');
    const header = await page.locator('.console-header').textContent();
    expect(header).toContain('Erika Mustermann');
    expect(header).toContain('lotse');
    const forbidden = await page.goto(`${app.url}/konsole/berichte`);
    expect(forbidden?.status()).toBe(403);
    const statuses = await page.evaluate(async () => {
      const token = /lotse_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const post = (headers: Record<string, string>) =>
        fetch('/api/tickets/0/claim', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' }).then(
          (response) => response.status,
        );
      return {
        without: await post({}),
        wrong: await post({ 'x-csrf-token': 'x'.repeat(43) }),
        right: await post({ 'x-csrf-token': token }),
      };
    });
    expect(statuses).toEqual({ without: 403, wrong: 403, right: 404 });
    const chat = await page.goto(`${app.url}/`);
    expect(chat?.status()).toBe(200);
    await context.close();
  }, 60_000);

  it('maps IdP groups to roles for a person outside the directory', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAt(page, app, 'rat', '/konsole/berichte');
    expect(await page.locator('h1').textContent()).toBe('Bericht für Personalrat und Datenschutz');
    expect(await page.locator('.console-header').textContent()).toContain('Rollen: Beschäftigte, Personalrat');
    expect((await page.goto(`${app.url}/konsole/tickets`))?.status()).toBe(403);
    await context.close();
  }, 60_000);

  it('rejects a tampered session cookie and a callback with a wrong state', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAt(page, app, 'erika');
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'lotse_session')!;
    expect((await context.request.get(`${app.url}/api/tickets`)).status()).toBe(200);
    // Change one character well inside the signature: the last characters of a base64 value may carry only
    // padding bits, so replacing them can leave the decoded signature as it was.
    const at = session.value.length - 6;
    const tampered = `${session.value.slice(0, at)}${session.value[at] === 'A' ? 'B' : 'A'}${session.value.slice(at + 1)}`;
    // Replace, not add: the browser must send only the tampered cookie.
    await context.clearCookies();
    await context.addCookies([{ ...session, value: tampered }]);
    expect((await context.request.get(`${app.url}/api/tickets`)).status()).toBe(401);
    const wrongState = await fetch(`${app.url}/auth/callback?code=abc&state=falsch`);
    expect(wrongState.status).toBe(400);
    expect(await wrongState.text()).toContain('Die Anmeldung ist fehlgeschlagen');
    await context.close();
  }, 60_000);

  it('ends an idle session and logs out on request', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAt(page, app, 'erika');
    offsetMs = 31 * 60_000;
    const expired = await context.request.get(`${app.url}/api/tickets`);
    expect(expired.status()).toBe(401);
    offsetMs = 0;
    await loginAt(page, app, 'erika');
    await page.click('text=Abmelden');
    await page.waitForURL(`${app.url}/abgemeldet`);
    expect((await context.request.get(`${app.url}/api/tickets`)).status()).toBe(401);
    await context.close();
  }, 60_000);
});
