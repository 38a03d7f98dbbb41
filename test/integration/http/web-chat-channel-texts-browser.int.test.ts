/**
 * Issue #19 in the web chat (Chromium, real app): the "Digitallotse fragen" of an earlier answer hands over that
 * answer's question (item 1); registration links are clickable, "Treffsicherheit" only under answers from sources,
 * and masked personal data is announced (item 5); a personal matter offers no hand-over button (item 7).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

const executable = chromiumPath();
let app: RunningApp;
let browser: Browser;

async function ask(page: Page, question: string): Promise<ReturnType<Page['locator']>> {
  const before = await page.locator('.message.bot:not(.streaming)').count();
  await page.getByLabel('Ihre Frage').fill(question);
  await page.getByRole('button', { name: 'Fragen', exact: true }).click();
  const answer = page.locator('.message.bot:not(.streaming)').nth(before);
  await answer.waitFor();
  return answer;
}

describe.skipIf(!executable)('web chat texts and hand-over of issue #19 (Chromium)', () => {
  beforeAll(async () => {
    app = await startRealApp();
    browser = await launchChromium(executable!);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('hands over the question of the answer whose button was clicked, not the later one', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    const dackel = await ask(page, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    await ask(page, 'Wie viele Tage darf ich mobil arbeiten?');
    await dackel.getByRole('button', { name: 'Digitallotse fragen' }).click();
    await expect.poll(() => dackel.locator('.notice').textContent()).toMatch(/Anfrage Nr\. \d+/);
    const number = /Anfrage Nr\. (\d+)/.exec((await dackel.locator('.notice').textContent()) ?? '')![1]!;
    expect((await app.lotse.escalation.get(number))?.question).toBe('Wie hoch ist die Hundesteuer für einen Dackel?');
  });

  it('makes course registration links clickable and shows "Treffsicherheit" only under answers from sources', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    const courses = await ask(page, 'Welche Pflichtschulungen gibt es?');
    const link = courses.locator('.answer-text a').first();
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/intranet\.musterland\.example\/schulungen\//);
    expect(await courses.locator('.answer-text').textContent()).not.toContain('(Pflichtschulung) (Pflichtschulung)');
    expect(await courses.locator('.meta').textContent()).toMatch(/^Treffsicherheit: \d+ %/);
    const none = await ask(page, 'Wie hoch ist die Hundesteuer für einen Dackel?');
    expect(await none.locator('.meta').count()).toBe(0);
    expect(await none.textContent()).not.toContain('Sicherheit');
  });

  it('tells the person that personal data was removed, and offers no hand-over for an own personnel matter', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    const masked = await ask(page, 'Meine IBAN ist DE89370400440532013000, wie ändere ich die Bankverbindung?');
    expect(await masked.locator('.answer-text').textContent()).toMatch(
      /Personenbezogene Daten habe ich aus Ihrer Nachricht entfernt.*\[IBAN\]/s,
    );
    const leave = await ask(page, 'Wie viele Urlaubstage habe ich?');
    expect(await leave.locator('.answer-text').textContent()).toContain('Sachgebiet Personal');
    expect(await leave.getByRole('button', { name: 'Digitallotse fragen' }).count()).toBe(0);
  });
});
