import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';
import { seriousViolations } from '../../support/axe.ts';

const executable = chromiumPath();
let app: RunningApp;
let browser: Browser;

describe.skipIf(!executable)('web chat in Chromium (real app, sample knowledge base)', () => {
  beforeAll(async () => {
    app = await startRealApp();
    browser = await launchChromium(executable!);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('answers a question typed with the keyboard, shows expandable sources, takes feedback, passes axe', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('question');
    await page.keyboard.type('Wie viele Tage darf ich mobil arbeiten?');
    await page.keyboard.press('Enter');
    const answer = page.locator('.message.bot').first();
    await answer.waitFor();
    expect(await answer.locator('.answer-text').textContent()).toContain('drei Tagen');
    expect(await answer.locator('.ai-label').textContent()).toContain('Automatisch erstellte Antwort');
    const source = answer.locator('details').first();
    await source.locator('summary').click();
    expect(await source.locator('blockquote').isVisible()).toBe(true);
    expect(await source.locator('summary').textContent()).toMatch(/Stand \d{2}\.\d{2}\.\d{4}/);
    await answer.getByRole('button', { name: /Nicht hilfreich/ }).click();
    await page.getByLabel('Was hat nicht gepasst? (optional)').fill('Ich brauche die Regel für Teilzeit.');
    await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
    await expect.poll(() => answer.locator('.thanks').textContent()).toContain('Danke');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'lotse-web-chat.png'), fullPage: true });
  });

  it('offers a Digitallotse prominently when the documents do not answer', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.getByLabel('Ihre Frage').fill('Wie hoch ist die Hundesteuer für einen Dackel?');
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    const answer = page.locator('.message.bot.outcome-no_answer');
    await answer.waitFor();
    expect(await answer.locator('.answer-text').textContent()).toContain('nichts Verlässliches');
    await answer.getByRole('button', { name: 'Digitallotse fragen' }).click();
    await expect.poll(() => answer.locator('.notice').textContent()).toContain('als Anfrage Nr.');
    // A Lotse answers; on return the asker sees the answer and closes the ticket as helpful.
    const ticket = (await app.lotse.escalation.allTickets()).at(-1)!;
    const by = ticket.candidates[0]!;
    expect((await app.lotse.escalation.act(ticket.id, { type: 'answer', by, text: 'Die Hundesteuer erhebt die Gemeinde.' })).kind).toBe(
      'ok',
    );
    await page.reload();
    const lotseAnswer = page.locator('.lotse-answer');
    await lotseAnswer.waitFor();
    expect(await lotseAnswer.locator('.answer-text').textContent()).toContain('Die Hundesteuer erhebt die Gemeinde.');
    await lotseAnswer.getByRole('button', { name: 'Hilfreich – Anfrage abschließen' }).click();
    await expect.poll(() => lotseAnswer.locator('[role=status]').textContent()).toContain('abgeschlossen');
    expect((await app.lotse.escalation.get(ticket.id))?.state).toBe('closed');
  });

  it('renders answer text as text, never as HTML', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.getByLabel('Ihre Frage').fill('<img src=x onerror=alert(1)> Passwort vergessen?');
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    await page.locator('.message.bot').waitFor();
    expect(await page.locator('.conversation img').count()).toBe(0);
  });
});
