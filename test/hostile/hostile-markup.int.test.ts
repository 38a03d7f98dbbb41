/**
 * Issue #11: HTML with scripts never runs. A document whose title, section and text carry script tags and
 * event handlers is indexed; in Chromium the web chat's cited answer and the console's sources page show
 * the markup as literal text, no element is injected and no script runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../support/browser.ts';
import { startRealApp, type RunningApp } from '../support/real-app.ts';

const executable = chromiumPath();
if (!executable) console.warn('hostile markup: Chromium not installed (apt-get install chromium); browser cases skipped.');

const hostileDocument = [
  '---',
  'title: "Fahrradständer <script>window.__xss = 1</script>"',
  'stand: 2026-11-01',
  '---',
  '# Abstellen <img src=x onerror="window.__xss = 2">',
  '',
  'Fahrräder von Beschäftigten stehen im Fahrradkeller unter dem Kreishaus <script>window.__xss = 3</script> und <b onmouseover="window.__xss = 4">nirgendwo sonst</b>.',
  '',
].join('\n');

async function watch(page: Page): Promise<() => Promise<{ dialogs: number; flag: unknown; injected: number }>> {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  return async () => ({
    dialogs,
    flag: await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    injected: await page.locator('script:not([src]):not([type="application/json"]), img[src="x"], [onmouseover], [onerror]').count(),
  });
}

describe.skipIf(!executable)('hostile markup in documents', () => {
  let app: RunningApp;
  let browser: Browser;
  const folder = mkdtempSync(join(tmpdir(), 'lotse-hostile-markup-'));

  beforeAll(async () => {
    writeFileSync(join(folder, 'fahrrad.md'), hostileDocument);
    app = await startRealApp(folder);
    browser = await launchChromium(executable!);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows title, section and quote of a cited answer as text in the web chat', async () => {
    const page = await browser.newPage();
    const state = await watch(page);
    await page.goto(`${app.url}/`);
    await page.getByLabel('Ihre Frage').fill('Wo stehen die Fahrräder der Beschäftigten?');
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    const answer = page.locator('.message.bot').last();
    await answer.waitFor();
    await expect.poll(async () => (await answer.textContent()) ?? '').toContain('Fahrradkeller');
    expect(await answer.textContent()).toContain('<script>');
    await page.locator('.message.bot').last().hover();
    expect(await state()).toEqual({ dialogs: 0, flag: undefined, injected: 0 });
  });

  it('shows the title as text on the console sources page', async () => {
    const page = await browser.newPage();
    const state = await watch(page);
    await page.goto(`${app.url}/konsole`);
    await page.check('input[value="p-frank"]');
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.url}/konsole`);
    await page.goto(`${app.url}/konsole/quellen`);
    expect(await page.locator('main').textContent()).toContain('Fahrradständer <script>window.__xss = 1</script>');
    expect(await state()).toEqual({ dialogs: 0, flag: undefined, injected: 0 });
  });
});
