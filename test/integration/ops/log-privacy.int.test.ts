/**
 * A real chat turn (createLotse over the sample knowledge base) with the pino logger at info: the log has
 * lines, but none of them contains the question text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPinoLogger } from '../../../bot/adapters/logging/pino-logger.ts';
import { createLotse, type Lotse } from '../../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../../bot/config/config.ts';
import { repoRoot } from '../../support/real-app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lotse-logs-'));
let lotse: Lotse | undefined;
afterAll(() => {
  lotse?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('logs of a chat turn', () => {
  it('contain no question text at LOG_LEVEL=info', async () => {
    const lines: string[] = [];
    const logger = createPinoLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    lotse = await createLotse(loadConfig({ LOTSE_TODAY: '2026-11-22' }, { dataDir }, repoRoot), logger);
    await ingestKnowledge(lotse.knowledge, { folder: join(repoRoot, 'knowledge/sources'), dataDir });
    const questions = ['Wie beantrage ich Zugang zu OPEN/PROSOZ Quokkafrage?', 'Meine Kollegin Frau Quokkamann hat Telefon 0171 2345678, wer hilft?'];
    for (const text of questions) {
      const result = await lotse.chat.handleTurn({ channel: 'web', userId: 'u-quokka', text });
      expect(result.outcome).toBeTruthy();
    }
    logger.info('turns-done', { question: questions[0] });
    expect(lines.length).toBeGreaterThan(1);
    const log = lines.join('');
    expect(log).toContain('"event":"turns-done"');
    expect(log).not.toMatch(/Quokka|0171/);
  }, 60_000);
});
