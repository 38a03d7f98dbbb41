/**
 * Issue #22 console pages in Chromium: the owners' feedback queue (state set with the form), a document's page
 * (metadata saved, delete form) and the staff-council report with the admin actions pass axe with no violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe.ts';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { loginAs } from '../../support/console-demo.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

const executable = chromiumPath();
const document = 'faq/faq-digitales-arbeiten.md';

describe.skipIf(!executable)('feedback queue, document page and admin report in Chromium', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startRealAppOnCopy();
    browser = await launchChromium(executable!, { lang: 'de-DE' });
    const store = app.lotse.conversations;
    const at = new Date().toISOString();
    for (const index of [1, 2, 3, 4, 5]) {
      await store.ensureConversation({ id: `c-browser-${index}`, channel: 'web', userId: `u-browser-${index}`, at });
      await store.appendMessage({
        id: `m-browser-${index}`,
        conversationId: `c-browser-${index}`,
        role: 'bot',
        text: 'Antwort',
        payload: JSON.stringify({ citations: [{ document }] }),
        createdAt: at,
      });
      await store.recordFeedback({ messageId: `m-browser-${index}`, rating: 'down', reason: 'Die Antwort nennt eine alte Durchwahl.', at });
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const admin = async (): Promise<Page> => {
    const page = await browser.newPage({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    await loginAs(page, app.url, 'p-frank');
    return page;
  };

  it('moves a document to "In Arbeit" in the feedback queue, accessibly', async () => {
    const page = await admin();
    await page.goto(`${app.url}/konsole/rueckmeldungen`);
    expect(await axeViolations(page)).toEqual([]);
    const row = page.locator('tr', { hasText: document });
    await row.locator('select[name="state"]').selectOption({ label: 'In Arbeit' });
    await row.locator('button[type=submit]').click();
    await page.waitForURL(`${app.url}/konsole/rueckmeldungen`);
    expect(await page.locator('tr', { hasText: document }).innerText()).toContain('In Arbeit');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('edits a document from the sources page, accessibly, and shows the change in the report', async () => {
    const page = await admin();
    await page.goto(`${app.url}/konsole/quellen`);
    await page.click(`a[href="/konsole/quellen/dokument?id=${encodeURIComponent(document)}"]`);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#document-title', 'Häufige Fragen zum digitalen Arbeiten (überarbeitet)');
    await page.click('form:has(#document-title) button[type=submit]');
    await page.waitForURL(`${app.url}/konsole/quellen`);
    expect(await page.locator('main').innerText()).toContain('Häufige Fragen zum digitalen Arbeiten (überarbeitet)');
    await page.goto(`${app.url}/konsole/berichte`);
    expect(await page.locator('main').innerText()).toContain('Metadaten geändert');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
