/**
 * Issue #22 in Teams, through the real Teams endpoint and a mock Bot Connector: the answer card carries the
 * suggested next questions as `Action.Submit` buttons with `imBack` (a click posts the suggestion as the person's
 * message, which is answered like a typed question); "einfach" turns Leichte Sprache on for the person's next
 * answers and "normal" turns it off, while the card's citation keeps the document's wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { aad, fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

type CardElement = {
  type?: string;
  text?: string;
  items?: CardElement[];
  actions?: { type: string; title: string; data?: { msteams?: { type: string; value: string } } }[];
};
type Card = { body: CardElement[] };

let connector: MockBotConnector;
let app: TeamsApp;
const tenantId = '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa';
const sabine = {
  from: { id: '29:1sabine-teams-user-id', aadObjectId: aad.sabine },
  conversation: { conversationType: 'personal', tenantId, id: 'a:1personal-sabine' },
};

beforeAll(async () => {
  connector = await startMockBotConnector();
  app = await startTeamsApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

/** Posts a personal message; returns the reply activity's text and card. */
async function say(text: string): Promise<{ text: string; card?: Card }> {
  const id = `m-${Math.random()}`;
  expect((await app.post(fixture('message-personal', connector.serviceUrl, { id, text, ...sabine }))).status).toBe(200);
  const reply = connector.to('a:1personal-sabine').find((request) => decodeURIComponent(request.url).endsWith(`/activities/${id}`));
  const attachments = reply?.body.attachments as { content: Card }[] | undefined;
  return { text: String(reply?.body.text ?? ''), ...(attachments?.[0] ? { card: attachments[0].content } : {}) };
}

function suggestionButtons(card: Card | undefined): { title: string; value: string | undefined }[] {
  const sets = (card?.body ?? []).filter((element) => element.type === 'ActionSet');
  return sets
    .flatMap((set) => set.actions ?? [])
    .filter((action) => action.type === 'Action.Submit')
    .map((action) => ({ title: action.title, value: action.data?.msteams?.value }));
}

describe('Teams: suggestions and Leichte Sprache', () => {
  it('offers the suggestions as imBack buttons; the posted suggestion is answered from its section', async () => {
    const { card } = await say('Darf KI über Beförderungen entscheiden?');
    const buttons = suggestionButtons(card);
    expect(buttons.map((button) => button.title)).toEqual([
      'Mehr zu: § 3 Der Mensch entscheidet (DV KI)',
      'Mehr zu: § 5 Schutz personenbezogener Daten (DV KI)',
      'Mehr zu: § 2 Begriffe (DV KI)',
    ]);
    for (const button of buttons) expect(button.value).toBe(button.title);
    expect(JSON.stringify(card?.body)).toContain('Weiterfragen:');
    // Teams sends an imBack click as an ordinary message with the button's value as text.
    const next = await say(buttons[1]!.value!);
    expect(JSON.stringify(next.card?.body)).toContain('Abschnitt: § 5 Schutz personenbezogener Daten');
    const none = await say('Wie hoch ist die Hundesteuer für einen Dackel?');
    expect(suggestionButtons(none.card)).toEqual([]);
  }, 60_000);

  it('answers in Leichte Sprache after "einfach" until "normal"; the citation quote stays verbatim', async () => {
    const question = 'Was kann ich gegen eine Ablehnung des mobilen Arbeitens tun?';
    const quote = 'um Vermittlung bitten; der Personalrat kann hinzugezogen werden.';
    expect((await say('einfach')).text).toContain('Leichter Sprache');
    const plain = await say(question);
    const answerText = plain.card?.body[0]?.text ?? '';
    expect(answerText).toMatch(/^In einfacher Sprache:/);
    expect(answerText).toContain('um Vermittlung bitten.\nDer Personalrat kann hinzugezogen werden.');
    expect(answerText).toContain('• Personalrat: die gewählte Vertretung der Beschäftigten.');
    expect(JSON.stringify(plain.card?.body.slice(1))).toContain(quote);
    expect((await say('normal')).text).toContain('normaler Sprache');
    const normal = await say(question);
    expect(normal.card?.body[0]?.text).not.toContain('In einfacher Sprache');
    expect(normal.card?.body[0]?.text).toContain(quote);
  }, 60_000);
});
