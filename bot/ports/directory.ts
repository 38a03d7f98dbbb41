/**
 * The organisation directory: units (Dezernat → Amt → Sachgebiet), people with their unit and roles,
 * Digitallotsen with deputies, and KI-training status. Used for routing, audiences, identity mapping
 * and masking of staff names. Imported from YAML/CSV now; LDAP or Microsoft Graph later.
 */

/** Roles a person can hold (from the directory, and from identity-provider groups via `policies/roles.yaml`). */
export const roles = ['staff', 'lotse', 'owner', 'hr', 'personalrat', 'dsb', 'admin'] as const;
export type Role = (typeof roles)[number];

/** An organisational unit. */
export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: 'dezernat' | 'amt' | 'sachgebiet' | 'stabsstelle';
  readonly parent?: string;
}

/** A member of staff as far as lotse needs to know. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly roles: readonly Role[];
  readonly email?: string;
  /** Jabber address (bare JID). */
  readonly jid?: string;
  /** Entra ID object id (Teams). */
  readonly aadObjectId?: string;
  /** How a Digitallotse is named to askers ("Digitallotsin" or "Digitallotse"); without it only the name is shown. */
  readonly lotseTitle?: 'Digitallotsin' | 'Digitallotse';
  /** Whether the mandatory KI training (DV KI § 8) is recorded. */
  readonly kiTrained: boolean;
  /** Leichte Sprache by default in every channel (issue #22); an explicit choice in a channel wins. */
  readonly plainLanguage?: boolean;
  readonly tenant?: string;
}

/** Who the Digitallotsen of a unit are, in order, with their deputies. */
export interface LotseAssignment {
  readonly unit: string;
  readonly lotsen: readonly string[];
  readonly deputies: readonly string[];
}

/** Read access to the directory. */
export interface Directory {
  unit(id: string): OrgUnit | undefined;
  units(): readonly OrgUnit[];
  /** The unit and all its ancestors, nearest first. */
  unitPath(id: string): readonly OrgUnit[];
  /** The unit and all units below it. */
  unitWithDescendants(id: string): readonly OrgUnit[];
  person(id: string): Person | undefined;
  people(): readonly Person[];
  personByChannelId(channel: 'email' | 'jid' | 'aadObjectId', value: string): Person | undefined;
  /** The assignment for a unit, searching up the hierarchy (a Sachgebiet inherits its Amt's Lotsen). */
  lotsenFor(unitId: string): LotseAssignment | undefined;
}
