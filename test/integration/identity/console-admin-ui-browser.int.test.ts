/**
 * The console as a German admin UI in Chromium (issue #19, item 8): German states, reasons and roles, ticket
 * cards with date, unit, excerpt and tried passages, an admin sees every waiting ticket, German HTML pages for
 * 403 and 404, HR forms with Berlin-time pickers and a unit picker, and axe with no violation of any impact
 * on every console page and the chat. With `SCREENSHOT_DIR` set, the pages are also saved as PNGs there.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../bot/ports/tickets.ts';
import { axeViolations } from '../../support/axe.ts';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { demoQuestions, loginAs, seedFaqAndFeedback, seedSurveys, seedTickets } from '../../support/console-demo.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

const executable = chromiumPath();
const screenshotDir = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : undefined;
/** Pages of the admin's round that get a screenshot (the others are taken where they have content). */
const screenshotNames: Record<string, string> = {
  '/konsole': 'konsole-uebersicht',
  '/konsole/faq': 'konsole-faq',
  '/konsole/quellen': 'konsole-quellen',
  '/konsole/rueckmeldungen': 'konsole-rueckmeldungen',
  '/konsole/berichte': 'konsole-berichte',
  '/konsole/statistik': 'konsole-statistik',
  '/konsole/reidentifizierung': 'konsole-reidentifizierung',
  '/konsole/abwesenheit': 'konsole-abwesenheit',
  '/konsole/datenschutz': 'konsole-datenschutz',
};
/** Raw stored values and English role names that must never reach a console page. */
const rawValues =
  /\b(open|claimed|answered|returned|rerouted|no_answer|user_request|unhelpful_answer|staff|lotse, |owner|admin|personalrat, |draft|released|approved|YAML|UTC)\b|JJJJ|– ;|\d{4}-W\d{2}|unit:/;

