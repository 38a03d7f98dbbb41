/**
 * Issue #18, item 12 (chain): the audit hash chain had no key, so an insider with write access to the database
 * could edit a record and recompute every hash, or delete the newest records, and `verify` still said intact.
 * Now the links are HMACs under a key kept outside the database, and an exported head detects truncation.
 */
import { createHash } from 'node:crypto';
import { describe, it } from 'vitest';
import type { openMemoryDatabase } from '../../../bot/adapters/storage/sqlite-database.ts';
import { SqlAuditLog } from '../../../bot/adapters/storage/sql-audit-log.ts';
import { memoryStore } from '../../support/store-database.ts';
import type { AuditEntry } from '../../../bot/ports/audit-log.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Audit chain (issue #18, item 12)');
const key = 'k'.repeat(64);

function entry(index: number): AuditEntry {
  return {
    type: 'answer',
    at: `2026-11-2${index}T08:00:00.000Z`,
    pseudonym: `ps-${index}`,
    channel: 'web',
    outcome: 'answered',
    rules: [],
    policyVersion: 'v',
    indexVersion: 'i',
    documents: [],
  } as unknown as AuditEntry;
}

/** What an insider without the key can do: rewrite a body and recompute the chain with plain sha256. */
function forge(database: ReturnType<typeof openMemoryDatabase>): void {
  database.prepare("UPDATE audit_records SET body = replace(body, 'ps-2', 'ps-X') WHERE seq = 2").run();
  let previous = '0'.repeat(64);
  for (const row of database.prepare<[], { seq: number; body: string }>('SELECT seq, body FROM audit_records ORDER BY seq').all()) {
    const hash = createHash('sha256').update(previous).update(row.body).digest('hex');
    database.prepare('UPDATE audit_records SET prev_hash = ?, hash = ? WHERE seq = ?').run(previous, hash, row.seq);
    previous = hash;
  }
}

const outcome = (result: { kind: string; reason?: string }): string => (result.kind === 'broken' ? `broken ${result.reason}` : result.kind);

describe('keyed audit chain', () => {
  it('detects an edit with recomputed hashes', async () => {
    const { database, store } = await memoryStore();
    const log = new SqlAuditLog(store, { key });
    for (const index of [1, 2, 3]) await log.append(entry(index));
    table.record('3 records (control)', 'intact', outcome(await log.verify()));
    forge(database);
    table.record('record 2 edited, chain recomputed without the key', 'broken', outcome(await log.verify()).split(' ')[0]!);
  });

  it('detects deleting the newest records against an exported head', async () => {
    const { database, store } = await memoryStore();
    const log = new SqlAuditLog(store, { key });
    for (const index of [1, 2, 3]) await log.append(entry(index));
    const head = await log.head();
    database.prepare('DELETE FROM audit_records WHERE seq = 3').run();
    table.record('newest record deleted, verify with the exported head', 'broken truncated', outcome(await log.verify(head)));
  });

  it('upgrades a chain written before the key once (rekey), then verifies keyed', async () => {
    const { store } = await memoryStore();
    const plain = new SqlAuditLog(store);
    for (const index of [1, 2]) await plain.append(entry(index));
    const keyed = new SqlAuditLog(store, { key });
    table.record('old plain chain under the key before rekey', 'broken unkeyed', outcome(await keyed.verify()));
    table.record(
      'after lotse audit rekey',
      'intact',
      outcome(await keyed.rekey()) === 'intact' ? outcome(await keyed.verify()) : 'rekey refused',
    );
  });
});
