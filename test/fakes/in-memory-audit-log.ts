import type { AuditEntry, AuditLog, AuditVerification } from '../../bot/ports/audit-log.ts';

/** The audit port in memory: appends in order, always intact (no chain to break); records entries for assertions. */
export class InMemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];

  async append(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }

  async verify(): Promise<AuditVerification> {
    return { kind: 'intact', records: this.entries.length };
  }
}
