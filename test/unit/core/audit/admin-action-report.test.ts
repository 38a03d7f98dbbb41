import { describe, expect, it } from 'vitest';
import { adminActionReport } from '../../../../bot/core/audit/admin-action-report.ts';
import type { AdminAction, AuditEntry } from '../../../../bot/ports/audit-log.ts';

const record = (at: string, adminAction?: AdminAction, type: AuditEntry['type'] = 'admin'): AuditEntry => ({
  type,
  at,
  pseudonym: 'abc',
  channel: 'console',
  outcome: 'answered',
  rules: [],
  policyVersion: '1',
  indexVersion: 'i',
  documents: [],
  ...(adminAction ? { adminAction } : {}),
});

describe('adminActionReport', () => {
  it('counts admin records per ISO week and action, without pseudonyms, ignoring turns', () => {
    const report = adminActionReport([
      record('2026-11-30T09:00:00Z', 'upload'),
      record('2026-12-02T09:00:00Z', 'upload'),
      record('2026-12-03T09:00:00Z', 'reindex'),
      record('2026-12-08T09:00:00Z', 'survey_approve'),
      record('2026-12-08T10:00:00Z', undefined, 'answer'),
    ]);
    expect(report).toEqual([
      {
        week: '2026-W49',
        actions: [
          { action: 'upload', count: 2 },
          { action: 'reindex', count: 1 },
        ],
      },
      { week: '2026-W50', actions: [{ action: 'survey_approve', count: 1 }] },
    ]);
    expect(JSON.stringify(report)).not.toContain('abc');
  });
});
