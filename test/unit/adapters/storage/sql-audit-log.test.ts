import { describe, expect, it } from 'vitest';
import { SqlAuditLog } from '../../../../bot/adapters/storage/sql-audit-log.ts';
import { memoryStore } from '../../../support/store-database.ts';
import { weeklyReport } from '../../../../bot/core/guardrails/audit-report.ts';
import type { AuditEntry } from '../../../../bot/ports/audit-log.ts';

const entry = (at: string, partial: Partial<AuditEntry> = {}): AuditEntry => ({
  type: 'answer',
  at,
  pseudonym: 'p1',
  channel: 'web',
  outcome: 'answered',
  rules: [],
  policyVersion: 'v1',
  indexVersion: 'i1',
  documents: [],
  ...partial,
});

async function filled(count = 5) {
  const { database, store } = await memoryStore();
  const log = new SqlAuditLog(store);
  for (let index = 0; index < count; index += 1) await log.append(entry(`2026-11-2${index}T10:00:00.000Z`, { question: `Frage ${index}` }));
  return { database, log };
}

describe('SqlAuditLog', () => {
  it('verifies an untouched chain', async () => {
    expect(await (await filled()).log.verify()).toEqual({ kind: 'intact', records: 5 });
  });

  it('detects an edited, a removed and a reordered record', async () => {
    const edited = await filled();
    edited.database.prepare("UPDATE audit_records SET body = replace(body, 'Frage 2', 'Frage X') WHERE seq = 3").run();
    expect(await edited.log.verify()).toEqual({ kind: 'broken', atSequence: 3, reason: 'edited' });
    const removed = await filled();
    removed.database.prepare('DELETE FROM audit_records WHERE seq = 2').run();
    expect(await removed.log.verify()).toMatchObject({ kind: 'broken', atSequence: 3 });
    const reordered = await filled();
    reordered.database.prepare('UPDATE audit_records SET seq = 100 WHERE seq = 2').run();
    reordered.database.prepare('UPDATE audit_records SET seq = 2 WHERE seq = 4').run();
    reordered.database.prepare('UPDATE audit_records SET seq = 4 WHERE seq = 100').run();
    expect(await reordered.log.verify()).toMatchObject({ kind: 'broken', reason: 'removed_or_reordered' });
  });

  it('purges an expired prefix per retention and stays verifiable, then keeps appending', async () => {
    const { log } = await filled();
    await log.append(entry('2026-11-25T10:00:00.000Z', { type: 'security' }));
    const result = await log.purge(new Date('2026-11-26T12:00:00.000Z'), { answer: 3, refusal: 3, security: 730, reidentification: 730 });
    expect(result.removed).toBe(4);
    expect(await log.verify()).toEqual({ kind: 'intact', records: 2 });
    await log.append(entry('2026-11-26T13:00:00.000Z'));
    expect(await log.verify()).toEqual({ kind: 'intact', records: 3 });
  });
});

describe('weeklyReport', () => {
  it('aggregates per week and suppresses counts below k', () => {
    const entries = [
      ...Array.from({ length: 6 }, (_, index) =>
        entry(`2026-11-16T0${index}:00:00.000Z`, {
          outcome: index < 2 ? 'refused' : 'answered',
          rules: index < 2 ? [{ id: 'person-decision', clause: 'DV KI § 4 Abs. 1', action: 'refuse' as const }] : [],
        }),
      ),
      entry('2026-11-23T10:00:00.000Z'),
    ];
    const [first, second] = weeklyReport(entries);
    expect(first).toMatchObject({ week: '2026-W47', turns: 6, refusedRate: 2 / 6, rules: [{ id: 'person-decision', count: null }] });
    expect(second).toMatchObject({ week: '2026-W48', turns: null, refusedRate: null });
  });

  it('lists unanswered topics only when at least k different people asked', () => {
    const ask = (index: number, question: string, pseudonym: string) =>
      entry(`2026-11-16T0${index % 10}:00:00.000Z`, { outcome: 'no_answer', question, pseudonym });
    const entries = [
      ...Array.from({ length: 5 }, (_, index) => ask(index, `Wie beantrage ich ein Diensthandy für [NAME]?`, `p${index}`)),
      ...Array.from({ length: 6 }, (_, index) => ask(index, 'Gibt es Zuschüsse zum Jobticket?', 'immer-dieselbe-person')),
    ];
    const [week] = weeklyReport(entries);
    expect(week?.unansweredTopics).toEqual([{ topic: 'diensthandy', askers: 5 }]);
  });
});
