/**
 * The key of the audit chain, derived from the audit key (`AUDIT_HMAC_KEY` or `<dataDir>/audit.key`), for
 * checking a chain outside a running lotse (backup verification, restore). `createLotse` derives it the same way (kept
 * apart because create-lotse.ts is at its 300-line cap; the restore test fails if the two ever differ).
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The HMAC key of the chain links for an audit key. */
export function auditChainKey(auditKey: string): string {
  return createHmac('sha256', auditKey).update('lotse-audit-chain').digest('hex');
}

/** The audit key of a data dir without creating one: the configured key, else `<dataDir>/audit.key`, else undefined. */
export function existingAuditKey(dataDir: string, configured?: string): string | undefined {
  if (configured) return configured;
  const file = join(dataDir, 'audit.key');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
