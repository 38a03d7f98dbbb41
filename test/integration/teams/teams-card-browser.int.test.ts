/**
 * The answer card lotse sends to Teams, rendered in Chromium by the Adaptive Cards JavaScript renderer
 * (`adaptivecards`, the SDK Microsoft publishes for hosts). The card comes from the real app through a mock Bot
 * Connector, so the picture shows what a Teams user gets. With `SCREENSHOT_DIR` set, the card is saved as
 * `teams-antwortkarte.png` there (README: `SCREENSHOT_DIR=docs/screenshots`).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../../support/browser.ts';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

const executable = chromiumPath();
const screenshotDir = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : undefined;
const rendererScript = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

// Close to the Teams light theme: a white card with a thin border in a grey chat pane; action sets wrap as in
// narrow Teams windows instead of cutting off long follow-up questions.
const page = `<!doctype html><html lang="de"><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #f5f5f5; font-family: 'Segoe UI', system-ui, sans-serif; }
  #card { width: 560px; background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; padding: 12px; }
  .ac-actionSet { flex-wrap: wrap !important; gap: 8px; }
  .ac-actionSet > div { display: none; }
  .ac-pushButton > div { white-space: normal !important; }
  .ac-pushButton { max-width: 100%; text-align: left; padding: 5px 12px; border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; font: 600 14px 'Segoe UI', system-ui, sans-serif; }
</style></head><body><div id="card"></div></body></html>`;

let connector: MockBotConnector;
let app: TeamsApp;
let browser: Browser;

describe.skipIf(!executable)('Teams answer card rendered by the Adaptive Cards renderer in Chromium', () => {
  beforeAll(async () => {
    connector = await startMockBotConnector();
    app = await startTeamsApp();
    browser = await launchChromium(executable!, { lang: 'de-DE' });
    if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await connector?.close();
  });

  it('renders the card of a personal question with the answer, the sources and the buttons, in German', async () => {
    expect((await app.post(fixture('message-personal', connector.serviceUrl))).status).toBe(200);
    const reply = connector.to('a:1personal-sabine').at(-1);
    const card = (reply?.body.attachments as { content: unknown }[] | undefined)?.[0]?.content;
    expect(card).toBeDefined();

    const tab = await browser.newPage({ viewport: { width: 624, height: 400 }, deviceScaleFactor: 1 });
    await tab.setContent(page);
    await tab.addScriptTag({ path: rendererScript });
    const problems = await tab.evaluate((json) => {
      const renderer = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
      // Teams renders TextBlock markdown (bold, line breaks); the renderer leaves that to the host.
      renderer.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        result.outputHtml = escaped.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\n/g, '<br>');
        result.didProcess = true;
      };
      const adaptiveCard = new renderer.AdaptiveCard();
      adaptiveCard.hostConfig = new renderer.HostConfig({ fontFamily: "'Segoe UI', system-ui, sans-serif", supportsInteractivity: true });
      const context = new renderer.SerializationContext();
      adaptiveCard.parse(json, context);
      const element = adaptiveCard.render();
      if (element) document.getElementById('card')!.appendChild(element);
      return [
        ...Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index).message),
        ...adaptiveCard.validateProperties().validationEvents.map((event) => event.message),
      ];
    }, card);
    expect(problems).toEqual([]);

    const shown = await tab.locator('#card').innerText();
    expect(shown).toContain('mobil');
    expect(shown).toMatch(/Quelle|Stand/);
    expect(shown).not.toMatch(/\b(Source|Feedback|Helpful|Show more)\b/);
    const buttons = await tab.locator('#card button').allInnerTexts();
    expect(buttons.length).toBeGreaterThan(0);
    if (screenshotDir) await tab.locator('body').screenshot({ path: join(screenshotDir, 'teams-antwortkarte.png') });
    await tab.close();
  });
});
