/**
 * Issue #22 in the web chat (Chromium, real app): the suggested next questions under an answer are buttons that
 * ask the suggestion; the "Leichte Sprache" toggle sends `plainLanguage: true`, stays on for the next question
 * and gives the simplified text with the glossary, while the source quote keeps the document's wording.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { seriousViolations } from '../../support/axe.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

const executable = chromiumPath();
let app: RunningApp;
let browser: Browser;

describe.skipIf(!executable)('web chat: suggestions and Leichte Sprache (Chromium)', () => {
  beforeAll(async () => {
    app = await startRealApp();
    browser = await launchChromium(executable!);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks a suggestion when it is clicked', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.getByLabel('Ihre Frage').fill('Darf KI über Beförderungen entscheiden?');
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    const first = page.locator('.message.bot').first();
    await first.waitFor();
    const suggestion = first.getByRole('button', { name: 'Mehr zu: § 5 Schutz personenbezogener Daten (DV KI)' });
    expect(await first.locator('.suggestions button').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await suggestion.click();
    const second = page.locator('.message.bot').nth(1);
    await second.waitFor();
    expect(await page.locator('.message.user').nth(1).textContent()).toContain('Mehr zu: § 5 Schutz personenbezogener Daten (DV KI)');
    expect(await second.locator('summary').first().textContent()).toContain('§ 5 Schutz personenbezogener Daten');
  });

  it('answers in Leichte Sprache while the toggle is on, keeping the quote verbatim', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.getByLabel('Antworten in Leichter Sprache').check();
    await page.getByLabel('Ihre Frage').fill('Was kann ich gegen eine Ablehnung des mobilen Arbeitens tun?');
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    const answer = page.locator('.message.bot').first();
    await answer.waitFor();
    const text = await answer.locator('.answer-text').textContent();
    expect(text).toContain('In einfacher Sprache:');
    expect(text).toContain('• Personalrat: die gewählte Vertretung der Beschäftigten.');
    expect(await answer.locator('blockquote').first().textContent()).toContain(
      'um Vermittlung bitten; der Personalrat kann hinzugezogen werden.',
    );
    await page.reload();
    expect(await page.getByLabel('Antworten in Leichter Sprache').isChecked()).toBe(true);
  });
});
