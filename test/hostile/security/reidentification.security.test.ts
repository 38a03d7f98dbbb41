/**
 * Issue #18, item 12 (parts): the re-identification of an audit pseudonym needs the Personalrat and the DSB.
 * The requester could approve their own request, one person could approve in both roles, and any free-text
 * name counted as an approver. Now: two different directory people holding the roles, neither the requester.
 */
import { describe, it } from 'vitest';
import { SqlReidentification } from '../../../bot/adapters/storage/sql-reidentification.ts';
import { memoryStore } from '../../support/store-database.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Re-identification, four eyes (issue #18, item 12)');
const now = new Date('2026-11-23T08:00:00.000Z');
const roles: Record<string, readonly string[]> = { 'p-peter': ['personalrat'], 'p-dana': ['dsb'], 'p-both': ['personalrat', 'dsb'] };

async function fresh(): Promise<SqlReidentification> {
  return new SqlReidentification((await memoryStore()).store, {
    validDays: 7,
    candidates: async () => ['u-1', 'u-2'],
    pseudonym: (user) => `ps-${user}`,
    onStep: async () => undefined,
    holdsRole: (by, role) => roles[by]?.includes(role) ?? false,
  });
}

const outcome = (result: { kind: string; reason?: string }): string =>
  result.kind === 'refused' ? `refused ${result.reason}` : result.kind;

describe('four-eyes re-identification', () => {
  it('never lets the requester approve, one person approve twice, or a non-holder approve', async () => {
    const byDana = await fresh();
    await byDana.request({ pseudonym: 'ps-u-2', reason: 'Verdacht auf Missbrauch laut Meldung', by: 'p-dana', now });
    table.record(
      'DSB requests, then approves as DSB (own request)',
      'refused own_request',
      outcome(await byDana.approve({ id: 1, role: 'dsb', by: 'p-dana', now })),
    );

    const both = await fresh();
    await both.request({ pseudonym: 'ps-u-2', reason: 'Verdacht auf Missbrauch laut Meldung', by: 'p-admin', now });
    await both.approve({ id: 1, role: 'personalrat', by: 'p-both', now });
    table.record(
      'same person approves as Personalrat and as DSB',
      'refused same_person',
      outcome(await both.approve({ id: 1, role: 'dsb', by: 'p-both', now })),
    );

    const freeText = await fresh();
    await freeText.request({ pseudonym: 'ps-u-2', reason: 'Verdacht auf Missbrauch laut Meldung', by: 'p-admin', now });
    table.record(
      "approval as Personalrat by free text 'Peter Richter'",
      'refused not_permitted',
      outcome(await freeText.approve({ id: 1, role: 'personalrat', by: 'Peter Richter', now })),
    );
    table.record(
      'approval as DSB by the Personalrat member',
      'refused not_permitted',
      outcome(await freeText.approve({ id: 1, role: 'dsb', by: 'p-peter', now })),
    );
  });

  it('reveals after two different role holders approved (control)', async () => {
    const proper = await fresh();
    await proper.request({ pseudonym: 'ps-u-2', reason: 'Verdacht auf Missbrauch laut Meldung', by: 'p-admin', now });
    await proper.approve({ id: 1, role: 'personalrat', by: 'p-peter', now });
    table.record(
      'Personalrat p-peter, then DSB p-dana',
      'revealed',
      outcome(await proper.approve({ id: 1, role: 'dsb', by: 'p-dana', now })),
    );
  });
});
