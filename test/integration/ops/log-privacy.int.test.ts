/**
 * Real chat turns (createLotse over the sample knowledge base) with the pino logger: at LOG_LEVEL=info the
 * log has lines but none contains question text; at LOG_LEVEL=debug the same turns are logged with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPinoLogger } from '../../../bot/adapters/logging/pino-logger.ts';
import { createLotse } from '../../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../../bot/config/config.ts';
import { repoRoot } from '../../support/real-app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lotse-logs-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const questions = [
  'Wie beantrage ich Zugang zu OPEN/PROSOZ Quokkafrage?',
  'Meine Kollegin Frau Quokkamann hat Telefon 0171 2345678, wer hilft?',
];

/** Runs the questions through a fresh lotse with a captured pino logger at `level`; returns the log text. */
async function chatLog(level: 'info' | 'debug'): Promise<string> {
  const lines: string[] = [];
  const logger = createPinoLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  const lotse = await createLotse(loadConfig({ LOTSE_TODAY: '2026-11-22' }, { dataDir }, repoRoot), logger);
  try {
    if (lotse.knowledge.lexical.size === 0)
      await ingestKnowledge(lotse.knowledge, { folder: join(repoRoot, 'knowledge/sources'), dataDir });
    for (const text of questions) await lotse.chat.handleTurn({ channel: 'web', userId: 'u-quokka', text });
  } finally {
    await lotse.close();
  }
  return lines.join('');
}

describe('logs of chat turns', () => {
  it('contain no question text at LOG_LEVEL=info', async () => {
    const log = await chatLog('info');
    expect(log).toContain('"event":"index-ready"');
    expect(log).not.toContain('"event":"chat-turn"');
    expect(log).not.toMatch(/Quokka|0171/);
  }, 60_000);

  it('show the turns with their text only at LOG_LEVEL=debug', async () => {
    const log = await chatLog('debug');
    const turns = log
      .split('\n')
      .filter((line) => line.includes('"event":"chat-turn"'))
      .map((line) => JSON.parse(line) as { question: string; outcome: string });
    expect(turns).toHaveLength(2);
    expect(turns[0]!.question).toContain('Quokkafrage');
  }, 60_000);
});
