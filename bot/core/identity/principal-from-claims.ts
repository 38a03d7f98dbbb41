/**
 * Turns verified identity-provider claims into a principal: the directory person (by e-mail or subject)
 * and the roles from the group mapping, the defaults and — if the policy says so — the directory.
 */
import type { Directory, Person, Role } from '../../ports/directory.ts';
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

/**
 * The directory person the claims name. An e-mail address counts only when the IdP says it is verified
 * (`email_verified`, or Entra's `xms_edov`): anyone may put any address into an unverified profile (issue #18, item 7).
 */
function directoryPerson(claims: IdentityClaims, policy: RolePolicy, directory: Directory): Person | undefined {
  const key = claims[policy.personClaim];
  if (typeof key !== 'string' || !key) return undefined;
  if (policy.personClaim === 'oid')
    return directory.personByChannelId('aadObjectId', key.toLowerCase()) ?? directory.personByChannelId('aadObjectId', key);
  if (policy.personClaim === 'sub') return directory.person(key);
  if (![true, 'true'].includes(claims.email_verified as never) && claims.xms_edov !== true) return undefined;
  return directory.personByChannelId('email', key.toLowerCase()) ?? directory.personByChannelId('email', key);
}

/** Builds the principal; `pseudonym` turns the IdP subject into a stable id without personal data. */
export function principalFromClaims(
  claims: IdentityClaims,
  deps: { policy: RolePolicy; directory: Directory; pseudonym: (sub: string) => string },
): Principal {
  const person = directoryPerson(claims, deps.policy, deps.directory);
  const granted = new Set<Role>([...deps.policy.defaultRoles, ...rolesFromGroups(stringList(claims[deps.policy.groupClaim]), deps.policy)]);
  if (person && deps.policy.directoryRoles) for (const role of person.roles) granted.add(role);
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : (person?.name ?? 'Angemeldete Person');
  return {
    userId: person?.id ?? deps.pseudonym(claims.sub),
    ...(person ? { personId: person.id } : {}),
    displayName: name,
    roles: [...granted].sort(),
    source: 'oidc',
  };
}
