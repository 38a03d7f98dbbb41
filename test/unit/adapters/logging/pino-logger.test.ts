import { describe, expect, it } from 'vitest';
import { createPinoLogger, redactedValue } from '../../../../bot/adapters/logging/pino-logger.ts';

function captured(level: 'debug' | 'info' | 'warn') {
  const lines: string[] = [];
  const logger = createPinoLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('pino logger', () => {
  it('writes one JSON line with ISO time, level label and event name', () => {
    const { logger, records } = captured('info');
    logger.info('index-ready', { chunks: 42 });
    const [record] = records();
    expect(record).toMatchObject({ level: 'info', event: 'index-ready', chunks: 42 });
    expect(record!.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('censors user text at info and above', () => {
    const { logger, records } = captured('info');
    logger.info('turn', { question: 'Wie beantrage ich Elternzeit?', conversationId: 'c-1' });
    logger.warn('turn', { turn: { text: 'Antwort mit Namen', ms: 5 }, reply: 'Hallo Sabine', email: 'sabine@musterland.example' });
    const text = JSON.stringify(records());
    expect(text).not.toContain('Elternzeit');
    expect(text).not.toContain('Antwort mit Namen');
    expect(text).not.toContain('sabine@');
    expect(records()[0]).toMatchObject({ question: redactedValue, conversationId: 'c-1' });
    expect(records()[1]).toMatchObject({ turn: { text: redactedValue, ms: 5 }, reply: redactedValue, email: redactedValue });
  });

  it('drops debug events unless LOG_LEVEL=debug, and then shows the text', () => {
    const quiet = captured('info');
    quiet.logger.debug('turn', { question: 'Wie beantrage ich Elternzeit?' });
    expect(quiet.records()).toEqual([]);
    const verbose = captured('debug');
    verbose.logger.debug('turn', { question: 'Wie beantrage ich Elternzeit?' });
    expect(verbose.records()[0]).toMatchObject({ level: 'debug', question: 'Wie beantrage ich Elternzeit?' });
  });

  it('respects the level and never throws when the destination fails', () => {
    const { logger, records } = captured('warn');
    logger.info('ignored');
    logger.error('kept', { error: 'boom' });
    expect(records().map((record) => record.event)).toEqual(['kept']);
    const broken = createPinoLogger({
      destination: {
        write: () => {
          throw new Error('EPIPE');
        },
      },
    });
    expect(() => broken.error('still-fine')).not.toThrow();
    expect(() => broken.flush()).not.toThrow();
  });
});
