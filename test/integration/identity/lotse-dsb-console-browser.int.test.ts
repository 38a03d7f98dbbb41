/**
 * Issue #22 console pages in Chromium: the absence page (a Digitallotsin sets a date with the date picker) and
 * the DSB's GDPR page (export shown) pass axe without any serious or critical violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../../support/axe.ts';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

const executable = chromiumPath();

describe.skipIf(!executable)('absence and GDPR pages in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startRealApp();
    browser = await launchChromium(executable!);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const login = async (person: string) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.url}/konsole`);
    await page.check(`input[value="${person}"]`);
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.url}/konsole`);
    return page;
  };

  it('lets a Digitallotsin enter an absence with the date picker, accessibly', async () => {
    const page = await login('p-aylin');
    await page.click('nav a[href="/konsole/abwesenheit"]');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('input[name="until"]', '2026-11-30');
    await page.click('form:has(input[name="until"]) button[type=submit]');
    expect(await page.locator('[role=status]').textContent()).toContain('30.11.2026');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('shows the DSB an export, accessibly', async () => {
    const page = await login('p-dana');
    await page.click('nav a[href="/konsole/datenschutz"]');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('input[name="person"]', 'p-marek');
    await page.click('button[value="export"]');
    expect(await page.locator('main h2').first().textContent()).toContain('p-marek');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
