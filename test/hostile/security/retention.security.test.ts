/**
 * Issue #18, item 4 (part): conversations were kept forever, including questions the audit deliberately
 * drops. The daily purge now deletes conversations (messages, feedback) idle longer than
 * `records.conversations` days of `policies/retention.yaml`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { wireRetentionPurge } from '../../../bot/app/retention-purge.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { loadRecordRetention } from '../../../policies/load-retention.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Retention of conversations (issue #18, item 4)');
const day = 86_400_000;
let app: RunningApp;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'lotse-sec-retention-'));
  writeFileSync(join(folder, 'passwort.md'), '# Passwort\n\nDas Passwort gilt 90 Tage.\n');
  app = await startRealApp(folder, { AUTH_MODE: 'dev' });
});

afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Stores a conversation of `p-marek` whose messages are `ages` days old (no wall clock: ages relative to now). */
async function conversation(id: string, ages: readonly number[]): Promise<void> {
  const store = app.lotse.conversations;
  const at = (age: number): string => new Date(Date.now() - age * day).toISOString();
  await store.ensureConversation({ id, channel: 'web', userId: 'p-marek', at: at(Math.max(...ages)) });
  for (const [index, age] of ages.entries())
    await store.appendMessage({
      id: `${id}-m${index}`,
      conversationId: id,
      role: index % 2 ? 'bot' : 'user',
      text: 'Ich bin krank, was muss ich tun?',
      createdAt: at(age),
    });
  await store.recordFeedback({
    messageId: `${id}-m${ages.length - 1}`,
    rating: 'down',
    reason: 'persönliche Notiz',
    at: at(Math.min(...ages)),
  });
}

describe('conversation retention', () => {
  it('deletes conversations idle past the retention with messages and feedback, keeps active ones', async () => {
    const days = loadRecordRetention(join(repoRoot, 'policies')).conversations;
    table.record('policies/retention.yaml records.conversations (days)', 90, days);
    await conversation('old', [days + 30, days + 10]);
    await conversation('revived', [days + 30, 5]);
    await conversation('recent', [3, 1]);
    const check = await wireRetentionPurge(app.lotse, silentLogger).tick();
    table.record('daily purge: conversations removed', 1, check.kind === 'ran' ? Number(check.removed.conversations) : check.kind);
    const store = app.lotse.conversations;
    const kept = async (id: string): Promise<string> => ((await store.isOwner(id, 'p-marek')) ? 'kept' : 'gone');
    table.record(`conversation idle ${days + 10} days after purge`, 'gone', await kept('old'));
    table.record(
      `its messages and feedback after purge`,
      'gone',
      (await store.getMessage('old-m0')) || (await store.feedbackFor('old-m1')) ? 'kept' : 'gone',
    );
    table.record('conversation with a message 5 days ago (started long ago)', 'kept', await kept('revived'));
    table.record('recent conversation', 'kept', await kept('recent'));
  });

  it('says truthfully on /nutzungshinweise under which key and how long conversations are kept', async () => {
    const days = loadRecordRetention(join(repoRoot, 'policies')).conversations;
    const page = await (await fetch(`${app.url}/nutzungshinweise`)).text();
    table.record(
      '/nutzungshinweise names the deletion period of retention.yaml',
      true,
      page.includes(`${days} Tage nach der letzten Nachricht gelöscht`),
    );
    table.record(
      '/nutzungshinweise says conversations are kept under a pseudonymous key',
      true,
      /unter einer pseudonymen Kennung gespeichert/.test(readFileSync(join(repoRoot, 'prompts/ui/webchat.de.json'), 'utf8')),
    );
    table.record(
      '/nutzungshinweise names the deletion period of tickets',
      true,
      page.includes(`Tickets an Digitallotsen werden ${loadRecordRetention(join(repoRoot, 'policies')).tickets} Tage`),
    );
  });
});
