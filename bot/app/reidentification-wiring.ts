/**
 * Wires the re-identification of audit pseudonyms (DV KI § 6 Abs. 3) for createLotse: the store on the store
 * database, the candidates a pseudonym may stand for, the role check against the directory, and one audit
 * record per step, written before the step's result is returned.
 */
import { sql } from 'kysely';
import { rows, type StoreDatabase } from '../adapters/sql/store-database.ts';
import { SqlReidentification } from '../adapters/storage/sql-reidentification.ts';
import type { AuditEntry } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { Directory } from '../ports/directory.ts';
import type { Reidentification } from '../ports/reidentification.ts';

/** What the wiring needs from the running lotse. */
export interface ReidentificationWiring {
  readonly store: StoreDatabase;
  readonly directory: Directory;
  readonly audit: { append(entry: AuditEntry): Promise<void> };
  readonly pseudonym: (userId: string) => string;
  readonly clock: Clock;
  readonly policyVersion: string;
  readonly indexVersion: () => string;
}

/** Creates the re-identification requests (requests stay open for 7 days). */
export function createLotseReidentification(deps: ReidentificationWiring): Reidentification {
  return new SqlReidentification(deps.store, {
    validDays: 7,
    pseudonym: deps.pseudonym,
    // Conversations hold pseudonyms, so the candidates are the directory's people, ticket askers and unkeyed owners.
    candidates: async () => {
      const stored = await rows(
        deps.store.db,
        sql<{ id: string }>`SELECT DISTINCT asker_id AS id FROM tickets UNION SELECT DISTINCT user_id AS id FROM conversations`,
      );
      return [...new Set([...deps.directory.people().map((person) => person.id), ...stored.map((row) => row.id)])];
    },
    holdsRole: (by, role) => deps.directory.person(by)?.roles.includes(role) ?? false,
    onStep: (step, id) =>
      deps.audit.append({
        type: 'reidentification',
        at: deps.clock.now().toISOString(),
        pseudonym: `request-${id}`,
        channel: 'cli',
        outcome: 'escalated',
        rules: [{ id: `reidentification-${step}`, clause: 'DV KI § 6 Abs. 3', action: 'escalate' }],
        policyVersion: deps.policyVersion,
        indexVersion: deps.indexVersion(),
        documents: [],
      }),
  });
}
