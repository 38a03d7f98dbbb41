import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLotse } from '../../bot/app/create-lotse.ts';
import type { Lotse } from '../../bot/app/lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { repoRoot } from '../support/real-app.ts';

const seeds = join(repoRoot, '../shared/seeds');
let lotse: Lotse;
let dataDir: string;

async function ask(text: string, conversationId?: string) {
  return lotse.chat.handleTurn({ channel: 'cli', userId: 'e2e', text, ...(conversationId ? { conversationId } : {}) });
}

describe.skipIf(!existsSync(seeds))('end to end over the five real county documents (../shared/seeds)', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lotse-seeds-'));
    lotse = await createLotse(loadConfig({ LOTSE_TODAY: '2026-11-22' }, { dataDir }, repoRoot), silentLogger);
    const summary = await ingestKnowledge(lotse.knowledge, { folder: seeds, dataDir });
    expect(summary).toMatchObject({ added: 5, skipped: [] });
  });
  afterAll(async () => {
    await lotse?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('infers the county of every document', () => {
    expect(lotse.knowledge.store.listDocuments().map((meta) => meta.tenant)).toEqual([
      'Kreis Viersen',
      'Kreis Viersen',
      'Kreis Unna',
      'Kreis Recklinghausen',
      'Kreis Paderborn',
    ]);
  });

  it('answers with a verbatim, cited quote from the right county', async () => {
    const result = await ask('Wie hoch ist die Anzahl an Digitallotsinnen und Digitallotsen im Kreis Viersen?');
    expect(result.outcome).toBe('answered');
    expect(result.citations[0]?.document).toBe('000_8e9082655a54c4ad.txt');
    const quote = result.citations.map((citation) => citation.quote).join(' ');
    expect(quote).toMatch(/37/);
  });

  it('answers Paderborn’s rule on decisions from Paderborn’s strategy', async () => {
    const result = await ask('Delegiert der Kreis Paderborn Entscheidungen an IT-Systeme?');
    expect(result.outcome).toBe('answered');
    expect(result.citations.every((citation) => citation.document === '004_604b01c2fa0b9321.txt')).toBe(true);
    expect(result.answer).toMatch(/niemals/);
  });

  it('does not carry Viersen’s numbers into an answer about Paderborn or an unknown county', async () => {
    const paderborn = await ask('Wie viele Digitallotsen hat der Kreis Paderborn?');
    expect(paderborn.outcome).toBe('no_answer');
    expect(paderborn.retrieved.every((passage) => passage.document === '004_604b01c2fa0b9321.txt')).toBe(true);
    const kleve = await ask('Wie viele Digitallotsen hat der Kreis Kleve?');
    expect(kleve.outcome).toBe('no_answer');
    expect(kleve.answer).toContain('Kreis Kleve');
  });

  it('abstains when only another county’s paper has the figure asked for (cross-county trap)', async () => {
    const unna = await ask('wie viele beschäftigte arbeiten bei der kreisverwaltung unna?');
    expect(unna.outcome).toBe('no_answer');
    expect(unna.answer).toContain('Kreis Unna');
  });

  it('resolves a follow-up to another county within the conversation', async () => {
    const first = await ask('Wie viele Drucker und Multifunktionsgeräte hat der Kreis Unna ersetzt?');
    expect(first.answer).toMatch(/650|435/);
    const second = await ask('und in Paderborn?', first.conversationId);
    expect(second.answer).not.toMatch(/650|435/);
    expect(second.retrieved.every((passage) => passage.document === '004_604b01c2fa0b9321.txt')).toBe(true);
  });

  it('abstains honestly when no document answers', async () => {
    const result = await ask('Wie beantrage ich Elterngeld?');
    expect(result.outcome).toBe('no_answer');
    expect(result.answer).toContain('Dazu finde ich in den Unterlagen nichts Verlässliches.');
    expect(result.actions[0]).toMatchObject({ type: 'escalate' });
  });
});