describe.skipIf(!executable)('console as a German admin UI in Chromium', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;
  let browser: Browser;
  let tickets: { noAnswer: Ticket; request: Ticket };

  beforeAll(async () => {
    app = await startRealAppOnCopy();
    browser = await launchChromium(executable!, { lang: 'de-DE' });
    tickets = await seedTickets(app);
    if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const newPage = async (): Promise<Page> =>
    browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const shoot = async (page: Page, name: string): Promise<void> => {
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  };
  const mainText = (page: Page): Promise<string> => page.locator('body').innerText();

  it('shows an admin every waiting ticket with German state, reason, date, unit, question, excerpt and tried passages', async () => {
    const page = await newPage();
    await loginAs(page, app.url, 'p-frank');
    await page.goto(`${app.url}/konsole/tickets`);
    const cards = page.locator('article.ticket');
    expect(await cards.count()).toBe(2);
    const first = cards.filter({ hasText: demoQuestions.noAnswer });
    const text = await first.innerText();
    expect(text).toContain(`Anfrage Nr. ${tickets.noAnswer.number}`);
    expect(text).toContain('Offen');
    expect(text).toContain('Keine verlässliche Antwort in den Unterlagen');
    expect(text).toContain('Sozialamt');
    expect(text).toContain('Aylin Demir');
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(text).toContain('Geprüfte Quellen');
    expect(await first.locator('.tried li').count()).toBe(tickets.noAnswer.tried.length);
    await first.locator('details.excerpt summary').click();
    expect(await first.locator('details.excerpt').innerText()).toContain('nichts Verlässliches');
    expect(await cards.filter({ hasText: demoQuestions.request }).innerText()).toContain('Wunsch nach einer persönlichen Antwort');
    expect(await page.locator('.console-user').innerText()).toContain('Beschäftigte, Dokumentverantwortung, Administration');
    expect(await first.locator('form').count()).toBe(0);
    expect(await mainText(page)).not.toMatch(rawValues);
    await shoot(page, 'konsole-anfragen-administration');
    await page.close();
  });

  it('lets the responsible Lotsin claim and answer in the ticket card', async () => {
    const page = await newPage();
    await loginAs(page, app.url, 'p-aylin');
    await page.goto(`${app.url}/konsole/tickets`);
    const card = page.locator('article.ticket');
    expect(await card.count()).toBe(1);
    await shoot(page, 'konsole-anfragen-digitallotsin');
    await card.getByRole('button', { name: 'Übernehmen' }).click();
    await page.waitForURL(`${app.url}/konsole/tickets`);
    expect(await card.locator('.badge').innerText()).toBe('In Bearbeitung');
    expect(await card.innerText()).toContain('Bearbeitet von');
    await card.getByLabel('Ihre Antwort').fill('Die Hundesteuer erhebt die Gemeinde, nicht der Kreis.');
    await card.getByRole('button', { name: 'Antwort senden' }).click();
    await page.waitForURL(`${app.url}/konsole/tickets`);
    expect((await app.lotse.escalation.get(tickets.noAnswer.id))?.state).toBe('answered');
    expect(await page.locator('.empty').innerText()).toBe('Keine offenen Anfragen für Sie.');
    await page.close();
  });

  it('answers a missing role and an unknown address with a German HTML page', async () => {
    const page = await newPage();
    await loginAs(page, app.url, 'p-marek');
    const forbidden = await page.goto(`${app.url}/konsole/berichte`);
    expect(forbidden?.status()).toBe(403);
    expect(forbidden?.headers()['content-type']).toContain('text/html');
    expect(await page.locator('h1').innerText()).toBe('Keine Berechtigung');
    expect(await page.locator('main').innerText()).toContain('Ihre Rollen: Beschäftigte');
    expect({ page: '403', violations: await axeViolations(page) }).toEqual({ page: '403', violations: [] });
    await shoot(page, 'konsole-keine-berechtigung');
    const missing = await page.goto(`${app.url}/konsole/gibt-es-nicht`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Nicht gefunden');
    expect({ page: '404', violations: await axeViolations(page) }).toEqual({ page: '404', violations: [] });
    await page.close();
  });

  it('lets HR send news at a Berlin time to units picked from the directory and build a survey in a form', async () => {
    const page = await newPage();
    await loginAs(page, app.url, 'p-nina');
    await page.goto(`${app.url}/konsole/hr`);
    expect(await mainText(page)).not.toMatch(rawValues);
    await page.getByLabel('Überschrift').fill('Neue Parkordnung');
    await page.getByLabel('Text', { exact: true }).fill('Ab Januar gilt die neue Parkordnung für die Tiefgarage.');
    await page.getByLabel('Straßenverkehrsamt').check();
    await page.getByLabel(/Versand ab/).fill('2026-12-24T09:00');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.waitForURL(`${app.url}/konsole/hr`);
    const broadcast = (await app.lotse.hr.broadcasts.list()).at(-1)!;
    expect(broadcast.sendAt).toBe('2026-12-24T08:00:00.000Z');
    expect(broadcast.audience).toEqual({ kind: 'units', units: ['A36'], includeSubunits: true });
    const row = page.locator('tr', { hasText: 'Neue Parkordnung' });
    expect(await row.innerText()).toContain('24.12.2026, 09:00');
    expect(await row.innerText()).toContain('Entwurf');
    await shoot(page, 'konsole-hr-nachrichten');

    await page.goto(`${app.url}/konsole/umfragen`);
    expect(await mainText(page)).not.toMatch(rawValues);
    await page.getByLabel('Titel der Umfrage').fill('Zufriedenheit mit der IT-Ausstattung');
    await page.getByLabel(/Beginn/).fill('2026-12-01T08:00');
    await page.getByLabel(/Ende/).fill('2026-12-15T18:00');
    const second = page.getByRole('group', { name: 'Frage 2' });
    await page
      .getByRole('group', { name: 'Frage 1' })
      .getByLabel('Fragetext')
      .fill('Wie zufrieden sind Sie mit Ihrem Arbeitsplatzrechner?');
    await second.getByLabel('Fragetext').fill('Welches Gerät nutzen Sie am meisten?');
    await second.getByLabel('Art der Antwort').selectOption({ label: 'Eine Antwort auswählen' });
    await second.getByLabel(/Antwortmöglichkeiten/).fill('Laptop\nStandrechner\nTablet');
    await page.getByRole('button', { name: /Als Entwurf speichern/ }).click();
    await page.waitForURL(`${app.url}/konsole/umfragen`);
    const survey = (await app.lotse.hr.surveys.list()).at(-1)!;
    expect(survey).toMatchObject({
      title: 'Zufriedenheit mit der IT-Ausstattung',
      opensAt: '2026-12-01T07:00:00.000Z',
      closesAt: '2026-12-15T17:00:00.000Z',
    });
    expect(survey.questions.map((question) => question.type)).toEqual(['scale', 'single']);
    expect(await page.locator('tr', { hasText: 'Zufriedenheit' }).innerText()).toContain('Entwurf');
    await shoot(page, 'konsole-hr-umfragen');
    await page.close();
  });

  it('has no axe violation of any impact on any console page, the login pages and the chat', async () => {
    const page = await newPage();
    await seedFaqAndFeedback(app, tickets.noAnswer);
    const surveyId = await seedSurveys(app);
    const found: { page: string; violations: unknown[] }[] = [];
    const check = async (name: string): Promise<void> => {
      const violations = await axeViolations(page);
      if (violations.length) found.push({ page: name, violations });
    };
    await page.goto(`${app.url}/dev-login?returnTo=%2Fkonsole`);
    expect(await mainText(page)).not.toMatch(rawValues);
    await check('dev-login');
    await shoot(page, 'konsole-anmeldung');
    const taken = new Set<string>();
    for (const person of ['p-frank', 'p-tobias', 'p-nina', 'p-peter', 'p-dana', 'p-helga', 'p-marek']) {
      await loginAs(page, app.url, person);
      const links = await page.locator('nav a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
      for (const path of links.filter((link) => link.startsWith('/konsole'))) {
        await page.goto(`${app.url}${path}`);
        expect(await mainText(page), `${person} ${path}`).not.toMatch(rawValues);
        await check(`${person} ${path}`);
        const shot = screenshotNames[path];
        if (shot && !taken.has(shot)) {
          taken.add(shot);
          await shoot(page, shot);
        }
      }
      if (person === 'p-peter') {
        await page.goto(`${app.url}/konsole/umfragen/${surveyId}/ergebnisse`);
        expect(await page.locator('main svg').count()).toBe(1);
        await check('survey results');
        await shoot(page, 'konsole-umfrage-ergebnisse');
      }
    }
    await page.goto(`${app.url}/`);
    await page.getByLabel('Ihre Frage').fill('Wie viele Tage darf ich mobil arbeiten?');
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    await page.locator('.message.bot').first().waitFor();
    await page.getByLabel('Ihre Frage').fill('Darf ich private E-Mails im Dienst lesen?');
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    await page.locator('.message.bot').nth(1).waitFor();
    await page.locator('.message.bot details summary').first().click();
    await page.locator('#surveys form').first().waitFor();
    await check('chat with two answers and an open survey');
    await shoot(page, 'web-chat');
    await page.getByLabel('Ihre Frage').fill(demoQuestions.noAnswer);
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    const refused = page.locator('.message.bot.outcome-no_answer');
    await refused.waitFor();
    await refused.getByRole('button', { name: 'Digitallotse fragen' }).click();
    await expect.poll(() => refused.locator('.notice').textContent()).toContain('Anfrage Nr.');
    await check('chat after a hand-over');
    for (const path of ['/nutzungshinweise', '/nutzungshinweise/dienstvereinbarung']) {
      if ((await page.goto(`${app.url}${path}`))?.status() === 200) await check(path);
    }
    await page.goto(`${app.url}/konsole`);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(`${app.url}/abgemeldet`);
    await check('logged out');
    expect(found).toEqual([]);
    await page.close();
  }, 120_000);
});
