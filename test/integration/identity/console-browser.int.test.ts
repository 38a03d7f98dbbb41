/**
 * The console in Chromium (development login): the picker, every page an admin and owner sees passes
 * axe (no serious or critical violations), and a file uploaded through the page is indexed.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../../support/axe.ts';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

const executable = chromiumPath();

describe.skipIf(!executable)('console in Chromium', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    app = await startRealAppOnCopy();
    folder = app.folder;
    browser = await launchChromium(executable!);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('logs in through the picker, passes axe on every page and uploads a file', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/konsole`);
    expect(page.url()).toContain('/dev-login');
    expect(await page.locator('[role=alert]').textContent()).toContain('Entwicklungsmodus');
    expect(await seriousViolations(page)).toEqual([]);
    await page.check('input[value="p-frank"]');
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.url}/konsole`);
    const links = await page.locator('nav a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
    expect(links).toEqual([
      '/konsole',
      '/konsole/tickets',
      '/konsole/faq',
      '/konsole/quellen',
      '/konsole/rueckmeldungen',
      '/konsole/berichte',
      '/konsole/hr',
      '/konsole/umfragen',
      '/konsole/reidentifizierung',
      '/konsole/statistik',
    ]);
    expect(await page.locator('header a[href="/"]').textContent()).toBe('Zum Chat');
    for (const path of links) {
      await page.goto(`${app.url}${path}`);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.goto(`${app.url}/konsole/quellen`);
    const file = join(folder, '..', `rundschreiben-${Date.now()}.md`);
    writeFileSync(
      file,
      '---\ntitle: Rundschreiben Parkplätze\nstand: 2026-12-01\n---\n# Parkplätze\n\nDie Tiefgarage ist ab Januar für Fahrräder geöffnet.\n',
    );
    await page.setInputFiles('#upload-file', file);
    await page.click('#upload-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('upload-status')?.textContent?.includes('im Index'));
    await page.waitForLoadState('load');
    await page.reload();
    expect(await page.content()).toContain('Rundschreiben Parkplätze');
    rmSync(file, { force: true });
    await page.close();
  }, 90_000);
});
