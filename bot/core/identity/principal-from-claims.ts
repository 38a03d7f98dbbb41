/**
 * Turns verified identity-provider claims into a principal: the directory person (by e-mail or subject)
 * and the roles from the group mapping, the defaults and — if the policy says so — the directory.
 */
import type { Directory, Role } from '../../ports/directory.ts';
import type { Principal, RolePolicy } from '../../ports/identity.ts';

/** Claims lotse reads (already verified by the OIDC client). */
export interface IdentityClaims {
  readonly sub: string;
  readonly [claim: string]: unknown;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** Maps groups to roles (unknown groups grant nothing). */
export function rolesFromGroups(groups: readonly string[], policy: RolePolicy): Role[] {
  return groups.flatMap((group) => policy.groups[group] ?? []);
}

/** Builds the principal; `pseudonym` turns the IdP subject into a stable id without personal data. */
export function principalFromClaims(claims: IdentityClaims, deps: { policy: RolePolicy; directory: Directory; pseudonym: (sub: string) => string }): Principal {
  const key = claims[deps.policy.personClaim];
  const person = typeof key === 'string'
    ? deps.policy.personClaim === 'email' ? deps.directory.personByChannelId('email', key.toLowerCase()) ?? deps.directory.personByChannelId('email', key) : deps.directory.person(key)
    : undefined;
  const granted = new Set<Role>([...deps.policy.defaultRoles, ...rolesFromGroups(stringList(claims[deps.policy.groupClaim]), deps.policy)]);
  if (person && deps.policy.directoryRoles) for (const role of person.roles) granted.add(role);
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : person?.name ?? 'Angemeldete Person';
  return {
    userId: person?.id ?? deps.pseudonym(claims.sub),
    ...(person ? { personId: person.id } : {}),
    displayName: name,
    roles: [...granted].sort(),
    source: 'oidc',
  };
}
