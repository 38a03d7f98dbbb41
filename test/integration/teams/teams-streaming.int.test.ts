import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatModel, ChatRequest } from '../../../bot/ports/chat-model.ts';
import { FakeChatModel } from '../../fakes/fake-chat-model.ts';
import { startMockBotConnector, type MockBotConnector } from '../../support/mock-bot-connector.ts';
import { fixture, startTeamsApp, type TeamsApp } from '../../support/teams-app.ts';

let connector: MockBotConnector;
let app: TeamsApp;

/** The number of the source block that contains `needle` in the prompt. */
function sourceNumber(request: ChatRequest, needle: string): number {
  const prompt = request.messages.map((message) => message.content).join('\n');
  const found = prompt
    .split('<quelle nr="')
    .slice(1)
    .find((block) => block.includes(needle));
  return found ? Number(found.split('"')[0]) : 1;
}

const fake = new FakeChatModel((request) => {
  const source = sourceNumber(request, '13:00');
  return `Die Kernarbeitszeit von 9:00 bis 13:00 Uhr gilt auch beim mobilen Arbeiten [${source}]. Die Kernarbeitszeit gilt auch beim mobilen Arbeiten von 9:00 bis 13:00 Uhr [${source}].`;
});

/** The fake model, streaming with a pause between chunks as a real endpoint does. */
const model: ChatModel & { readonly calls: FakeChatModel['calls'] } = {
  id: fake.id,
  calls: fake.calls,
  generate: (request) => fake.generate(request),
  async *stream(request) {
    for await (const chunk of fake.stream(request)) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      yield chunk;
    }
  },
};

beforeAll(async () => {
  connector = await startMockBotConnector();
  app = await startTeamsApp({ chatModel: model });
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

type Entity = { type: string; streamType?: string; streamSequence?: number; streamId?: string };
const streamInfo = (body: Record<string, unknown>): Entity | undefined =>
  (body.entities as Entity[] | undefined)?.find((entity) => entity.type === 'streaminfo');

describe('Teams streaming of generated answers', () => {
  it('sends an informative update, streaming chunks and a final message with the answer card', async () => {
    const response = await app.post(
      fixture('message-personal', connector.serviceUrl, { text: 'Welche Kernarbeitszeit gilt beim mobilen Arbeiten?' }),
    );
    expect(response.status).toBe(200);
    const sent = connector.to('a:1personal-sabine').map((request) => request.body);
    const kinds = sent.map((body) => `${String(body.type)}:${streamInfo(body)?.streamType ?? '-'}`);
    expect(kinds[0]).toBe('typing:informative');
    expect(kinds).toContain('typing:streaming');
    expect(kinds.at(-1)).toBe('message:final');
    const chunk = sent.find((body) => streamInfo(body)?.streamType === 'streaming')!;
    expect(String(chunk.text)).toContain('9:00 bis 13:00 Uhr');
    const final = sent.at(-1)!;
    expect(String(final.text)).toContain('Kernarbeitszeit von 9:00 bis 13:00 Uhr');
    const later = sent.slice(1).map((body) => streamInfo(body));
    expect(later.every((info) => typeof info?.streamId === 'string' && info.streamId.length > 0)).toBe(true);
    const card = (final.attachments as { content: { body: unknown[]; actions: { title: string }[] } }[])[0]!.content;
    expect(JSON.stringify(card.body)).toContain('Automatisch erstellt');
    expect(JSON.stringify(card.body)).toContain('[1]');
    expect(card.actions.map((action) => action.title)).toContain('Digitallotse fragen');
  });

  it('does not stream in a channel and does not give generated answers to people without recorded KI training', async () => {
    await app.post(
      fixture('message-channel-mention', connector.serviceUrl, {
        text: '<at>lotse</at> Welche Kernarbeitszeit gilt beim mobilen Arbeiten?',
      }),
    );
    const channel = connector.to('19:abc123channel@thread.tacv2;messageid=1732267200000').map((request) => request.body);
    expect(channel.map((body) => body.type)).toEqual(['message']);
    const calls = model.calls.length;
    const stranger = { id: '29:1stranger', aadObjectId: '7d8f0a3e-1111-4c2b-9a1e-0000000000ee' };
    await app.post(
      fixture('message-personal', connector.serviceUrl, {
        id: 'x-3',
        from: stranger,
        conversation: { conversationType: 'personal', id: 'a:1personal-stranger' },
        text: 'Welche Kernarbeitszeit gilt beim mobilen Arbeiten?',
      }),
    );
    expect(model.calls.length).toBe(calls);
    expect(connector.to('a:1personal-stranger').map((request) => request.body.type)).toEqual(['message']);
  });
});
