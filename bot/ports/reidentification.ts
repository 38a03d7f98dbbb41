/**
 * Re-identification of one audit pseudonym (DV KI § 6 Abs. 3): only after two recorded approvals, by the
 * Personalrat and by the data-protection officer, never by the requester, within a time limit; every step is
 * itself audited before its result is returned. Asynchronous (issue #20).
 */

/** The roles whose approvals are both required. */
export type ApprovalRole = 'personalrat' | 'dsb';

/** Outcome of a re-identification step. */
export type ReidentificationResult =
  | { readonly kind: 'requested'; readonly id: number; readonly expiresAt: string }
  | { readonly kind: 'approved'; readonly id: number; readonly missing: readonly ApprovalRole[] }
  | { readonly kind: 'revealed'; readonly id: number; readonly userIds: readonly string[] }
  | {
      readonly kind: 'refused';
      readonly reason: 'not_found' | 'expired' | 'already_revealed' | 'reason_missing' | 'own_request' | 'same_person' | 'not_permitted';
    };

/** A request waiting for approvals, as the console lists it. */
export interface OpenReidentification {
  readonly id: number;
  readonly pseudonym: string;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  /** Role → directory id of the person who approved. */
  readonly approvals: Readonly<Partial<Record<ApprovalRole, string>>>;
}

/** What a re-identification store is given. */
export interface ReidentificationOptions {
  /** Days a request stays open. */
  readonly validDays: number;
  /** Every user id a pseudonym may stand for (read when both approvals are in). */
  readonly candidates: () => Promise<readonly string[]>;
  readonly pseudonym: (userId: string) => string;
  /** Records one step (`requested`, `approved-<role>`, `revealed`); awaited before the step's result is returned. */
  readonly onStep: (step: string, id: number) => Promise<void>;
  /** Whether `by` (a directory person id) holds `role`; approvals from anyone else are refused (issue #18, item 12). */
  readonly holdsRole?: (by: string, role: ApprovalRole) => boolean;
}

/** Requests, approvals and the reveal. */
export interface Reidentification {
  request(input: { pseudonym: string; reason: string; by: string; now: Date }): Promise<ReidentificationResult>;
  /** Requests neither revealed nor expired at `now`, oldest first. */
  open(now: Date): Promise<OpenReidentification[]>;
  approve(input: { id: number; role: ApprovalRole; by: string; now: Date }): Promise<ReidentificationResult>;
}

/** The checks of an approval on a stored request, shared by the stores; undefined when the approval may be recorded. */
export function refusalOf(
  request: {
    readonly requestedBy: string;
    readonly expiresAt: string;
    readonly revealed: boolean;
    readonly approvals: Readonly<Record<string, string>>;
  },
  input: { readonly role: ApprovalRole; readonly by: string; readonly now: Date },
  holdsRole?: (by: string, role: ApprovalRole) => boolean,
): ReidentificationResult | undefined {
  if (request.revealed) return { kind: 'refused', reason: 'already_revealed' };
  if (request.expiresAt < input.now.toISOString()) return { kind: 'refused', reason: 'expired' };
  // Four eyes for real: never the requester, never one person in both roles, only holders of the role.
  if (input.by === request.requestedBy) return { kind: 'refused', reason: 'own_request' };
  if (Object.entries(request.approvals).some(([role, by]) => role !== input.role && by === input.by))
    return { kind: 'refused', reason: 'same_person' };
  if (holdsRole && !holdsRole(input.by, input.role)) return { kind: 'refused', reason: 'not_permitted' };
  return undefined;
}
