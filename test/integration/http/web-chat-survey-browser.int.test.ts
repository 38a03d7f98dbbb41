/**
 * Issue #10 in the web chat: a logged-in person sees the open pulse survey as a form under the chat,
 * answers it and gets the thanks; the page stays accessible (axe).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyDraftSchema } from '../../../bot/core/hr/hr-schemas.ts';
import { seriousViolations } from '../../support/axe.ts';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';

const executable = chromiumPath();

describe.skipIf(!executable)('pulse survey in the web chat', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startRealApp();
    browser = await launchChromium(executable!);
    const hr = app.lotse.hr;
    const created = await hr.surveys.create(
      'p-nina',
      surveyDraftSchema.parse({
        title: 'Kurzumfrage Arbeitsplatz',
        audience: { kind: 'all' },
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        questions: [
          { id: 'zufrieden', type: 'scale', text: 'Wie zufrieden sind Sie mit Ihrem Arbeitsplatz?' },
          {
            id: 'themen',
            type: 'multiple',
            text: 'Welche Themen interessieren Sie?',
            options: ['KI', 'E-Akte', 'Telefonie'],
            optional: true,
          },
          { id: 'kommentar', type: 'text', text: 'Was möchten Sie uns noch sagen?' },
        ],
      }),
    );
    if (created.kind !== 'ok') throw new Error(created.message);
    expect((await hr.surveys.approve('p-peter', created.survey.id)).kind).toBe('ok');
    expect((await hr.surveys.open(created.survey.id)).kind).toBe('ok');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the survey to a logged-in person and takes the answers', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/dev-login?returnTo=%2F`);
    await page.check('input[value="p-sabine"]');
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.url}/`);
    const form = page.locator('form.survey');
    await form.waitFor();
    expect(await form.locator('h2').textContent()).toContain('Kurzumfrage Arbeitsplatz');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('4').check();
    await form.getByLabel('E-Akte').check();
    await form.getByRole('textbox', { name: 'Was möchten Sie uns noch sagen?' }).fill('Mehr Schulungen, bitte.');
    await form.getByRole('button', { name: 'Antworten senden' }).click();
    await expect.poll(() => page.locator('#surveys [role=status]').first().textContent()).toMatch(/Dank/);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('form.survey').count()).toBe(0);
    await page.close();
  }, 60_000);
});
