/**
 * Issue #18, item 8: the KI-training gate (DV KI § 8) failed open in the web chat: a logged-in person
 * missing from the directory got generated answers, while Teams and Jabber refused. Sessions are written
 * straight into the session store (as the OIDC callback would), so no identity provider is needed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SqlSessionStore } from '../../../bot/adapters/storage/sql-session-store.ts';
import type { Principal } from '../../../bot/ports/identity.ts';
import { startOpenAiMockServer, type OpenAiMockServer } from '../../support/openai-mock-server.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Training gate in the web chat (issue #18, item 8)');
let mock: OpenAiMockServer;
let app: RunningApp;

beforeAll(async () => {
  mock = await startOpenAiMockServer();
  mock.respondWith(() => ({
    kind: 'text',
    text: 'Die Kernarbeitszeit von 9:00 bis 13:00 Uhr gilt auch beim mobilen Arbeiten [1].',
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

/** Creates a session for `principal` and returns the cookies and CSRF token a browser would hold. */
async function sessionFor(principal: Principal): Promise<{ cookie: string; csrf: string }> {
  const id = randomBytes(24).toString('base64url');
  const csrf = randomBytes(16).toString('base64url');
  const now = new Date();
  await new SqlSessionStore(app.lotse.store).create({
    idHash: createHash('sha256').update(id).digest('base64url'),
    principal,
    csrfToken: csrf,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
  });
  return { cookie: `lotse_session=${id}; lotse_csrf=${csrf}`, csrf };
}

async function answerModeFor(principal: Principal): Promise<string> {
  const { cookie, csrf } = await sessionFor(principal);
  const response = await fetch(`${app.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ text: 'Welche Kernarbeitszeit gilt beim mobilen Arbeiten?' }),
  });
  const body = (await response.json()) as { provenance?: { mode?: string } };
  return `${response.status} ${body.provenance?.mode ?? 'none'}`;
}

describe('web chat training gate', () => {
  it('gives a trained directory person generated answers', async () => {
    table.record(
      'OIDC session of p-erika (kiTrained: true)',
      '200 generative',
      await answerModeFor({ userId: 'p-erika', personId: 'p-erika', displayName: 'Erika Mustermann', roles: ['staff'], source: 'oidc' }),
    );
  });

  it('gives an untrained directory person extractive answers only', async () => {
    table.record(
      'OIDC session of p-marek (kiTrained: false)',
      '200 extractive',
      await answerModeFor({ userId: 'p-marek', personId: 'p-marek', displayName: 'Marek Nowak', roles: ['staff'], source: 'oidc' }),
    );
  });

  it('gives a logged-in person missing from the directory extractive answers only', async () => {
    table.record(
      'OIDC session of a person not in the directory',
      '200 extractive',
      await answerModeFor({ userId: 'oidc-0123456789abcdef0123', displayName: 'Unbekannte Person', roles: ['staff'], source: 'oidc' }),
    );
  });
});
