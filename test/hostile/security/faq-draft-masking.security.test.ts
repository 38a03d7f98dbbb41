/**
 * Issue #18, item 12 (PII to the model): drafting a FAQ entry from an answered ticket sent the asker's raw
 * question (and the Lotse's answer) to the language model, names and e-mail addresses included. Both are now
 * masked like chat questions before the model sees them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startOpenAiMockServer, type OpenAiMockServer } from '../../support/openai-mock-server.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('FAQ drafting and personal data (issue #18, item 12)');
const email = 'max.muster@privat-example.org';
let mock: OpenAiMockServer;
let app: RunningApp;

beforeAll(async () => {
  mock = await startOpenAiMockServer();
  mock.respondWith(() => ({
    kind: 'text',
    text: '{"question":"Wie beantrage ich mobiles Arbeiten?","answer":"Im Mitarbeiterportal."}',
    model: 'mock-gpt',
  }));
  app = await startRealApp(join(repoRoot, 'knowledge/sources'), {
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: mock.baseUrl,
    LLM_MODEL: 'mock-gpt',
    LLM_TIMEOUT_MS: '2000',
  });
});

afterAll(async () => {
  await app?.close();
  await mock?.close();
});

describe('FAQ draft from a ticket', () => {
  it('never sends the asker e-mail or a colleague name to the model', async () => {
    const lotse = app.lotse;
    const userId = 'web-asker-1';
    const conversationId = 'c-faq-mask-1';
    await lotse.conversations.ensureConversation({ id: conversationId, channel: 'web', userId, at: new Date().toISOString() });
    await lotse.conversations.appendMessage({
      id: 'faq-mask-m1',
      conversationId,
      role: 'user',
      text: `Ich bin unter ${email} erreichbar: wie beantrage ich einen Schreibtisch im Kreishaus Nord?`,
      createdAt: new Date().toISOString(),
    });
    const escalated = await lotse.escalation.escalate({ userId, conversationId, channel: 'web', reason: 'user_request' });
    const ticket = (await lotse.escalation.allTickets()).find((entry) => entry.replyTo.conversationId === conversationId);
    if (!ticket) throw new Error(`no ticket: ${JSON.stringify(escalated)}`);
    const by = ticket.candidates[0]!;
    await lotse.escalation.act(ticket.id, { type: 'claim', by });
    await lotse.escalation.act(ticket.id, {
      type: 'answer',
      by,
      text: 'Bitte wenden Sie sich an Erika Mustermann, sie vergibt die Plätze.',
    });
    const before = mock.requests.length;
    await lotse.faq.draftWithModel(ticket.id, by);
    const sent = mock.requests
      .slice(before)
      .map((request) => JSON.stringify(request.body))
      .join('\n');
    table.record('FAQ draft request reached the model', true, sent.length > 0);
    table.record("asker's e-mail in the FAQ draft prompt", 'absent', sent.includes(email) ? 'present' : 'absent');
    table.record(
      "colleague's name from the Lotse answer in the prompt",
      'absent',
      sent.includes('Erika Mustermann') ? 'present' : 'absent',
    );
  });
});
