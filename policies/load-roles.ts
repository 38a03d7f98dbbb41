/**
 * Loads `policies/roles.yaml`: identity-provider groups → lotse roles, session lifetimes.
 */
import { z } from 'zod';
import { roles } from '../bot/ports/directory.ts';
import type { RolePolicy } from '../bot/ports/identity.ts';
import { readPolicyFile } from './read-policy-file.ts';

const roleSchema = z.enum(roles);

const rolesFileSchema = z
  .object({
    version: z.string().min(1),
    group_claim: z.string().min(1).default('groups'),
    person_claim: z.enum(['email', 'sub', 'oid']).default('email'),
    default_roles: z.array(roleSchema).default(['staff']),
    groups: z.record(z.string().min(1), z.array(roleSchema).min(1)),
    directory_roles: z.boolean().default(true),
    session: z
      .object({
        idle_minutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
        absolute_hours: z
          .number()
          .int()
          .min(1)
          .max(7 * 24),
      })
      .strict(),
  })
  .strict();

/** Reads and validates `roles.yaml` in `dir`; throws a `PolicyError` naming file, line and field. */
export function loadRolePolicy(dir: string): RolePolicy {
  const file = readPolicyFile(dir, 'roles.yaml', rolesFileSchema);
  return {
    version: file.version,
    groupClaim: file.group_claim,
    personClaim: file.person_claim,
    defaultRoles: file.default_roles,
    groups: file.groups,
    directoryRoles: file.directory_roles,
    idleMinutes: file.session.idle_minutes,
    absoluteHours: file.session.absolute_hours,
  };
}
