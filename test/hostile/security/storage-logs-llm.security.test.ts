/**
 * Issue #18, item 14 (parts): data at rest and in logs. The data dir is 0700 and the SQLite files 0600,
 * `LLM_BASE_URL` is https (plain http only to loopback), and pino never writes credentials.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, it } from 'vitest';
import { openSqliteDatabase } from '../../../bot/adapters/storage/sqlite-database.ts';
import { parseLlmConfig } from '../../../bot/config/llm-config.ts';
import { createPinoLogger } from '../../../bot/adapters/logging/pino-logger.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Storage, LLM transport, logs (issue #18, item 14)');
const root = mkdtempSync(join(tmpdir(), 'lotse-sec-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8).padStart(4, '0');

describe('data dir and database file modes', () => {
  it('creates the data dir 0700 and keeps lotse.db and its WAL 0600', () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(root, 'fresh', 'data');
      const database = openSqliteDatabase(dataDir);
      database.exec('CREATE TABLE probe (x TEXT)');
      database.prepare('INSERT INTO probe VALUES (?)').run('Frage');
      table.record('fresh DATA_DIR (umask 022) → mode of data dir', '0700', modeOf(dataDir));
      table.record('fresh DATA_DIR → mode of lotse.db', '0600', modeOf(join(dataDir, 'lotse.db')));
      table.record('fresh DATA_DIR → mode of lotse.db-wal', '0600', modeOf(join(dataDir, 'lotse.db-wal')));
      database.close();
    } finally {
      process.umask(previous);
    }
  });
});

function llmStart(url: string): string {
  try {
    parseLlmConfig({ LLM_PROVIDER: 'openai', LLM_BASE_URL: url, LLM_MODEL: 'm' });
    return 'accepted';
  } catch (error) {
    return /LLM_BASE_URL/.test(String(error)) ? 'refused (names LLM_BASE_URL)' : `refused: ${String(error)}`;
  }
}

describe('LLM_BASE_URL transport', () => {
  it('accepts plain http only to loopback', () => {
    table.record('LLM_BASE_URL=http://llm.kreis.example/v1', 'refused (names LLM_BASE_URL)', llmStart('http://llm.kreis.example/v1'));
    table.record('LLM_BASE_URL=http://10.0.0.5:11434/v1', 'refused (names LLM_BASE_URL)', llmStart('http://10.0.0.5:11434/v1'));
    table.record('LLM_BASE_URL=http://127.0.0.1:11434/v1', 'accepted', llmStart('http://127.0.0.1:11434/v1'));
    table.record('LLM_BASE_URL=http://[::1]:11434/v1', 'accepted', llmStart('http://[::1]:11434/v1'));
    table.record('LLM_BASE_URL=https://llm.kreis.example/v1', 'accepted', llmStart('https://llm.kreis.example/v1'));
    let azure = 'accepted';
    try {
      parseLlmConfig({
        LLM_PROVIDER: 'azure',
        LLM_BASE_URL: 'http://aoai.kreis.example',
        LLM_API_KEY: 'k',
        LLM_MODEL: 'd',
        LLM_API_VERSION: '2024-10-21',
      });
    } catch {
      azure = 'refused';
    }
    table.record('azure LLM_BASE_URL=http://aoai.kreis.example', 'refused', azure);
  });
});

describe('log redaction', () => {
  const secrets = {
    authorization: 'Bearer eyJ-secret-1',
    cookie: 'lotse_session=secret-2',
    password: 'secret-3',
    secret: 'secret-4',
    apiKey: 'sk-secret-5',
    clientSecret: 'secret-6',
    token: 'secret-7',
  };
  const event = {
    ...secrets,
    headers: {
      authorization: 'Bearer eyJ-secret-1',
      cookie: 'lotse_session=secret-2',
      'set-cookie': ['lotse_session=secret-2'],
      'x-api-key': 'sk-secret-5',
    },
    request: { headers: { authorization: 'Bearer eyJ-secret-1' } },
    config: { llm: { apiKey: 'sk-secret-5' } },
  };

  for (const level of ['info', 'debug'] as const) {
    it(`censors credentials at LOG_LEVEL=${level}`, () => {
      const lines: string[] = [];
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      });
      createPinoLogger({ level, destination }).warn('probe', event);
      const written = lines.join('');
      const leaked = Object.values(secrets).filter((value) => written.includes(value));
      table.record(
        `log event with authorization/cookie/password/secret/apiKey/token (LOG_LEVEL=${level})`,
        'none leaked',
        leaked.length ? `leaked: ${leaked.join(', ')}` : 'none leaked',
      );
    });
  }
});
