/**
 * Issue #18, item 4 (pseudonymous keys): conversations were stored under the person's directory id, so a join of
 * `conversations` and `messages` showed who asked what, even what the audit deliberately drops, and the 4-eyes
 * re-identification protected nothing. Conversations are now stored under the audit's HMAC pseudonym; rows written
 * in clear before are keyed at start. Ownership checks (continue, feedback, history) still work.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SqlConversationStore } from '../../../bot/adapters/storage/sql-conversation-store.ts';
import { memoryStore } from '../../support/store-database.ts';
import { HttpSession } from '../../support/http-session.ts';
import { startRealApp, type RunningApp } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Pseudonymous conversation keys (issue #18, item 4)');
let app: RunningApp;
let marek: HttpSession;
let erika: HttpSession;

beforeAll(async () => {
  app = await startRealApp(undefined, { AUTH_MODE: 'dev' });
  marek = new HttpSession(app.url);
  await marek.devLogin({ person: 'p-marek' });
  erika = new HttpSession(app.url);
  await erika.devLogin({ person: 'p-erika' });
});

afterAll(async () => {
  await app?.close();
});

async function chat(session: HttpSession, body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await session.request('POST', '/api/chat', { body: JSON.stringify(body), type: 'application/json', csrf: true });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const question = 'Wie viele Tage darf ich im Kreis Musterland mobil arbeiten?';

describe('stored conversations', () => {
  it('carry the audit pseudonym, never the directory id', async () => {
    const first = await chat(marek, { text: question });
    const conversationId = String(first.json.conversationId);
    const rows = app.lotse.local
      .prepare<[string], { user_id: string; text: string }>(
        'SELECT c.user_id, m.text FROM conversations c JOIN messages m ON m.conversation_id = c.id WHERE m.text = ?',
      )
      .all(question);
    table.record('join of conversations and messages: rows with the question (control)', true, rows.length > 0);
    table.record(
      "owner column of Marek's conversation",
      'pseudonym',
      rows.every((row) => row.user_id !== 'p-marek' && /^[0-9a-f]{32}$/.test(row.user_id))
        ? 'pseudonym'
        : rows.map((row) => row.user_id).join(','),
    );
    const audited = (await app.lotse.audit.entries()).map((record) => record.entry.pseudonym);
    table.record('owner key equals the audit pseudonym (same HMAC)', true, audited.includes(rows[0]!.user_id));

    const next = await chat(marek, { conversationId, text: 'und in Nordheide?' });
    table.record('Marek continues his conversation', `200 ${conversationId}`, `${next.status} ${String(next.json.conversationId)}`);
    const feedback = await marek.request('POST', '/api/feedback', {
      body: JSON.stringify({ messageId: next.json.messageId, rating: 'up' }),
      type: 'application/json',
      csrf: true,
    });
    table.record('Marek rates an answer of his conversation', 204, feedback.status);
    const foreign = await erika.request('POST', '/api/feedback', {
      body: JSON.stringify({ messageId: next.json.messageId, rating: 'down' }),
      type: 'application/json',
      csrf: true,
    });
    table.record("Erika rates an answer of Marek's conversation", 404, foreign.status);
    const hijack = await chat(erika, { conversationId, text: 'Was habe ich vorhin gefragt?' });
    table.record(
      "Erika writes into Marek's conversation id",
      'new conversation',
      hijack.json.conversationId === conversationId ? 'same conversation' : 'new conversation',
    );
  });

  it('keys rows written in clear before, at start', async () => {
    const { store } = await memoryStore();
    await new SqlConversationStore(store).ensureConversation({
      id: 'c-legacy',
      channel: 'web',
      userId: 'p-helga',
      at: new Date().toISOString(),
    });
    const ownerKey = (userId: string): string => createHmac('sha256', 'test-key').update(userId).digest('hex').slice(0, 32);
    const restarted = new SqlConversationStore(store, { ownerKey });
    await restarted.pseudonymizeOwners(ownerKey);
    const owner = await restarted.conversationOwner('c-legacy');
    table.record('legacy owner p-helga after a restart with keys', 'keyed', owner === ownerKey('p-helga') ? 'keyed' : String(owner));
    table.record('p-helga still owns the legacy conversation', true, await restarted.isOwner('c-legacy', 'p-helga'));
    const again = new SqlConversationStore(store, { ownerKey });
    table.record('a second start keys nothing twice', 0, await again.pseudonymizeOwners(ownerKey));
    table.record('p-helga owns it after the second start', true, await again.isOwner('c-legacy', 'p-helga'));
  });
});
