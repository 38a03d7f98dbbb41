/**
 * Audience resolution over the directory, the sender check against `policies/broadcasts.yaml`, and the
 * coarse "reporting unit" under which a survey answer is stored (never a unit smaller than k people).
 */
import type { Directory, Person } from '../../ports/directory.ts';
import type { Audience, HrPolicy } from '../../ports/hr-types.ts';

/** Why a sender may not address an audience. */
export type AudienceRefusal =
  | { readonly kind: 'not_permitted'; readonly audience: Audience['kind'] }
  | { readonly kind: 'unit_not_permitted'; readonly unit: string }
  | { readonly kind: 'unknown_unit'; readonly unit: string }
  | { readonly kind: 'unknown_topic'; readonly topic: string }
  | { readonly kind: 'unknown_sender' };

function unitIds(directory: Directory, audience: Audience & { kind: 'units' }): Set<string> {
  const ids = new Set<string>();
  for (const unit of audience.units) {
    if (audience.includeSubunits) for (const below of directory.unitWithDescendants(unit)) ids.add(below.id);
    else ids.add(unit);
  }
  return ids;
}

/** The people an audience reaches, sorted by id; `subscribersOf` answers topic audiences. */
export function resolveAudience(
  audience: Audience,
  directory: Directory,
  subscribersOf: (topic: string) => readonly string[],
): readonly string[] {
  const people = directory.people();
  let chosen: readonly Person[];
  if (audience.kind === 'all') chosen = people;
  else if (audience.kind === 'roles') chosen = people.filter((person) => person.roles.some((role) => audience.roles.includes(role)));
  else if (audience.kind === 'units') {
    const ids = unitIds(directory, audience);
    chosen = people.filter((person) => ids.has(person.unit));
  } else {
    const subscribed = new Set(subscribersOf(audience.topic));
    chosen = people.filter((person) => subscribed.has(person.id));
  }
  return [...new Set(chosen.map((person) => person.id))].sort();
}

function insideAllowed(directory: Directory, unit: string, allowed: readonly string[]): boolean {
  return directory.unitPath(unit).some((ancestor) => allowed.includes(ancestor.id));
}

/** Checks that `senderId` may address `audience` under the policy; `undefined` means allowed. */
export function checkSender(senderId: string, audience: Audience, directory: Directory, policy: HrPolicy): AudienceRefusal | undefined {
  const sender = directory.person(senderId);
  if (!sender) return { kind: 'unknown_sender' };
  if (audience.kind === 'units') {
    const unknown = audience.units.find((unit) => !directory.unit(unit));
    if (unknown) return { kind: 'unknown_unit', unit: unknown };
  }
  if (audience.kind === 'topic' && !policy.topics.some((topic) => topic.id === audience.topic))
    return { kind: 'unknown_topic', topic: audience.topic };
  const rules = policy.senders.filter((rule) => sender.roles.includes(rule.role) && rule.audiences.includes(audience.kind));
  if (rules.length === 0) return { kind: 'not_permitted', audience: audience.kind };
  if (audience.kind !== 'units' || rules.some((rule) => !rule.units)) return undefined;
  const outside = audience.units.find((unit) => !rules.some((rule) => insideAllowed(directory, unit, rule.units ?? [])));
  return outside ? { kind: 'unit_not_permitted', unit: outside } : undefined;
}

/**
 * Maps every unit of the audience to its reporting unit, so that each reporting unit holds at least `k`
 * audience members: a smaller group is folded into its parent unit (deepest first), and a small remainder
 * at the top (`''`, the whole survey) absorbs the smallest other group. Answers are stored under the
 * reporting unit only, so a stored unit never narrows a respondent down to fewer than k people.
 */
export function reportingUnits(audienceIds: readonly string[], directory: Directory, k: number): Readonly<Record<string, string>> {
  const membersOfUnit = new Map<string, number>();
  for (const personId of audienceIds) {
    const unit = directory.person(personId)?.unit;
    if (unit) membersOfUnit.set(unit, (membersOfUnit.get(unit) ?? 0) + 1);
  }
  const groupOf = new Map<string, string>([...membersOfUnit.keys()].map((unit) => [unit, unit]));
  const depth = (group: string): number => (group === '' ? 0 : directory.unitPath(group).length);
  const moveGroup = (from: string, to: string): void => {
    for (const [unit, group] of groupOf) if (group === from) groupOf.set(unit, to);
  };
  for (;;) {
    const counts = new Map<string, number>();
    for (const [unit, group] of groupOf) counts.set(group, (counts.get(group) ?? 0) + (membersOfUnit.get(unit) ?? 0));
    const small = [...counts].filter(([group, count]) => group !== '' && count < k).sort((a, b) => depth(b[0]) - depth(a[0]));
    if (small.length > 0) {
      const group = small[0]![0];
      moveGroup(group, directory.unit(group)?.parent ?? '');
      continue;
    }
    const top = counts.get('') ?? 0;
    const others = [...counts].filter(([group]) => group !== '').sort((a, b) => a[1] - b[1]);
    if (top > 0 && top < k && others.length > 0) {
      moveGroup(others[0]![0], '');
      continue;
    }
    return Object.fromEntries(groupOf);
  }
}
