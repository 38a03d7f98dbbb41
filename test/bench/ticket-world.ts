/**
 * A synthetic county for the ticket simulation: 5 Dezernate with 25 Ämter, 40 Digitallotsen (one or two
 * per Amt, deputies from the same Dezernat), 500 askers, and the expected routing as an independent oracle.
 */
import { parseDirectory } from '../../bot/adapters/directory/load-directory.ts';
import type { EscalationPolicy } from '../../bot/core/escalation/escalation-policy.ts';
import type { Directory } from '../../bot/ports/directory.ts';
import type { TicketPool } from '../../bot/ports/tickets.ts';

/** Deterministic PRNG (mulberry32). */
export { seededRandom as random } from '../../bot/shared/seeded-random.ts';

/** The world: directory, policy and who may claim what. */
export interface TicketWorld {
  readonly directory: Directory;
  readonly policy: EscalationPolicy;
  readonly askers: readonly { readonly id: string; readonly unit: string }[];
  readonly lotsenOf: ReadonlyMap<string, { lotsen: string[]; deputies: string[] }>;
}

/** Builds the world; 25 units × (1 or 2 Lotsen) = 40 Lotsen. */
export function buildWorld(): TicketWorld {
  const units: string[] = ['units:'];
  const people: string[] = ['people:'];
  const lotsen: string[] = ['lotsen:'];
  const lotsenOf = new Map<string, { lotsen: string[]; deputies: string[] }>();
  let lotseCount = 0;
  for (let dezernat = 1; dezernat <= 5; dezernat += 1) units.push(`  - { id: D${dezernat}, name: Dezernat ${dezernat}, kind: dezernat }`);
  for (let amt = 1; amt <= 25; amt += 1) {
    const unit = `A${amt}`;
    units.push(`  - { id: ${unit}, name: Amt ${amt}, kind: amt, parent: D${((amt - 1) % 5) + 1} }`);
    const count = amt <= 15 ? 2 : 1;
    const ids = Array.from({ length: count }, () => `l${++lotseCount}`);
    for (const id of ids) people.push(`  - { id: ${id}, name: Lotse ${id}, unit: ${unit}, roles: [staff, lotse], kiTrained: true }`);
    lotsenOf.set(unit, { lotsen: ids, deputies: [] });
  }
  for (const [unit, entry] of lotsenOf) {
    const sibling = lotsenOf.get(`A${(Number(unit.slice(1)) % 25) + 1}`)!;
    entry.deputies = [sibling.lotsen[0]!];
    lotsen.push(`  - { unit: ${unit}, lotsen: [${entry.lotsen.join(', ')}], deputies: [${entry.deputies.join(', ')}] }`);
  }
  const askers = Array.from({ length: 500 }, (_, index) => ({ id: `s${index + 1}`, unit: `A${(index % 25) + 1}` }));
  for (const asker of askers) people.push(`  - { id: ${asker.id}, name: Person ${asker.id}, unit: ${asker.unit} }`);
  people.push(
    '  - { id: central1, name: Zentrale Eins, unit: A1, roles: [staff, lotse] }',
    '  - { id: central2, name: Zentrale Zwei, unit: A2, roles: [staff, lotse] }',
    '  - { id: it1, name: IT Eins, unit: A3 }',
    '  - { id: dsb1, name: DSB Eins, unit: A4 }',
  );
  const directory = parseDirectory([...units, ...people, ...lotsen].join('\n'), 'simulation.yaml');
  const policy: EscalationPolicy = {
    version: 'simulation',
    topics: [
      { id: 'it', match: ['drucker', 'fehlermeldung'], route: 'it-servicedesk', reply: '' },
      { id: 'dsb', match: ['datenschutz'], route: 'dsb', reply: '' },
      { id: 'personal', match: ['krank'], route: 'refer', reply: 'Bitte wenden Sie sich an die Personalabteilung.' },
    ],
    centralPool: ['central1', 'central2'],
    queues: { 'it-servicedesk': ['it1'], dsb: ['dsb1'] },
    maxOpenPerLotse: 5,
    officeHours: { days: [1, 2, 3, 4, 5], from: '07:30', to: '16:00' },
    reminders: { assignee: 240, deputies: 480, central: 960 },
    expireAfterDays: 14,
  };
  return { directory, policy, askers, lotsenOf };
}

/** What the routing table demands for a question from a unit, given who is at capacity. */
export function expectedRouting(
  world: TicketWorld,
  question: string,
  unit: string,
  atCapacity: (id: string) => boolean,
): { kind: 'refer' } | { kind: 'route'; pool: TicketPool['kind']; allowed: readonly string[] } {
  if (question.includes('krank')) return { kind: 'refer' };
  if (question.includes('drucker')) return { kind: 'route', pool: 'it-servicedesk', allowed: world.policy.queues['it-servicedesk'] };
  if (question.includes('datenschutz')) return { kind: 'route', pool: 'dsb', allowed: world.policy.queues.dsb };
  const entry = world.lotsenOf.get(unit)!;
  const free = entry.lotsen.filter((id) => !atCapacity(id));
  if (free.length) return { kind: 'route', pool: 'unit', allowed: free };
  const deputies = entry.deputies.filter((id) => !atCapacity(id));
  if (deputies.length) return { kind: 'route', pool: 'unit', allowed: deputies };
  return { kind: 'route', pool: 'central', allowed: world.policy.centralPool };
}
